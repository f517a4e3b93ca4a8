/**
 * The marked mentions, and where the registered ones are: for each Text node, the sorted
 * spans of the mentions it holds, so hit-testing maps (node, offset) to a mention with a
 * binary search. A mark is only where the pointer can find it while it is registered:
 * with very many marks (mark-window.ts) most are never located. A Map, not a WeakMap
 * (measured slower for 77,000 mentions): entries go when their mentions do.
 */
import type { Kind } from '../glossary/types';

/** One mention placed in the page. */
export interface PlacedMention {
  id: string;
  kind: Kind;
  /** The mention's text as written in the page. */
  text: string;
  readonly range: StaticRange;
  /**
   * Where the mention starts and ends: what `range` is made from. The index, document
   * order and staleness read these, so that a mention never registered never makes a range.
   */
  readonly endpoints: StaticRangeInit;
  /**
   * False while `range` was never asked for (see `PlacedMark`): the mention was never
   * registered, so there is nothing to unregister.
   */
  readonly rangeMade?: boolean;
  /** The Text nodes the mention covers (one unless it spans inline elements). */
  readonly nodes: Text[];
  /** With many marks: the block element whose visibility registers it (annotator's window). */
  block?: Element | undefined;
}

/**
 * A mention as the annotator places it: its `StaticRange` is made when first asked for.
 * On a long page most marks are never registered (see mark-window.ts), and each range is
 * a DOM object the garbage collector traces: 80,000 of them on a 5 MB article.
 */
export class PlacedMark implements PlacedMention {
  readonly id: string;
  readonly kind: Kind;
  readonly text: string;
  block?: Element | undefined;
  readonly endpoints: StaticRangeInit;
  #range: StaticRange | undefined;
  #nodes: Text[] | undefined;

  /**
   * `nodes`: the Text nodes of a mention spanning several; without it, the mention lies in
   * its start node alone (most do: no array is made for them until asked for).
   */
  constructor(id: string, kind: Kind, text: string, endpoints: StaticRangeInit, nodes?: Text[]) {
    this.id = id;
    this.kind = kind;
    this.text = text;
    this.endpoints = endpoints;
    this.#nodes = nodes;
  }

  get nodes(): Text[] {
    return (this.#nodes ??= [this.endpoints.startContainer as Text]);
  }

  get range(): StaticRange {
    return (this.#range ??= new StaticRange(this.endpoints));
  }

  get rangeMade(): boolean {
    return this.#range !== undefined;
  }
}

export interface NodeSpan {
  start: number;
  end: number;
  mention: PlacedMention;
}

export class MentionIndex {
  #byNode = new Map<Text, NodeSpan[]>();
  #all = new Set<PlacedMention>();

  get size(): number {
    return this.#all.size;
  }

  mentions(): IterableIterator<PlacedMention> {
    return this.#all.values();
  }

  /** Adds a mention; `located` false leaves it out of hit-testing until `locate`. */
  add(mention: PlacedMention, located = true): void {
    this.#all.add(mention);
    if (located) this.locate(mention);
  }

  /** Makes a mention findable by `in` and `at` (hit-testing). */
  locate(mention: PlacedMention): void {
    const { endpoints: at, nodes } = mention;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      const start = node === at.startContainer ? at.startOffset : 0;
      const end = node === at.endContainer ? at.endOffset : node.length;
      const span = { start, end, mention };
      const spans = this.#byNode.get(node);
      if (!spans) this.#byNode.set(node, [span]);
      // Mentions mostly arrive in document order: append unless one must go before.
      else if (spans[spans.length - 1]!.start <= start) spans.push(span);
      else spans.splice(lowerBound(spans, start), 0, span);
    }
  }

  delete(mention: PlacedMention): void {
    if (this.#all.delete(mention)) this.unlocate(mention);
  }

  /** Takes a mention out of hit-testing (it stays among the marked mentions). */
  unlocate(mention: PlacedMention): void {
    for (const node of mention.nodes) {
      const spans = this.#byNode.get(node);
      if (!spans) continue;
      const kept = spans.filter((span) => span.mention !== mention);
      if (kept.length === spans.length) continue;
      if (kept.length > 0) this.#byNode.set(node, kept);
      else this.#byNode.delete(node);
    }
  }

  /** Takes every mention out of hit-testing. */
  unlocateAll(): void {
    this.#byNode.clear();
  }

  clear(): void {
    this.#byNode.clear();
    this.#all.clear();
  }

  /** Every mention with text in `node` (in offset order), or none. */
  in(node: Node): readonly NodeSpan[] {
    return this.#byNode.get(node as Text) ?? NO_SPANS;
  }

  /**
   * The mentions of `node` whose span contains `offset` (a caret offset, so a point over
   * a mention's last character may report its end).
   */
  at(node: Node, offset: number): PlacedMention[] {
    const spans = this.#byNode.get(node as Text);
    if (!spans) return [];
    const out: PlacedMention[] = [];
    // Spans do not overlap: look at the last span starting at or before the offset, and
    // the one starting right at it.
    const index = lowerBound(spans, offset + 1) - 1;
    for (let i = Math.max(0, index - 1); i <= index + 1 && i < spans.length; i++) {
      const span = spans[i]!;
      if (span.start <= offset && offset <= span.end) out.push(span.mention);
    }
    return out;
  }
}

const NO_SPANS: readonly NodeSpan[] = [];

/** The first index whose span starts at or after `start`. */
function lowerBound(spans: NodeSpan[], start: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
