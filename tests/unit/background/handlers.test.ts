import { describe, expect, it } from 'vitest';
import {
  badgeText,
  COMMANDS,
  handleCommand,
  handleGlossaryRequest,
  handleLookUp,
  handleRuntimeMessage,
  handleTabLoading,
  type BackgroundApi,
} from '../../../src/background/handlers';
import type { Message } from '../../../src/messaging/protocol';

const OWN_ID = 'own-extension-id';

type Call =
  | ['setBadge', number, string]
  | ['setIcon', number, boolean]
  | ['sendToTab', number, Message]
  | ['openEntry', string]
  | ['injectScript', { tabId: number; frameId: number; documentId?: string }, string];

/** A BackgroundApi that records every call instead of touching the browser. */
function fakeApi(activeTab: number | 'none' = 7) {
  const calls: Call[] = [];
  const api: BackgroundApi = {
    extensionId: OWN_ID,
    async setBadge(tabId, text) {
      calls.push(['setBadge', tabId, text]);
    },
    async setIcon(tabId, active) {
      calls.push(['setIcon', tabId, active]);
    },
    async sendToTab(tabId, message) {
      calls.push(['sendToTab', tabId, message]);
      return undefined;
    },
    async activeTabId() {
      return activeTab === 'none' ? undefined : activeTab;
    },
    async openEntry(id) {
      calls.push(['openEntry', id]);
    },
    async injectScript(target, file) {
      calls.push(['injectScript', target, file]);
    },
    async insertStyles() {},
    async probeFrames() {
      return [];
    },
    glossary: fakeGlossary(),
  };
  return { api, calls };
}

/** A stand-in for ReaderGlossary that answers with recognisable values. */
export function fakeGlossary(): BackgroundApi['glossary'] {
  return {
    cardData: async (id: string) => ({ entries: [], note: `note on ${id}`, userIds: [] }),
    compiled: async () => ({
      version: 1,
      source: 'x',
      flags: 'gu',
      aliases: [],
      related: {},
      kinds: {},
    }),
    resolve: async (text: string) => (text === 'Trainium' ? 'trainium' : null),
  } as unknown as BackgroundApi['glossary'];
}

const summary = (distinct: number, active = true) => ({
  type: 'tab/summary-changed',
  distinct,
  active,
});

describe('badgeText', () => {
  it('is empty for no entities', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-3)).toBe('');
  });

  it('shows the count up to 99 and "99+" past it', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(14)).toBe('14');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(5000)).toBe('99+');
  });
});

describe('handleRuntimeMessage', () => {
  it('sets the badge and the active icon for a summary from a tab’s top frame', async () => {
    const { api, calls } = fakeApi();
    const handled = await handleRuntimeMessage(api, summary(14), {
      id: OWN_ID,
      tab: { id: 3 } as never,
      frameId: 0,
    });
    expect(handled).toBe(true);
    expect(calls).toEqual([
      ['setBadge', 3, '14'],
      ['setIcon', 3, true],
    ]);
  });

  it('treats a missing frame id as the top frame', async () => {
    const { api, calls } = fakeApi();
    expect(
      await handleRuntimeMessage(api, summary(2), { id: OWN_ID, tab: { id: 4 } as never }),
    ).toBe(true);
    expect(calls).toEqual([
      ['setBadge', 4, '2'],
      ['setIcon', 4, true],
    ]);
  });

  it('clears the badge and shows the inactive icon when the extension is off there', async () => {
    const { api, calls } = fakeApi();
    await handleRuntimeMessage(api, summary(9, false), { id: OWN_ID, tab: { id: 3 } as never });
    expect(calls).toEqual([
      ['setBadge', 3, ''],
      ['setIcon', 3, false],
    ]);
  });

  it('clears the badge for a page with no entities', async () => {
    const { api, calls } = fakeApi();
    await handleRuntimeMessage(api, summary(0), { id: OWN_ID, tab: { id: 3 } as never });
    expect(calls[0]).toEqual(['setBadge', 3, '']);
  });

  it.each([
    ['another extension', { id: 'someone-else', tab: { id: 3 }, frameId: 0 }],
    ['a sender without id', { tab: { id: 3 }, frameId: 0 }],
    ['no sender', undefined],
    ['a sender without tab (an extension page)', { id: OWN_ID }],
    ['a subframe', { id: OWN_ID, tab: { id: 3 }, frameId: 2 }],
  ])('ignores a summary from %s', async (_, sender) => {
    const { api, calls } = fakeApi();
    expect(await handleRuntimeMessage(api, summary(5), sender as never)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('ignores malformed messages and messages meant for content scripts', async () => {
    const { api, calls } = fakeApi();
    const sender = { id: OWN_ID, tab: { id: 3 } as never, frameId: 0 };
    for (const raw of [
      null,
      'tab/summary-changed',
      { type: 'tab/summary-changed', distinct: -1, active: true },
      { type: 'tab/summary-changed', distinct: 3 },
      { type: 'page/get-summary' },
      { type: 'page/toggle-marks' },
    ]) {
      expect(await handleRuntimeMessage(api, raw, sender)).toBe(false);
    }
    expect(calls).toEqual([]);
  });
});

describe('handleTabLoading', () => {
  it('clears the tab’s badge', async () => {
    const { api, calls } = fakeApi();
    await handleTabLoading(api, 12);
    expect(calls).toEqual([['setBadge', 12, '']]);
  });
});

describe('handleCommand', () => {
  it.each(Object.entries(COMMANDS))(
    'sends the %s command to the active tab',
    async (command, message) => {
      const { api, calls } = fakeApi(7);
      expect(await handleCommand(api, command)).toBe(true);
      expect(calls).toEqual([['sendToTab', 7, message]]);
    },
  );

  it('maps the commands to the toggle and step messages', () => {
    expect(COMMANDS['toggle-marks']).toEqual({ type: 'page/toggle-marks' });
    expect(COMMANDS['next-mention']).toEqual({ type: 'page/step', direction: 1 });
    expect(COMMANDS['previous-mention']).toEqual({ type: 'page/step', direction: -1 });
  });

  it.each(['unknown', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'ignores the unknown command %j',
    async (command) => {
      const { api, calls } = fakeApi(7);
      expect(await handleCommand(api, command)).toBe(false);
      expect(calls).toEqual([]);
    },
  );

  it('does nothing without an active tab', async () => {
    const { api, calls } = fakeApi('none');
    expect(await handleCommand(api, 'toggle-marks')).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('handleLookUp', () => {
  it('sends the trimmed selection to the tab', async () => {
    const { api, calls } = fakeApi();
    expect(await handleLookUp(api, '  Trainium 2\n', 5)).toBe(true);
    expect(calls).toEqual([['sendToTab', 5, { type: 'page/look-up', text: 'Trainium 2' }]]);
  });

  it('cuts a long selection to what the protocol accepts', async () => {
    const { api, calls } = fakeApi();
    await handleLookUp(api, 'x'.repeat(500), 5);
    const sent = calls[0]?.[2] as { text: string };
    expect(sent.text).toHaveLength(200);
  });

  it.each([
    ['an empty selection', ''],
    ['a blank selection', '  \n\t '],
    ['no selection', undefined],
  ])('ignores %s', async (_, selection) => {
    const { api, calls } = fakeApi();
    expect(await handleLookUp(api, selection, 5)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('ignores a selection outside any tab', async () => {
    const { api, calls } = fakeApi();
    expect(await handleLookUp(api, 'Nvidia', undefined)).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('handleGlossaryRequest', () => {
  const own = { id: OWN_ID };

  it('answers its own content scripts with one card, the pattern and a resolved id', async () => {
    const { api } = fakeApi();
    expect(
      await handleGlossaryRequest(api, { type: 'glossary/get-card', id: 'cuda' }, own),
    ).toMatchObject({ note: 'note on cuda' });
    expect(await handleGlossaryRequest(api, { type: 'glossary/get-matcher' }, own)).toMatchObject({
      source: 'x',
    });
    expect(
      await handleGlossaryRequest(api, { type: 'glossary/resolve', text: 'Trainium' }, own),
    ).toEqual({ id: 'trainium' });
    expect(
      await handleGlossaryRequest(api, { type: 'glossary/resolve', text: 'nothing' }, own),
    ).toEqual({ id: null });
  });

  it('gives no answer to other senders, malformed requests or other messages', () => {
    const { api } = fakeApi();
    expect(
      handleGlossaryRequest(api, { type: 'glossary/get-card', id: 'cuda' }, { id: 'other' }),
    ).toBeUndefined();
    expect(
      handleGlossaryRequest(api, { type: 'glossary/get-card', id: 'cuda' }, undefined),
    ).toBeUndefined();
    // Card requests name one well-formed entry id.
    expect(handleGlossaryRequest(api, { type: 'glossary/get-card' }, own)).toBeUndefined();
    expect(
      handleGlossaryRequest(api, { type: 'glossary/get-card', id: '__proto__' }, own),
    ).toBeUndefined();
    expect(handleGlossaryRequest(api, { type: 'glossary/resolve', text: '' }, own)).toBeUndefined();
    expect(
      handleGlossaryRequest(api, { type: 'glossary/resolve', text: 'x'.repeat(201) }, own),
    ).toBeUndefined();
    expect(handleGlossaryRequest(api, summary(3), own)).toBeUndefined();
  });

  it('opens an entry in the glossary page for its own content scripts only', async () => {
    const { api, calls } = fakeApi();
    expect(
      handleGlossaryRequest(api, { type: 'glossary/open-entry', id: 'cuda' }, { id: 'other' }),
    ).toBeUndefined();
    expect(calls).toEqual([]);
    expect(
      await handleGlossaryRequest(api, { type: 'glossary/open-entry', id: 'cuda' }, own),
    ).toEqual({ opened: true });
    expect(calls).toEqual([['openEntry', 'cuda']]);
  });
});
