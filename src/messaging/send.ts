/** Typed senders over `runtime.sendMessage` / `tabs.sendMessage`, from the protocol's table. */
import { browser } from 'wxt/browser';
import type { BackgroundMessage, ReplyOf, TabMessage } from './protocol';

/** Sends a message to the content script of a tab's top frame; undefined when none answers. */
export async function sendToTab<M extends TabMessage>(
  tabId: number,
  message: M,
): Promise<ReplyOf<M['type']> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as ReplyOf<M['type']>;
  } catch {
    return undefined; // no content script there (browser page, store, PDF viewer, not loaded)
  }
}

/**
 * Sends a message to the background; its reply, or undefined when it cannot answer (it may
 * be restarting: the next change or request sends again).
 */
export async function requestFromBackground<M extends BackgroundMessage>(
  message: M,
): Promise<ReplyOf<M['type']> | undefined> {
  try {
    return ((await browser.runtime.sendMessage(message)) ?? undefined) as
      ReplyOf<M['type']> | undefined;
  } catch {
    return undefined;
  }
}
