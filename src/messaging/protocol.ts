/**
 * The one message protocol between the content script, the background and the extension
 * pages. Every message is a member of `Message`; receivers check with `isMessage()` and
 * ignore anything else.
 */

/** Asks a tab's content script what it found on its page. */
export interface GetPageSummary {
  type: 'page/get-summary';
}

/** One entity found on a page and how often. */
export interface PageEntityCount {
  id: string;
  count: number;
}

export interface PageSummary {
  url: string;
  /** False while the page is being scanned or when the site is disabled. */
  active: boolean;
  entities: PageEntityCount[];
}

export type Message = GetPageSummary;
export type MessageType = Message['type'];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>(['page/get-summary']);

/** True when `value` is a well-formed message of this protocol. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}
