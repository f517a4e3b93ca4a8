/**
 * Forged senders: the message guards of src/messaging/protocol.ts and the background's
 * runtime handler accept only this extension's own contexts, and only well-formed
 * messages. The handler is called directly, as the browser would, with forged senders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  handleGlossaryRequest,
  handleRuntimeMessage,
  type BackgroundApi,
} from '../../../src/background/handlers';
import { isOwnSender, parseMessage, type SenderLike } from '../../../src/messaging/protocol';

const OWN_ID = 'sovereignty-lens@sovereignty-lens.org';
const SUMMARY = { type: 'tab/summary-changed', distinct: 3, active: true };

/** Senders that are not this extension, each as the browser could report it. */
const FORGED: [string, SenderLike & { frameId?: number }][] = [
  ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', tab: { id: 7 }, frameId: 0 }],
  ['another extension sharing our id as a prefix', { id: `${OWN_ID}.evil`, tab: { id: 7 } }],
  ['an id differing only in case', { id: OWN_ID.toUpperCase(), tab: { id: 7 }, frameId: 0 }],
  ['a sender without an id', { tab: { id: 7 }, frameId: 0 }],
  ['a sender with an empty id', { id: '', tab: { id: 7 }, frameId: 0 }],
  [
    'a web page',
    {
      url: 'https://evil.example/page',
      origin: 'https://evil.example',
      tab: { id: 7 },
      frameId: 0,
    },
  ],
  [
    'a web page claiming our URL',
    { url: `moz-extension://${OWN_ID}/popup.html`, origin: 'https://evil.example', tab: { id: 7 } },
  ],
  ['a native application (no sender fields)', {}],
];

function fakeApi(extensionId = OWN_ID): BackgroundApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    extensionId,
    calls,
    async setBadge(tabId, text) {
      calls.push(`badge ${tabId} ${text}`);
    },
    async setIcon(tabId, active) {
      calls.push(`icon ${tabId} ${active}`);
    },
    async sendToTab(tabId, message) {
      calls.push(`send ${tabId} ${message.type}`);
    },
    async activeTabId() {
      return 7;
    },
    async openEntry(id) {
      calls.push(`open ${id}`);
    },
    async injectScript(target, file) {
      calls.push(`inject ${target.tabId} ${target.frameId} ${file}`);
    },
    async insertStyles(target, file) {
      calls.push(`styles ${target.tabId} ${target.frameId} ${file}`);
    },
    async probeFrames(tabId) {
      calls.push(`probe ${tabId}`);
      // The top frame, a large frame without the loader, an ad, a frame that has it.
      return [
        { frameId: 0, probe: { wanted: false } },
        { frameId: 4, documentId: 'D4', probe: { wanted: true } },
        { frameId: 5, probe: { wanted: false } },
        { frameId: 6, probe: undefined },
      ];
    },
    glossary: {
      cardData: async () => {
        calls.push('card data');
        return { entries: [], note: null, userIds: [] };
      },
      compiled: async () => {
        calls.push('compiled');
        return {} as never;
      },
      resolve: async () => {
        calls.push('resolve');
        return null;
      },
    } as unknown as BackgroundApi['glossary'],
  };
}

describe('isOwnSender', () => {
  it('accepts a sender with this extension id', () => {
    expect(isOwnSender({ id: OWN_ID, tab: { id: 7 } }, OWN_ID)).toBe(true);
    expect(isOwnSender({ id: OWN_ID, url: `moz-extension://x/popup.html` }, OWN_ID)).toBe(true);
  });

  it.each(FORGED)('refuses %s', (_, sender) => {
    expect(isOwnSender(sender, OWN_ID)).toBe(false);
  });

  it('refuses a missing sender', () => {
    expect(isOwnSender(undefined, OWN_ID)).toBe(false);
  });

  it('refuses everything when its own id is unknown (empty)', () => {
    expect(isOwnSender({}, '')).toBe(false);
    expect(isOwnSender({ id: '' }, '')).toBe(false);
    expect(isOwnSender({ id: undefined }, '')).toBe(false);
  });

  it('refuses any random sender id other than its own', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (id) => {
        fc.pre(id !== OWN_ID);
        return !isOwnSender({ id, tab: { id: 1 } }, OWN_ID);
      }),
    );
  });
});

describe('parseMessage against forged payloads', () => {
  it.each([
    ['a string', 'page/get-summary'],
    ['an array', [{ type: 'page/get-summary' }]],
    ['an unknown type', { type: 'page/run-script', code: 'alert(1)' }],
    // Messages arrive structured-cloned: own JSON properties only, no prototypes.
    ['a prototype-polluting payload', JSON.parse('{"__proto__": {"type": "page/get-summary"}}')],
    ['an id with markup', { type: 'page/reveal', id: '<img src=x onerror=alert(1)>' }],
    ['an id that is not a string', { type: 'page/reveal', id: { toString: () => 'cuda' } }],
    ['an over-long look-up text', { type: 'page/look-up', text: 'x'.repeat(201) }],
    ['a blank look-up text', { type: 'page/look-up', text: '  \n ' }],
    ['a step of 2', { type: 'page/step', direction: 2 }],
    ['a step as a string', { type: 'page/step', direction: '1' }],
    ['a negative count', { ...SUMMARY, distinct: -1 }],
    ['a fractional count', { ...SUMMARY, distinct: 1.5 }],
    ['a NaN count', { ...SUMMARY, distinct: Number.NaN }],
    ['an infinite count', { ...SUMMARY, distinct: Number.POSITIVE_INFINITY }],
    ['a count as a string', { ...SUMMARY, distinct: '3' }],
    ['an active flag as a string', { ...SUMMARY, active: 'true' }],
  ])('refuses %s', (_, payload) => {
    expect(parseMessage(payload)).toBeUndefined();
  });

  it('never throws and returns only known fields for any JSON value', () => {
    const types = [
      'page/get-summary',
      'page/reveal',
      'page/step',
      'page/toggle-marks',
      'page/look-up',
      'tab/summary-changed',
    ];
    const allowed: Record<string, string[]> = {
      'page/get-summary': ['type'],
      'page/toggle-marks': ['type'],
      'page/reveal': ['type', 'id'],
      'page/step': ['type', 'direction'],
      'page/look-up': ['type', 'text'],
      'tab/summary-changed': ['type', 'distinct', 'active'],
    };
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          type: fc.constantFrom(...types),
          id: fc.oneof(fc.string(), fc.jsonValue()),
          direction: fc.oneof(fc.constantFrom(1, -1), fc.jsonValue()),
          text: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
          distinct: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
          active: fc.oneof(fc.boolean(), fc.jsonValue()),
          extra: fc.jsonValue(),
        },
        { requiredKeys: ['type'] },
      ),
    );
    fc.assert(
      fc.property(payload, (value) => {
        const message = parseMessage(value);
        if (message === undefined) return true;
        return Object.keys(message).every((key) => allowed[message.type]!.includes(key));
      }),
      { numRuns: 500 },
    );
  });
});

describe('handleRuntimeMessage with forged senders', () => {
  it('updates the badge for its own content script in a top frame (the control)', async () => {
    const api = fakeApi();
    const handled = await handleRuntimeMessage(api, SUMMARY, {
      id: OWN_ID,
      tab: { id: 7 } as never,
      frameId: 0,
    });
    expect(handled).toBe(true);
    expect(api.calls).toEqual(['badge 7 3', 'icon 7 true']);
  });

  it.each(FORGED)('ignores a well-formed message from %s', async (_, sender) => {
    const api = fakeApi();
    const handled = await handleRuntimeMessage(api, SUMMARY, sender as never);
    expect(handled).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('ignores a message without a sender', async () => {
    const api = fakeApi();
    expect(await handleRuntimeMessage(api, SUMMARY, undefined)).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('ignores a sender without an id when its own id is unknown', async () => {
    const api = fakeApi('');
    const sender = { tab: { id: 7 }, frameId: 0 } as never;
    expect(await handleRuntimeMessage(api, SUMMARY, sender)).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('ignores its own subframes and its own pages (no tab) for the badge', async () => {
    const api = fakeApi();
    expect(
      await handleRuntimeMessage(api, SUMMARY, { id: OWN_ID, tab: { id: 7 } as never, frameId: 3 }),
    ).toBe(false);
    expect(await handleRuntimeMessage(api, SUMMARY, { id: OWN_ID })).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('ignores malformed or foreign messages even from its own sender', async () => {
    const api = fakeApi();
    const sender = { id: OWN_ID, tab: { id: 7 } as never, frameId: 0 };
    for (const raw of [
      null,
      'tab/summary-changed',
      { ...SUMMARY, distinct: -5 },
      { type: 'page/look-up', text: 'Nvidia' },
      { type: 'page/reveal', id: 'cuda' },
    ]) {
      expect(await handleRuntimeMessage(api, raw, sender)).toBe(false);
    }
    expect(api.calls).toEqual([]);
  });

  it('never acts on random messages from random senders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.record(
          {
            id: fc.option(fc.string(), { nil: undefined }),
            url: fc.webUrl(),
            tab: fc.record({ id: fc.nat() }),
            frameId: fc.nat({ max: 3 }),
          },
          { requiredKeys: [] },
        ),
        async (raw, sender) => {
          fc.pre(sender.id !== OWN_ID);
          const api = fakeApi();
          const handled = await handleRuntimeMessage(api, raw, sender as never);
          return !handled && api.calls.length === 0;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('handleGlossaryRequest with forged senders', () => {
  it.each(FORGED)('answers nothing to %s', (_, sender) => {
    const api = fakeApi();
    for (const message of [
      { type: 'glossary/get-card', id: 'cuda' },
      { type: 'glossary/open-entry', id: 'cuda' },
      { type: 'glossary/get-matcher' },
      { type: 'glossary/resolve', text: 'Nvidia' },
      { type: 'content/load', part: 'annotator' },
      { type: 'content/frames' },
    ])
      expect(handleGlossaryRequest(api, message, sender)).toBeUndefined();
    expect(api.calls).toEqual([]);
  });

  it('injects a part only into the frame of its own content script that asks, and only a known part', async () => {
    const api = fakeApi();
    const frame = { id: OWN_ID, tab: { id: 7 }, frameId: 3 };
    expect(
      await handleGlossaryRequest(api, { type: 'content/load', part: 'card-ui' }, frame),
    ).toEqual({
      loaded: true,
    });
    expect(api.calls).toEqual(['inject 7 3 /card-ui.js']);
    for (const part of ['background', '../popup', '/annotator.js', undefined]) {
      expect(handleGlossaryRequest(api, { type: 'content/load', part }, frame)).toBeUndefined();
    }
    // Not from a tab (an extension page): nothing to inject into.
    expect(
      handleGlossaryRequest(api, { type: 'content/load', part: 'annotator' }, { id: OWN_ID }),
    ).toBeUndefined();
    expect(api.calls).toHaveLength(1);
  });

  it('loads the loader and its styles only into the large frames that lack it, for the top frame only', async () => {
    const api = fakeApi();
    const top = { id: OWN_ID, tab: { id: 7 }, frameId: 0 };
    expect(await handleGlossaryRequest(api, { type: 'content/frames' }, top)).toEqual({
      frames: 1,
    });
    expect(api.calls).toEqual([
      'probe 7',
      'styles 7 4 /content-scripts/highlights.css',
      'inject 7 4 /content-scripts/content.js',
    ]);
    // A sub-frame cannot ask, nor can an extension page without a tab.
    const sub = { id: OWN_ID, tab: { id: 7 }, frameId: 2 };
    expect(handleGlossaryRequest(api, { type: 'content/frames' }, sub)).toBeUndefined();
    expect(handleGlossaryRequest(api, { type: 'content/frames' }, { id: OWN_ID })).toBeUndefined();
    expect(api.calls).toHaveLength(3);
  });

  it('answers its own content script (the control)', async () => {
    const api = fakeApi();
    await handleGlossaryRequest(api, { type: 'glossary/get-card', id: 'cuda' }, { id: OWN_ID });
    expect(api.calls).toEqual(['card data']);
  });
});
