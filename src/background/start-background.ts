import { browser } from 'wxt/browser';
import type { FrameProbe, Message } from '../messaging/protocol';
import { followManagedPolicy } from './managed';
import { ReaderGlossary } from './reader-glossary';
import {
  FRAME_PROBE,
  LOOK_UP_MENU_ID,
  handleCommand,
  handleGlossaryRequest,
  handleLookUp,
  handleRuntimeMessage,
  handleTabLoading,
  type BackgroundApi,
} from './handlers';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const iconPaths = (folder: string) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/${folder}/${size}.png`]));

/** The toolbar button: `action` in MV3, `browserAction` in Firefox MV2. */
function toolbar() {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

function createApi(glossary: ReaderGlossary): BackgroundApi {
  return {
    glossary,
    extensionId: browser.runtime.id,
    async setBadge(tabId, text) {
      await toolbar()
        .setBadgeText({ tabId, text })
        .catch(() => undefined);
      if (text)
        await toolbar()
          .setBadgeBackgroundColor({ tabId, color: '#1f3b73' })
          .catch(() => undefined);
    },
    async setIcon(tabId, active) {
      await toolbar()
        .setIcon({ tabId, path: iconPaths(active ? 'icon' : 'icon-off') })
        .catch(() => undefined);
    },
    async sendToTab(tabId, message: Message) {
      return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
    async openEntry(id) {
      const url = browser.runtime.getURL(`/glossary.html#/entry/${encodeURIComponent(id)}`);
      await browser.tabs.create({ url });
    },
    async injectScript({ tabId, frameId, documentId }, file) {
      if (browser.scripting) {
        // Chromium (MV3): the very document that asked, when the browser names it.
        const target = scriptingTarget(tabId, frameId, documentId);
        // (WXT types `files` as the build's own paths; ours come from PART_FILES.)
        const execute = browser.scripting.executeScript as (details: {
          target: typeof target;
          files: string[];
        }) => Promise<unknown>;
        await execute({ target, files: [file] });
        return;
      }
      // Firefox (MV2).
      const tabs = browser.tabs as unknown as {
        executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown>;
      };
      await tabs.executeScript(tabId, { file, frameId });
    },
    async probeFrames(tabId) {
      if (browser.scripting) {
        const execute = browser.scripting.executeScript as (details: {
          target: { tabId: number; allFrames: true };
          files: string[];
        }) => Promise<{ frameId: number; documentId?: string; result?: unknown }[]>;
        const results = await execute({ target: { tabId, allFrames: true }, files: [FRAME_PROBE] });
        return results.map(({ frameId, documentId, result }) => ({
          frameId,
          ...(documentId && { documentId }),
          probe: result as FrameProbe | undefined,
        }));
      }
      // Firefox (MV2): results come without their frame; the probe reports its own id.
      const tabs = browser.tabs as unknown as {
        executeScript(
          tabId: number,
          details: { file: string; allFrames: true },
        ): Promise<unknown[]>;
      };
      const results = await tabs.executeScript(tabId, { file: FRAME_PROBE, allFrames: true });
      return results.flatMap((result) => {
        const probe = result as FrameProbe | undefined;
        return typeof probe?.frameId === 'number' ? [{ frameId: probe.frameId, probe }] : [];
      });
    },
    async insertStyles({ tabId, frameId, documentId }, file) {
      if (browser.scripting) {
        const target = scriptingTarget(tabId, frameId, documentId);
        const insert = browser.scripting.insertCSS as (details: {
          target: typeof target;
          files: string[];
        }) => Promise<unknown>;
        await insert({ target, files: [file] });
        return;
      }
      const tabs = browser.tabs as unknown as {
        insertCSS(tabId: number, details: { file: string; frameId: number }): Promise<unknown>;
      };
      await tabs.insertCSS(tabId, { file, frameId });
    },
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
  };
}

/** A `scripting` target: the very document when the browser names it, else the frame. */
function scriptingTarget(tabId: number, frameId: number, documentId: string | undefined) {
  return documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
}

/** Wires the background: badge, icon, keyboard commands and the context menu. */
export function startBackground(): void {
  followManagedPolicy();
  const glossary = new ReaderGlossary();
  glossary.watch();
  const api = createApi(glossary);
  browser.runtime.onMessage.addListener((raw, sender) => {
    const reply = handleGlossaryRequest(api, raw, sender);
    if (reply) return reply;
    void handleRuntimeMessage(api, raw, sender);
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void handleTabLoading(api, tabId);
  });
  browser.commands.onCommand.addListener((command) => void handleCommand(api, command));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: LOOK_UP_MENU_ID,
      title: browser.i18n.getMessage('lookUpMenu'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LOOK_UP_MENU_ID) void handleLookUp(api, info.selectionText, tab?.id);
  });
}
