/**
 * The mark window of the annotator (annotator.ts): on pages with very many marks, only
 * those near the viewport are registered as highlights.
 */
import type { PageHighlights } from './highlights';
import type { PlacedMention } from './mention-index';

/** How far beyond the viewport marks stay registered in that mode. */
const WINDOW_MARGIN = '200% 0px';
/** The block elements whose visibility decides whether their marks are registered. */
export const BLOCK_SELECTOR =
  'p,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,th,caption,summary,div,section,article,aside,main,header,footer,nav,body';

/**
 * The marks of a page with very many of them, registered as highlights only while their
 * block element is within WINDOW_MARGIN of the viewport (an IntersectionObserver tells).
 */
export class MarkWindow {
  readonly #highlights: PageHighlights;
  readonly #observer: IntersectionObserver;
  readonly #byElement = new Map<Element, Set<PlacedMention>>();
  readonly #near = new Set<Element>();
  /** The block element of the last parent seen (mentions come in document order). */
  #lastParent: Element | undefined;
  #lastBlock: Element | undefined;

  constructor(win: Window & typeof globalThis, highlights: PageHighlights) {
    this.#highlights = highlights;
    this.#observer = new win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const marks = this.#byElement.get(entry.target);
          if (entry.isIntersecting) {
            if (this.#near.has(entry.target)) continue;
            this.#near.add(entry.target);
            if (marks) for (const m of marks) this.#highlights.add(m.kind, m.range);
          } else if (this.#near.delete(entry.target) && marks) {
            for (const m of marks) this.#highlights.delete(m.kind, m.range);
          }
        }
      },
      { rootMargin: WINDOW_MARGIN },
    );
  }

  add(mention: PlacedMention): void {
    const parent = mention.nodes[0]?.parentElement;
    if (!parent) {
      this.#highlights.queue(mention.kind, mention.range); // no element to watch: always shown
      return;
    }
    if (parent !== this.#lastParent) {
      this.#lastParent = parent;
      this.#lastBlock = parent.closest(BLOCK_SELECTOR) ?? parent;
    }
    const element = this.#lastBlock!;
    mention.block = element;
    let marks = this.#byElement.get(element);
    if (!marks) {
      marks = new Set();
      this.#byElement.set(element, marks);
      this.#observer.observe(element);
    }
    marks.add(mention);
    if (this.#near.has(element)) this.#highlights.queue(mention.kind, mention.range);
  }

  delete(mention: PlacedMention): void {
    this.#highlights.delete(mention.kind, mention.range);
    const element = mention.block;
    if (!element) return;
    mention.block = undefined;
    const marks = this.#byElement.get(element);
    marks?.delete(mention);
    if (marks && marks.size === 0) {
      this.#byElement.delete(element);
      this.#near.delete(element);
      this.#observer.unobserve(element);
    }
  }

  stop(): void {
    this.#observer.disconnect();
    this.#byElement.clear();
    this.#near.clear();
    this.#lastParent = undefined;
    this.#lastBlock = undefined;
  }
}
