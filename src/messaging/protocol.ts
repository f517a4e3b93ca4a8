/**
 * The one message protocol between the content script, the background and the extension
 * pages. Every message is a member of `Message`; receivers check it with `parseMessage()`
 * (shape) and `isOwnSender()` (origin) and ignore anything else.
 */
import type { Entry } from '../glossary/types';

/** Asks a tab's content script what it found on its page. */
export interface GetPageSummary {
  type: 'page/get-summary';
}

/** Scrolls to the next mention of an entity, flashes it and opens its card. */
export interface RevealEntity {
  type: 'page/reveal';
  id: string;
}

/** Moves the keyboard focus mark to the next (1) or previous (-1) mention. */
export interface StepMention {
  type: 'page/step';
  direction: 1 | -1;
}

/** Shows or hides the marks on this page (keyboard command). */
export interface ToggleMarks {
  type: 'page/toggle-marks';
}

/** Shows the card for a text the reader selected (context menu). */
export interface LookUpSelection {
  type: 'page/look-up';
  text: string;
}

/** From a content script: its page's entities changed (for the badge). */
/** The popup's "Mark this page": start on a page the loader judged not to be an article. */
export interface StartPage {
  type: 'page/start';
}

/** The in-page parts injected on demand (content/parts.ts). */
export const CONTENT_PARTS = ['annotator', 'card-ui'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

/** A content script asks the background to inject a part into its own frame. */
export interface LoadPart {
  type: 'content/load';
  part: ContentPart;
}

/**
 * From the top frame's loader: the page holds frames large enough to read; inject the
 * loader into those of them (at any depth) that are that large and lack it.
 */
export interface LoadFrames {
  type: 'content/frames';
}

/** A frame's answer to the background's probe (entrypoints/frame-probe.ts). */
export interface FrameProbe {
  /** A sub-frame large enough to read, without the loader yet. */
  wanted: boolean;
  /** This frame's id, where the browser can tell (Firefox; Chromium reports it itself). */
  frameId?: number;
}

export interface SummaryChanged {
  type: 'tab/summary-changed';
  /** Number of distinct entities on the page; 0 when the extension is off there. */
  distinct: number;
  active: boolean;
}

/**
 * From a content script: what the card of one entry shows (answered with `CardData`).
 * One entry per request, so a frame learns only what its reader opened.
 */
export interface GetCard {
  type: 'glossary/get-card';
  id: string;
}

/** From a content script: opens an entry in the glossary page (a new tab). */
export interface OpenEntry {
  type: 'glossary/open-entry';
  id: string;
}

/** From a content script: the pattern of the reader's glossary (a `CompiledGlossary`). */
export interface GetMatcher {
  type: 'glossary/get-matcher';
}

/** From a content script: the entry a text names (answered with `{ id: string | null }`). */
export interface ResolveText {
  type: 'glossary/resolve';
  text: string;
}

export type Message =
  | GetPageSummary
  | RevealEntity
  | StepMention
  | ToggleMarks
  | LookUpSelection
  | StartPage
  | LoadPart
  | LoadFrames
  | SummaryChanged
  | GetCard
  | OpenEntry
  | GetMatcher
  | ResolveText;

/**
 * What one card needs: its entry and the entries its chain and related lists name (from
 * the reader's glossary), the reader's note on that entry, and which of those entries are
 * the reader's own.
 */
export interface CardData {
  entries: Entry[];
  note: string | null;
  userIds: string[];
}

/** One entity found on a page and how often. */
export interface PageEntityCount {
  id: string;
  count: number;
}

export interface PageSummary {
  url: string;
  /** False when the extension is paused or disabled on this site. */
  active: boolean;
  /** Why it is not active. */
  reason?: 'paused' | 'site-disabled' | 'unsupported' | 'not-article';
  entities: PageEntityCount[];
}

const MAX_TEXT = 200;
/** Glossary ids are at most 60 characters; leave room, but bound what a receiver accepts. */
const MAX_ID = 100;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The message if `value` is a well-formed message of this protocol, else undefined. */
export function parseMessage(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'page/get-summary':
    case 'page/toggle-marks':
    case 'page/start':
    case 'glossary/get-matcher':
      return { type: m.type };
    case 'page/reveal':
    case 'glossary/get-card':
    case 'glossary/open-entry':
      return typeof m.id === 'string' && m.id.length <= MAX_ID && ID.test(m.id)
        ? { type: m.type, id: m.id }
        : undefined;
    case 'page/step':
      return m.direction === 1 || m.direction === -1
        ? { type: m.type, direction: m.direction }
        : undefined;
    case 'page/look-up':
    case 'glossary/resolve':
      return typeof m.text === 'string' && m.text.trim() && m.text.length <= MAX_TEXT
        ? { type: m.type, text: m.text }
        : undefined;
    case 'content/frames':
      return { type: m.type };
    case 'content/load':
      return (CONTENT_PARTS as readonly unknown[]).includes(m.part)
        ? { type: m.type, part: m.part as ContentPart }
        : undefined;
    case 'tab/summary-changed':
      return typeof m.distinct === 'number' &&
        Number.isInteger(m.distinct) &&
        m.distinct >= 0 &&
        typeof m.active === 'boolean'
        ? { type: m.type, distinct: m.distinct, active: m.active }
        : undefined;
    default:
      return undefined;
  }
}

/** The fields of `runtime.MessageSender` the guards look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/**
 * Whether a message comes from this extension: its own pages, background or content
 * scripts. Web pages cannot use runtime messaging without `externally_connectable`
 * (which the manifest does not declare) and other extensions have another id.
 */
export function isOwnSender(sender: SenderLike | undefined, extensionId: string): boolean {
  // An empty or missing own id (API unavailable) must not match a sender without one.
  return !!sender && !!extensionId && sender.id === extensionId;
}
