/**
 * How long this content script works in its document. WXT's `ContentScriptContext`
 * invalidates itself when it sees a "content script started" event on `document`, which
 * any page can replay to switch the extension off on itself. Here that signal only counts
 * when the extension context is really gone (`browser.runtime.id` missing: the extension
 * was updated, reloaded or removed); `check()` also notices it on the script's own
 * activity (messages, page changes).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class Lifetime {
  readonly #abort = new AbortController();
  readonly #isAlive: () => boolean;

  constructor(isAlive: () => boolean = () => browser.runtime?.id != null) {
    this.#isAlive = isAlive;
  }

  /** Follows WXT's context: when it says "invalidated", stop only if the extension is gone. */
  static follow(ctx: ContentScriptContext): Lifetime {
    const lifetime = new Lifetime();
    ctx.onInvalidated(() => lifetime.check());
    return lifetime;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Whether the extension is still there; ends this lifetime when it is not. */
  check(): boolean {
    if (this.#abort.signal.aborted) return false;
    if (this.#isAlive()) return true;
    this.#abort.abort();
    return false;
  }

  /** Calls `callback` when this lifetime ends; returns a function that cancels that. */
  onEnd(callback: () => void): () => void {
    if (this.#abort.signal.aborted) {
      callback();
      return () => undefined;
    }
    this.#abort.signal.addEventListener('abort', callback, { once: true });
    return () => this.#abort.signal.removeEventListener('abort', callback);
  }
}
