/**
 * The mark window of the annotator (annotator.ts): on pages with very many marks, only
 * those near the viewport are registered as highlights.
 *
 * The marks are grouped in bands of up to BAND_BLOCKS consecutive block elements, and an
 * IntersectionObserver watches only the first and the last block of each band: a band is
 * near the viewport when one of them is, or when the first is above it and the last below.
 * Chromium computes every observed target's intersection in every frame: one target per
 * block cost up to 51 ms per frame on a 5 MB article (18,790 blocks); two per band cost a
 * sixteenth of that.
 */
import type { PageHighlights } from './highlights';
import type { MentionIndex, PlacedMention } from './mention-index';

/** How far beyond the viewport, above and below, marks stay registered in that mode. */
const MARGIN_VIEWPORTS = 2;
const WINDOW_MARGIN = `${MARGIN_VIEWPORTS * 100}% 0px`;
/** The most block elements in one band. */
export const BAND_BLOCKS = 32;
/**
 * About the most characters of text in one band (counted by the first text node of each
 * block): a band stays well under a viewport's height, so no mark is registered more
 * than about a viewport beyond WINDOW_MARGIN.
 */
export const BAND_CHARS = 2_000;
/** The block elements whose position decides whether their marks are registered. */
export const BLOCK_SELECTOR =
  'p,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,th,caption,summary,div,section,article,aside,main,header,footer,nav,body';

/** Where an observed block was last seen: above the window, in it, or below it. */
const ABOVE = -1;
const INSIDE = 0;
const BELOW = 1;

interface Band {
  /** Its block elements, in document order. */
  blocks: Element[];
  /** Characters of text seen in them (see BAND_CHARS). */
  chars: number;
  marks: Set<PlacedMention>;
  near: boolean;
  /**
   * The block observed as its last: the last of `blocks` once settled (see `#settle`).
   * The first block is observed from the start.
   */
  watched: Element;
}

/**
 * The marks of a page with very many of them, registered as highlights (and located for
 * hit-testing in the index) only while their band of blocks is within WINDOW_MARGIN of
 * the viewport.
 */
export class MarkWindow {
  readonly #win: Window & typeof globalThis;
  readonly #highlights: PageHighlights;
  readonly #index: MentionIndex;
  readonly #observer: IntersectionObserver;
  readonly #bandOf = new Map<Element, Band>();
  /** The last side reported for each observed block (first or last of a band). */
  readonly #side = new Map<Element, number>();
  /** The band that new blocks join while they follow its last block. */
  #open: Band | undefined;
  /** Whether a `#settle` of the open band is queued. */
  #settling = false;
  #belowViewport = false;
  /** The block element of the last parent seen (mentions come in document order). */
  #lastParent: Element | undefined;
  #lastBlock: Element | undefined;

  constructor(win: Window & typeof globalThis, highlights: PageHighlights, index: MentionIndex) {
    this.#win = win;
    this.#highlights = highlights;
    this.#index = index;
    this.#observer = new win.IntersectionObserver(
      (entries) => {
        const changed = new Set<Band>();
        for (const entry of entries) {
          this.#side.set(entry.target, sideOf(entry));
          const band = this.#bandOf.get(entry.target);
          if (band) changed.add(band);
        }
        for (const band of changed) this.#update(band);
      },
      { rootMargin: WINDOW_MARGIN },
    );
  }

  /**
   * Whether a band starting below the window was added: a scan in document order from
   * the viewport has then found every mark that is near it.
   */
  get reachedBelow(): boolean {
    return this.#belowViewport;
  }

  add(mention: PlacedMention): void {
    // The start node: the mention's first Text node (`nodes[0]`, without making the array).
    const start = mention.endpoints.startContainer as Text;
    const parent = start.parentElement;
    if (!parent) {
      this.#show(mention); // no element to watch: always shown
      return;
    }
    if (parent !== this.#lastParent) {
      this.#lastParent = parent;
      this.#lastBlock = parent.closest(BLOCK_SELECTOR) ?? parent;
    }
    const block = this.#lastBlock!;
    mention.block = block;
    const band = this.#bandOf.get(block) ?? this.#join(block, start.length);
    band.marks.add(mention);
    if (band.near) this.#show(mention);
  }

  /** Queues a mark for registration and locates it for hit-testing. */
  #show(mention: PlacedMention): void {
    this.#highlights.queue(mention.kind, mention.range);
    this.#index.locate(mention);
  }

  delete(mention: PlacedMention): void {
    if (mention.rangeMade !== false) this.#highlights.delete(mention.kind, mention.range);
    const block = mention.block;
    if (!block) return;
    mention.block = undefined;
    const band = this.#bandOf.get(block);
    if (!band) return;
    band.marks.delete(mention);
    if (band.marks.size === 0) this.#drop(band);
    else if (!block.isConnected) this.#repair(band);
  }

  stop(): void {
    this.#observer.disconnect();
    this.#bandOf.clear();
    this.#side.clear();
    this.#open = undefined;
    this.#lastParent = undefined;
    this.#lastBlock = undefined;
  }

  /** Puts a block into the open band when it follows its last block, else a new band. */
  #join(block: Element, chars: number): Band {
    const open = this.#open;
    if (
      open &&
      open.blocks.length < BAND_BLOCKS &&
      open.chars < BAND_CHARS &&
      follows(block, open.blocks.at(-1)!)
    ) {
      open.blocks.push(block);
      open.chars += chars;
      this.#bandOf.set(block, open);
      // The new last block is observed once the scan gives the thread back: a band grows
      // by up to BAND_BLOCKS blocks in one slice, and each observe() has a cost.
      if (!this.#settling) {
        this.#settling = true;
        queueMicrotask(() => this.#settle());
      }
      return open;
    }
    this.#settle();
    const band: Band = { blocks: [block], chars, marks: new Set(), near: false, watched: block };
    // Its place now, from its box, rather than from the observer's first report a frame
    // later: the marks of the bands near the viewport are then registered with the scan's
    // first marks, in one change of the registry (each change repaints the document).
    const side = this.#sideNow(block);
    if (side !== undefined) {
      this.#side.set(block, side);
      band.near = side === INSIDE;
      if (side === BELOW) this.#belowViewport = true;
    }
    this.#bandOf.set(block, band);
    this.#observer.observe(block);
    this.#open = band;
    return band;
  }

  /** Observes the open band's last block in place of the one observed before. */
  #settle(): void {
    this.#settling = false;
    const band = this.#open;
    if (!band) return;
    const last = band.blocks.at(-1)!;
    const previous = band.watched;
    if (last === previous) return;
    // Until the observer reports the new last block, it counts as where the previous one
    // was: the band's nearness does not change (nor its registered marks) meanwhile.
    const side = this.#side.get(previous);
    if (side !== undefined) this.#side.set(last, side);
    this.#observer.observe(last);
    if (previous !== band.blocks[0]) this.#unobserve(previous);
    band.watched = last;
  }

  /** Where a block is now, from its box; undefined when it has none (or no layout). */
  #sideNow(block: Element): number | undefined {
    const rect = block.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return undefined;
    const height = this.#win.innerHeight;
    const margin = MARGIN_VIEWPORTS * height;
    if (rect.bottom < -margin) return ABOVE;
    return rect.top > height + margin ? BELOW : INSIDE;
  }

  /** Registers or unregisters a band's marks when its nearness changed. */
  #update(band: Band): void {
    const first = this.#side.get(band.blocks[0]!);
    const last = this.#side.get(band.watched);
    const near = first === INSIDE || last === INSIDE || (first === ABOVE && last === BELOW);
    if (near === band.near) return;
    band.near = near;
    for (const m of band.marks) {
      if (near) {
        this.#highlights.add(m.kind, m.range);
        this.#index.locate(m);
      } else {
        this.#highlights.delete(m.kind, m.range);
        this.#index.unlocate(m);
      }
    }
  }

  /** A band's first or last block left the document: its connected blocks stay. */
  #repair(band: Band): void {
    const kept = band.blocks.filter((block) => block.isConnected);
    for (const block of band.blocks) {
      if (!block.isConnected) {
        this.#bandOf.delete(block);
        this.#unobserve(block);
      }
    }
    if (kept.length === 0) {
      this.#drop(band);
      return;
    }
    band.blocks = kept;
    const last = kept.at(-1)!;
    this.#observer.observe(kept[0]!);
    this.#observer.observe(last);
    if (band.watched !== kept[0] && band.watched !== last) this.#unobserve(band.watched);
    band.watched = last;
  }

  #drop(band: Band): void {
    for (const block of band.blocks) this.#bandOf.delete(block);
    this.#unobserve(band.blocks[0]!);
    this.#unobserve(band.watched);
    for (const m of band.marks) if (m.rangeMade !== false) this.#highlights.delete(m.kind, m.range);
    if (this.#open === band) this.#open = undefined;
  }

  #unobserve(block: Element): void {
    this.#observer.unobserve(block);
    this.#side.delete(block);
  }
}

/** Whether `block` comes after `previous` in the document (and is not inside it). */
function follows(block: Element, previous: Element): boolean {
  const position = previous.compareDocumentPosition(block);
  return (
    (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
    (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0
  );
}

/** Where an observed element is, from its entry (below when the entry does not say). */
function sideOf(entry: IntersectionObserverEntry): number {
  if (entry.isIntersecting) return INSIDE;
  const rect = entry.boundingClientRect as DOMRectReadOnly | undefined;
  const root = entry.rootBounds;
  if (!rect) return BELOW;
  return rect.bottom <= (root ? root.top : 0) ? ABOVE : BELOW;
}
