/** Typed senders over `runtime.sendMessage` / `tabs.sendMessage`. */
import { browser } from 'wxt/browser';
import type { CompiledGlossary } from '../glossary/matcher';
import type {
  CardData,
  GetCard,
  GetMatcher,
  GetPageSummary,
  LoadFrames,
  LoadPart,
  LookUpSelection,
  OpenEntry,
  PageSummary,
  ResolveText,
  RevealEntity,
  StartPage,
  StepMention,
  SummaryChanged,
  ToggleMarks,
} from './protocol';

interface Replies {
  'page/get-summary': PageSummary;
  'page/reveal': { found: boolean };
  'page/step': { found: boolean };
  'page/toggle-marks': { visible: boolean };
  'page/look-up': { found: boolean };
  'page/start': { active: boolean };
  'content/load': { loaded: boolean };
  'content/frames': { frames: number };
  'glossary/get-card': CardData | null;
  'glossary/open-entry': { opened: boolean };
  'glossary/get-matcher': CompiledGlossary;
  'glossary/resolve': { id: string | null };
}

type TabMessage =
  GetPageSummary | RevealEntity | StepMention | ToggleMarks | LookUpSelection | StartPage;

/** Sends a message to the content script of a tab's top frame; undefined when none answers. */
export async function sendToTab<M extends TabMessage>(
  tabId: number,
  message: M,
): Promise<Replies[M['type']] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as Replies[M['type']];
  } catch {
    return undefined; // no content script there (browser page, store, PDF viewer, not loaded)
  }
}

/** Tells the background about this page's entities (badge). */
export async function sendToBackground(message: SummaryChanged): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The background may be restarting; the next change sends again.
  }
}

type BackgroundRequest = GetCard | OpenEntry | GetMatcher | ResolveText | LoadPart | LoadFrames;

/** Asks the background for the reader's glossary data; undefined when it cannot answer. */
export async function requestFromBackground<M extends BackgroundRequest>(
  message: M,
): Promise<Replies[M['type']] | undefined> {
  try {
    return ((await browser.runtime.sendMessage(message)) ?? undefined) as
      Replies[M['type']] | undefined;
  } catch {
    return undefined;
  }
}
