/**
 * The one message protocol between the content script, the background and the extension
 * pages. `MESSAGES` is its single table: each message's name, where it goes, the fields it
 * carries (each with the check its receiver applies) and the type of its reply. The message
 * types, `parseMessage()` and the typed senders (send.ts) derive from it. Receivers check a
 * message with `parseMessage()` (shape) and `isOwnSender()` (origin) and ignore anything else.
 */
import type { Entry } from '../glossary/types';
import type { CompiledGlossary } from '../glossary/matcher';
import type { PackOrigin } from '../packs/apply-packs';

/** The in-page parts injected on demand (content/parts.ts). */
export const CONTENT_PARTS = ['annotator', 'card-ui'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

/** A receiver's check of one field: the value is accepted only when it returns true. */
type Check<T> = (value: unknown) => value is T;

const MAX_TEXT = 200;
/** Glossary ids are at most 60 characters; leave room, but bound what a receiver accepts. */
const MAX_ID = 100;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entryId: Check<string> = (v): v is string =>
  typeof v === 'string' && v.length <= MAX_ID && ID.test(v);
/** A text the reader selected: not blank, at most MAX_TEXT characters. */
const selection: Check<string> = (v): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT;
const direction: Check<1 | -1> = (v): v is 1 | -1 => v === 1 || v === -1;
const count: Check<number> = (v): v is number => Number.isInteger(v) && (v as number) >= 0;
const flag: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const part: Check<ContentPart> = (v): v is ContentPart =>
  (CONTENT_PARTS as readonly unknown[]).includes(v);

type Fields = Record<string, Check<unknown>>;

type Receiver = 'tab' | 'background';

/** One row of the table; `reply` exists only in the type (what the receiver answers). */
interface Spec<T extends Receiver, F extends Fields, R> {
  /** Who receives it: a tab's content script, or the background. */
  to: T;
  fields: F;
  reply?: R;
}

const spec =
  <R>() =>
  <T extends Receiver, F extends Fields = Record<never, never>>(
    to: T,
    fields = {} as F,
  ): Spec<T, F, R> => ({ to, fields });

export const MESSAGES = {
  /** Popup -> tab: what the content script found on its page. */
  'page/get-summary': spec<PageSummary>()('tab'),
  /** Popup -> tab: scrolls to the next mention of an entity, flashes it, opens its card. */
  'page/reveal': spec<{ found: boolean }>()('tab', { id: entryId }),
  /** Keyboard command -> tab: moves the focus mark to the next (1) or previous (-1) mention. */
  'page/step': spec<{ found: boolean }>()('tab', { direction }),
  /** Keyboard command -> tab: shows or hides the marks on this page. */
  'page/toggle-marks': spec<{ visible: boolean }>()('tab'),
  /** Context menu -> tab: shows the card for a text the reader selected. */
  'page/look-up': spec<{ found: boolean }>()('tab', { text: selection }),
  /** The popup's "Mark this page": starts on a page the loader judged not to be an article. */
  'page/start': spec<{ active: boolean }>()('tab'),
  /** Content script -> background: injects an in-page part into the asking frame. */
  'content/load': spec<{ loaded: boolean }>()('background', { part }),
  /**
   * Top frame's loader -> background: the page holds frames large enough to read; inject the
   * loader into those of them (at any depth) that are that large and lack it.
   */
  'content/frames': spec<{ frames: number }>()('background'),
  /** Content script -> background: its page's entities changed (badge and icon). */
  'tab/summary-changed': spec<void>()('background', { distinct: count, active: flag }),
  /** Content script -> background: one card's data; one entry per request, so a frame
   * learns only what its reader opened. */
  'glossary/get-card': spec<CardData | null>()('background', { id: entryId }),
  /** Content script -> background: opens an entry in the glossary page (a new tab). */
  'glossary/open-entry': spec<{ opened: boolean }>()('background', { id: entryId }),
  /** Content script -> background: the pattern of the reader's glossary. */
  'glossary/get-matcher': spec<CompiledGlossary>()('background'),
  /** Content script -> background: the entry a selected text names. */
  'glossary/resolve': spec<{ id: string | null }>()('background', { text: selection }),
};

type Table = typeof MESSAGES;
export type MessageType = keyof Table;
type Checked<C> = C extends Check<infer T> ? T : never;

/** The message of type `K`: its type and its fields. */
export type MessageOf<K extends MessageType> = { type: K } & {
  -readonly [F in keyof Table[K]['fields']]: Checked<Table[K]['fields'][F]>;
};
export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];
/** What the receiver of a `K` message answers. */
export type ReplyOf<K extends MessageType> = Exclude<Table[K]['reply'], undefined>;
type TypesTo<T extends Receiver> = {
  [K in MessageType]: Table[K]['to'] extends T ? K : never;
}[MessageType];
/** Messages a tab's content script receives. */
export type TabMessage = MessageOf<TypesTo<'tab'>>;
/** Messages the background receives. */
export type BackgroundMessage = MessageOf<TypesTo<'background'>>;

/** A frame's answer to the background's probe (entrypoints/frame-probe.ts). */
export interface FrameProbe {
  /** A sub-frame large enough to read, without the loader yet. */
  wanted: boolean;
  /** This frame's id, where the browser can tell (Firefox; Chromium reports it itself). */
  frameId?: number;
}

/**
 * What one card needs: its entry and the entries its chain and related lists name (from
 * the reader's glossary), the reader's note on that entry, and which of those entries are
 * the reader's own.
 */
export interface CardData {
  entries: Entry[];
  note: string | null;
  userIds: string[];
  /** The pack each of those entries comes from, for those that come from one. */
  origins: Record<string, PackOrigin>;
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

/**
 * The message if `value` is a well-formed message of this protocol (a copy holding only its
 * declared fields), else undefined.
 */
export function parseMessage(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(MESSAGES, m.type)) return undefined;
  const type = m.type as MessageType;
  const out: Record<string, unknown> = { type };
  for (const [name, check] of Object.entries(MESSAGES[type].fields as Fields)) {
    if (!check(m[name])) return undefined;
    out[name] = m[name];
  }
  return out as Message;
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
