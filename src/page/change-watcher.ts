/**
 * Follows a page's changes for the annotator: a MutationObserver on the document (and on
 * each open shadow root it is given) whose changed nodes are handed over in batches,
 * debounced, and never later than MUTATION_MAX_WAIT_MS after the first of a batch. The
 * extension's own UI is ignored.
 */
import { isOwnNode } from './dom-order';

const MUTATION_DEBOUNCE_MS = 150;
/**
 * A page that changes without pause (a ticker every frame) would push a plain debounce
 * back for ever: re-scan at least this often while changes keep coming.
 */
const MUTATION_MAX_WAIT_MS = 1_000;
/**
 * The attributes that show or hide text the way collect-text.ts reads it (`<details open>`
 * too): text revealed by them is marked, text they hide loses its marks. Other attribute
 * changes (classes, styles, data) are not followed: pages make them all the time.
 */
const VISIBILITY_ATTRIBUTES = ['hidden', 'aria-hidden', 'open'];

/** What the watcher observes (the benchmark's bare observer watches the same). */
export const CHANGE_OBSERVER_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: VISIBILITY_ATTRIBUTES,
};

export class ChangeWatcher {
  readonly #win: Window & typeof globalThis;
  readonly #observer: MutationObserver;
  readonly #pending = new Set<Node>();
  #timer: number | undefined;
  /** When the oldest unhandled change arrived (for MUTATION_MAX_WAIT_MS). */
  #pendingSince: number | undefined;

  constructor(win: Window & typeof globalThis, onChanges: (nodes: Node[]) => void) {
    this.#win = win;
    this.#observer = new win.MutationObserver((records) => {
      for (const record of records) {
        if (isOwnNode(record.target)) continue;
        if (record.type === 'characterData' || record.type === 'attributes') {
          this.#pending.add(record.target);
        } else {
          for (const node of Array.from(record.addedNodes))
            if (!isOwnNode(node)) this.#pending.add(node);
          if (record.removedNodes.length > 0) this.#pending.add(record.target);
        }
      }
      if (this.#pending.size === 0) return;
      const now = win.performance.now();
      this.#pendingSince ??= now;
      // Debounced, but never pushed back beyond MUTATION_MAX_WAIT_MS.
      if (this.#timer !== undefined) {
        if (now - this.#pendingSince >= MUTATION_MAX_WAIT_MS - MUTATION_DEBOUNCE_MS) return;
        win.clearTimeout(this.#timer);
      }
      this.#timer = win.setTimeout(() => {
        this.#timer = undefined;
        this.#pendingSince = undefined;
        const changed = [...this.#pending];
        this.#pending.clear();
        onChanges(changed);
      }, MUTATION_DEBOUNCE_MS);
    });
  }

  /** Follows the changes under `target` (the document, or an open shadow root). */
  observe(target: Node): void {
    this.#observer.observe(target, CHANGE_OBSERVER_OPTIONS);
  }

  stop(): void {
    this.#observer.disconnect();
    if (this.#timer !== undefined) this.#win.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pendingSince = undefined;
    this.#pending.clear();
  }
}
