/**
 * Which mention is under the pointer. The browser has already hit-tested the pointer for
 * the event: its target is the element under it, and the text under the pointer is one
 * of that element's own Text children. So the mentions of those Text nodes are the only
 * candidates: none, over text of its own, costs nothing; a few are checked against
 * their boxes grown to the line box (glyph boxes alone leave ~2 px gaps above and below
 * each line). Without a target, over an element without text of its own (a container,
 * or the root of a page that turned pointer events off), or with many candidates, the
 * caret position at the point
 * (`caretPositionFromPoint`, with the page's open shadow roots) narrows them to one Text
 * node and offset first: it hit-tests the whole layout again, which cost 0.16 ms on a
 * 1 MB article and 2 ms on 5 MB in Chromium 156 (npm run bench).
 */
import type { MentionIndex, PlacedMention } from './mention-index';

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}
type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => CaretPositionLike | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The (node, offset) of the caret at a viewport point, or undefined. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): CaretPositionLike | undefined {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0
        ? d.caretPositionFromPoint(x, y, { shadowRoots })
        : d.caretPositionFromPoint(x, y);
    return position ? { offsetNode: position.offsetNode, offset: position.offset } : undefined;
  }
  // Older Chromium: caretRangeFromPoint (it pierces no shadow root).
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { offsetNode: range.startContainer, offset: range.startOffset } : undefined;
}

/** How long a measured line gap is reused. */
const GAP_TTL_MS = 1000;
/** At most this many candidates are ever checked box by box. */
const MAX_BOX_CHECKS = 24;

/** Finds the mention under a point. */
export class HitTester {
  readonly #doc: Document;
  readonly #index: MentionIndex;
  readonly #shadowRoots: () => readonly ShadowRoot[];
  readonly #probe: Range;
  /** Running averages of one box check and of one caret look-up, in µs. */
  #boxUs: number | undefined;
  #caretUs: number | undefined;
  /** Line gaps by element and glyph height (see `#gap`). */
  #gaps = new WeakMap<Element, Map<number, number>>();
  #gapsSince = -Infinity;

  /** `shadowRoots`: the open shadow roots whose text may be under the pointer. */
  constructor(
    doc: Document,
    index: MentionIndex,
    shadowRoots: () => readonly ShadowRoot[] = () => [],
  ) {
    this.#doc = doc;
    this.#index = index;
    this.#shadowRoots = shadowRoots;
    this.#probe = doc.createRange();
  }

  /**
   * The mention at a viewport point; `target` is the element the pointer event was
   * dispatched to (inside open shadow roots: `composedPath()[0]`).
   */
  mentionAt(x: number, y: number, target?: EventTarget | null): PlacedMention | undefined {
    const element = target as Element | null | undefined;
    if (element && element.nodeType === Node.ELEMENT_NODE) {
      const candidates: PlacedMention[] = [];
      let ownText = false;
      for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== Node.TEXT_NODE) continue;
        ownText ||= /\S/.test((child as Text).data);
        for (const span of this.#index.in(child)) {
          if (!candidates.includes(span.mention)) candidates.push(span.mention);
        }
        if (candidates.length > MAX_BOX_CHECKS) break;
      }
      // Over an element's own text without mentions: nothing. An element without text of
      // its own (a container, or the root when the page turned pointer events off) may
      // lie over text that is not its own: ask for the caret.
      if (candidates.length === 0 && ownText) return undefined;
      if (candidates.length > 0 && this.#boxesCheaper(candidates.length)) {
        const started = performance.now();
        const found = candidates.find((mention) => this.contains(mention, x, y));
        this.#boxUs = average(
          this.#boxUs,
          ((performance.now() - started) * 1000) / candidates.length,
        );
        return found;
      }
    }
    const started = performance.now();
    const found = this.#mentionAtCaret(x, y);
    this.#caretUs = average(this.#caretUs, (performance.now() - started) * 1000);
    return found;
  }

  /**
   * Whether checking `n` candidates box by box is expected to cost less than asking for
   * the caret position: a box check costs a few µs whatever the page, the caret position
   * hit-tests the whole layout (20 µs on an article, 2 ms on a 5 MB page). Both costs are
   * running averages of this page's own calls.
   */
  #boxesCheaper(n: number): boolean {
    if (n > MAX_BOX_CHECKS) return false;
    if (this.#caretUs === undefined || this.#boxUs === undefined) return n <= 4;
    return n * this.#boxUs <= this.#caretUs;
  }

  #mentionAtCaret(x: number, y: number): PlacedMention | undefined {
    const shadowRoots = this.#shadowRoots();
    const caret = caretAt(this.#doc, x, y, [...shadowRoots]);
    if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return undefined;
    for (const mention of this.#index.at(caret.offsetNode, caret.offset)) {
      if (this.contains(mention, x, y)) return mention;
    }
    return undefined;
  }

  /** Whether the point is inside one of the mention's boxes, grown to its line box. */
  contains(mention: PlacedMention, x: number, y: number): boolean {
    const boxes = this.#clientRects(mention);
    if (!boxes || boxes.length === 0) return false;
    const grow = this.#gap(mention, boxes[0]!.height);
    for (const r of boxes) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - grow && y <= r.bottom + grow)
        return true;
    }
    return false;
  }

  /** The mention's client rects, each grown vertically to fill its line. */
  rects(mention: PlacedMention): DOMRect[] {
    const boxes = this.#clientRects(mention);
    if (!boxes || boxes.length === 0) return [];
    const grow = this.#gap(mention, boxes[0]!.height);
    return Array.from(
      boxes,
      (r) => new DOMRect(r.x - 1, r.y - grow, r.width + 2, r.height + 2 * grow),
    );
  }

  #clientRects(mention: PlacedMention): DOMRectList | undefined {
    const { range } = mention;
    // One live Range, reused: every Range left for the GC is updated on each of the page's
    // DOM mutations until it is collected (3,000 of them made an append-and-remove cost
    // 320 µs instead of 1 µs in Chromium 156). Not collapsed after use: that costs ~3 µs.
    const probe = this.#probe;
    try {
      probe.setStart(range.startContainer, range.startOffset);
      probe.setEnd(range.endContainer, range.endOffset);
    } catch {
      return undefined; // the text changed under a stale range
    }
    return probe.getClientRects();
  }

  /**
   * How far the mention's boxes grow up and down to fill the line. Kept per element for
   * a second: the pointer moves in bursts over the same paragraphs, and a style read right
   * after a caret look-up costs ~25 µs in Chromium. A style change within that second
   * shifts the hover area by a pixel or two at most.
   */
  #gap(mention: PlacedMention, glyphHeight: number): number {
    const parent = mention.range.startContainer.parentElement;
    if (!parent) return 2;
    const now = performance.now();
    if (now - this.#gapsSince > GAP_TTL_MS) {
      this.#gaps = new WeakMap();
      this.#gapsSince = now;
    }
    let byHeight = this.#gaps.get(parent);
    if (!byHeight) this.#gaps.set(parent, (byHeight = new Map()));
    let grow = byHeight.get(glyphHeight);
    if (grow === undefined) byHeight.set(glyphHeight, (grow = lineGap(parent, glyphHeight)));
    return grow;
  }
}

/** A running average that follows the last ~8 values (the first value starts it). */
function average(previous: number | undefined, value: number): number {
  return previous === undefined ? value : previous + (value - previous) / 8;
}

/** Half the difference between the line height and the glyph box height. */
function lineGap(element: Element | null, glyphHeight: number): number {
  if (!element) return 2;
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  if (!style) return 2;
  const fontSize = parseFloat(style.fontSize) || 16;
  const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight);
  if (!Number.isFinite(lineHeight)) return 2;
  return Math.max(1, (lineHeight - glyphHeight) / 2);
}
