/**
 * The background's message and event handlers, as plain functions over a small API
 * surface so unit tests call them directly.
 */
import type { Browser } from 'wxt/browser';
import {
  isOwnSender,
  type FrameProbe,
  parseMessage,
  type ContentPart,
  type SenderLike,
  type Message,
} from '../messaging/protocol';
import type { ReaderGlossary } from './reader-glossary';

/** The parts of the extension API the handlers use. */
export interface BackgroundApi {
  extensionId: string;
  setBadge(tabId: number, text: string): Promise<void>;
  setIcon(tabId: number, active: boolean): Promise<void>;
  sendToTab(tabId: number, message: Message): Promise<unknown>;
  activeTabId(): Promise<number | undefined>;
  /** The reader's glossary, for content scripts. */
  glossary: Pick<ReaderGlossary, 'cardData' | 'compiled' | 'resolve'>;
  /** Opens the glossary page at an entry, in a new tab. */
  openEntry(id: string): Promise<void>;
  /** Runs an extension script file in one frame (of one document) of a tab. */
  injectScript(
    target: { tabId: number; frameId: number; documentId?: string },
    file: string,
  ): Promise<void>;
  /** Runs FRAME_PROBE in every frame of a tab; one answer per frame that ran it. */
  probeFrames(tabId: number): Promise<ProbedFrame[]>;
  /** Adds an extension stylesheet to one frame (of one document) of a tab. */
  insertStyles(
    target: { tabId: number; frameId: number; documentId?: string },
    file: string,
  ): Promise<void>;
}

/** A frame's answer to FRAME_PROBE (src/content/frame-probe.ts), with where it ran. */
export interface ProbedFrame {
  frameId: number;
  documentId?: string;
  probe: FrameProbe | undefined;
}

/** The loader (entrypoints/content.ts) and what the manifest injects with it. */
export const LOADER_FILE = '/content-scripts/content.js';
export const LOADER_STYLES = '/content-scripts/highlights.css';
/** Asks a frame whether it wants the loader (entrypoints/frame-probe.ts). */
export const FRAME_PROBE = '/frame-probe.js';

/** The script file of each in-page part (entrypoints/annotator.ts, entrypoints/card-ui.ts). */
export const PART_FILES: Record<ContentPart, string> = {
  annotator: '/annotator.js',
  'card-ui': '/card-ui.js',
};

/** Badge text for a number of distinct entities: empty for none, "99+" past 99. */
export function badgeText(distinct: number): string {
  if (distinct <= 0) return '';
  return distinct > 99 ? '99+' : String(distinct);
}

/**
 * Handles a runtime message; only `tab/summary-changed` from a content script of this
 * extension is meant for the background. Returns true when the message was handled.
 */
export async function handleRuntimeMessage(
  api: BackgroundApi,
  raw: unknown,
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'tab' | 'frameId'> | undefined,
): Promise<boolean> {
  const message = parseMessage(raw);
  if (!message || !isOwnSender(sender, api.extensionId)) return false;
  if (message.type !== 'tab/summary-changed') return false;
  const tabId = sender?.tab?.id;
  if (tabId === undefined || (sender?.frameId ?? 0) !== 0) return false;
  await api.setBadge(tabId, message.active ? badgeText(message.distinct) : '');
  await api.setIcon(tabId, message.active);
  return true;
}

/**
 * Answers a content script's request for the reader's glossary; undefined (no answer)
 * for anything else, including requests from outside the extension.
 */
export function handleGlossaryRequest(
  api: BackgroundApi,
  raw: unknown,
  sender: (SenderLike & { frameId?: number; documentId?: string }) | undefined,
): Promise<unknown> | undefined {
  const message = parseMessage(raw);
  if (!message || !isOwnSender(sender, api.extensionId)) return undefined;
  switch (message.type) {
    case 'content/load': {
      // Only into the frame that asks (a content script of this extension).
      const tabId = sender?.tab?.id;
      if (tabId === undefined || sender?.frameId === undefined) return undefined;
      const target = { tabId, frameId: sender.frameId, documentId: sender.documentId };
      return api.injectScript(target, PART_FILES[message.part]).then(
        () => ({ loaded: true }),
        () => ({ loaded: false }),
      );
    }
    case 'content/frames': {
      // Only for the top frame's loader, which saw frames large enough to read.
      const tabId = sender?.tab?.id;
      if (tabId === undefined || sender?.frameId !== 0) return undefined;
      return loadIntoFrames(api, tabId).then((frames) => ({ frames }));
    }
    case 'glossary/get-card':
      return api.glossary.cardData(message.id);
    case 'glossary/open-entry':
      return api.openEntry(message.id).then(
        () => ({ opened: true }),
        () => ({ opened: false }),
      );
    case 'glossary/get-matcher':
      return api.glossary.compiled();
    case 'glossary/resolve':
      return api.glossary.resolve(message.text).then((id) => ({ id }));
    default:
      return undefined;
  }
}

/**
 * Injects the loader, with the marks' styles, into every sub-frame of the tab that is
 * large enough to read and does not have it yet; returns how many got it. Small frames
 * (ads, widgets) never do: the reader pays nothing for them.
 */
export async function loadIntoFrames(api: BackgroundApi, tabId: number): Promise<number> {
  const probed = await api.probeFrames(tabId).catch(() => [] as ProbedFrame[]);
  const wanted = probed.filter((f) => f.frameId !== 0 && f.probe?.wanted === true);
  const loaded = await Promise.all(
    wanted.map(async ({ frameId, documentId }) => {
      const target = { tabId, frameId, ...(documentId && { documentId }) };
      try {
        await api.insertStyles(target, LOADER_STYLES);
        await api.injectScript(target, LOADER_FILE);
        return true;
      } catch {
        // The frame navigated or closed meanwhile.
        return false;
      }
    }),
  );
  return loaded.filter(Boolean).length;
}

/** A tab started loading a new page: its badge belongs to the old page. */
export async function handleTabLoading(api: BackgroundApi, tabId: number): Promise<void> {
  await api.setBadge(tabId, '');
}

export const COMMANDS = {
  'toggle-marks': { type: 'page/toggle-marks' },
  'next-mention': { type: 'page/step', direction: 1 },
  'previous-mention': { type: 'page/step', direction: -1 },
} as const satisfies Record<string, Message>;

/** A keyboard command: forwarded to the active tab's content script. */
export async function handleCommand(api: BackgroundApi, command: string): Promise<boolean> {
  // Own keys only: "toString" or "constructor" are not commands.
  if (!Object.hasOwn(COMMANDS, command)) return false;
  const message = (COMMANDS as Record<string, Message>)[command];
  if (!message) return false;
  const tabId = await api.activeTabId();
  if (tabId === undefined) return false;
  await api.sendToTab(tabId, message);
  return true;
}

export const LOOK_UP_MENU_ID = 'sovereignty-lens-look-up';

/** The context-menu item: shows the card of the selected text in its page. */
export async function handleLookUp(
  api: BackgroundApi,
  selection: string | undefined,
  tabId: number | undefined,
): Promise<boolean> {
  const text = selection?.trim().slice(0, 200);
  if (!text || tabId === undefined) return false;
  await api.sendToTab(tabId, { type: 'page/look-up', text });
  return true;
}
