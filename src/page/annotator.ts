/**
 * Marks every mention of the glossary in a document without changing its DOM: collects
 * the text block by block, runs the matcher, and registers `StaticRange`s as highlights.
 * Large pages are done in slices (visible text first) that give the main thread back;
 * a debounced MutationObserver re-scans only what the page changed.
 */
import type { Matcher, Mention } from '../glossary/matcher';
import type { Kind } from '../glossary/types';
import {
  UI_ELEMENT,
  collectTextSlice,
  iterateTextBlocks,
  toRangeEndpoints,
  type TextBlock,
} from './collect-text';
import { findArticleRoot } from './find-article';
import { PageHighlights, type HighlightStyle } from './highlights';
import { MentionIndex, type PlacedMention } from './mention-index';
import { scanBlocks } from './scan-blocks';
import { createYielder } from './yield';

export interface AnnotatorConfig {
  style: HighlightStyle;
  /** Kinds to mark. */
  kinds: readonly Kind[];
  /** Mark every mention, or only the first of each entity. */
  markMode: 'all' | 'first';
  /** Only the article (reading-mode heuristics) or the whole page. */
  scope: 'article' | 'page';
}

export interface AnnotatorOptions {
  doc: Document;
  matcher: Matcher;
  kindOf: (id: string) => Kind | undefined;
  config: AnnotatorConfig;
  /** Called (at most once per slice) when the set of mentions changed. */
  onChange?: () => void;
}

/** Work per slice before giving the main thread back. */
const SLICE_MS = 6;
/** Characters matched between two looks at the clock. */
const CHUNK_CHARS = 16_000;
/** Characters on each side of a chunk read for context cues (as `scanBlocks`'s window). */
const CONTEXT_CHARS = 300;
const MUTATION_DEBOUNCE_MS = 150;
const BLOCK_SELECTOR =
  'p,li,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,th,caption,summary,div,section,article,aside,main,header,footer,nav,body';

export class Annotator {
  readonly index = new MentionIndex();
  readonly highlights: PageHighlights;
  readonly #doc: Document;
  readonly #matcher: Matcher;
  readonly #kindOf: (id: string) => Kind | undefined;
  #config: AnnotatorConfig;
  readonly #onChange: (() => void) | undefined;
  readonly #yield: () => Promise<void>;
  /** Every mention found, marked or not (counts include unmarked kinds). */
  readonly #all = new Set<PlacedMention>();
  /** With markMode "first": the marked mention of each entity. */
  readonly #firstOf = new Map<string, PlacedMention>();
  #root: Element | undefined;
  #observer: MutationObserver | undefined;
  #pending = new Set<Node>();
  #timer: number | undefined;
  #generation = 0;
  #url = '';
  #stopped = false;

  constructor({ doc, matcher, kindOf, config, onChange }: AnnotatorOptions) {
    this.#doc = doc;
    this.#matcher = matcher;
    this.#kindOf = kindOf;
    this.#config = config;
    this.#onChange = onChange;
    this.highlights = new PageHighlights(doc);
    this.#yield = createYielder(doc.defaultView as Window & typeof globalThis);
  }

  /** The element being annotated. */
  get root(): Element | undefined {
    return this.#root;
  }

  /** Mentions per entity id, over everything found (including kinds not marked). */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.#all) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    return counts;
  }

  /** The marked mentions in document order. */
  orderedMentions(): PlacedMention[] {
    return [...this.index.mentions()].sort(compareMentions);
  }

  /** Scans the document and starts following its changes. Resolves when the first scan is done. */
  async start(): Promise<void> {
    this.#stopped = false;
    this.highlights.setStyle(this.#config.style);
    this.#observe();
    await this.#scanAll();
  }

  /** Applies new settings: style at once; what to mark with a fresh scan. */
  async configure(config: AnnotatorConfig): Promise<void> {
    const previous = this.#config;
    this.#config = config;
    this.highlights.setStyle(config.style);
    const sameMarks =
      previous.markMode === config.markMode &&
      previous.scope === config.scope &&
      previous.kinds.length === config.kinds.length &&
      previous.kinds.every((k) => config.kinds.includes(k));
    if (!sameMarks) await this.#scanAll();
  }

  /** Removes every mark, the stylesheet and the observer. */
  stop(): void {
    this.#stopped = true;
    this.#generation++;
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.#timer !== undefined) this.#doc.defaultView?.clearTimeout(this.#timer);
    this.#pending.clear();
    this.#clearMentions();
    this.highlights.clear();
  }

  #clearMentions(): void {
    this.#all.clear();
    this.#firstOf.clear();
    this.index.clear();
    this.highlights.clearMarks();
  }

  async #scanAll(): Promise<void> {
    const generation = ++this.#generation;
    this.#clearMentions();
    this.#url = this.#doc.location?.href ?? '';
    const body = this.#doc.body ?? this.#doc.documentElement;
    this.#root = this.#config.scope === 'article' ? findArticleRoot(this.#doc) : body;
    await this.#scan(this.#root, generation, true);
    this.#onChange?.();
  }

  /** Collects and matches one subtree in slices; stale once `generation` moves on. */
  async #scan(root: Node, generation: number, visibleFirst: boolean): Promise<void> {
    const now = () => performance.now();
    const blocks: TextBlock[] = [];
    const iterator = iterateTextBlocks(root);
    for (;;) {
      const slice = collectTextSlice(iterator, { deadline: now() + SLICE_MS });
      blocks.push(...slice.blocks);
      if (slice.done) break;
      await this.#yield();
      if (generation !== this.#generation) return;
    }
    const first = visibleFirst ? firstVisibleBlock(blocks) : 0;
    const ranges: [number, number][] = [
      [first, blocks.length],
      [0, first],
    ];
    let deadline = now() + SLICE_MS;
    for (const [from, to] of ranges) {
      let i = from;
      while (i < to) {
        let j = i;
        let chars = 0;
        while (j < to && chars < CHUNK_CHARS) chars += blocks[j++]!.text.length;
        this.#matchChunk(blocks, i, j);
        i = j;
        if (now() >= deadline) {
          this.#onChange?.();
          await this.#yield();
          if (generation !== this.#generation) return;
          deadline = now() + SLICE_MS;
        }
      }
    }
  }

  /** Matches blocks[from, to) with their neighbours as context, and places the mentions. */
  #matchChunk(blocks: TextBlock[], from: number, to: number): void {
    let lo = from;
    for (let chars = 0; lo > 0 && chars < CONTEXT_CHARS;) chars += blocks[--lo]!.text.length;
    let hi = to;
    for (let chars = 0; hi < blocks.length && chars < CONTEXT_CHARS;)
      chars += blocks[hi++]!.text.length;
    const results = scanBlocks(this.#matcher, blocks.slice(lo, hi));
    for (let b = from; b < to; b++) {
      const block = blocks[b]!;
      for (const mention of results[b - lo]!) this.#place(block, mention);
    }
  }

  #place(block: TextBlock, mention: Mention): void {
    const kind = this.#kindOf(mention.id);
    if (!kind) return;
    let endpoints;
    try {
      endpoints = toRangeEndpoints(block, mention.start, mention.end);
    } catch {
      return;
    }
    const range = new StaticRange(endpoints);
    const nodes = block.segments
      .filter((s) => s.start < mention.end && s.start + s.length > mention.start)
      .map((s) => s.node);
    const placed: PlacedMention = { id: mention.id, kind, text: mention.text, range, nodes };
    this.#all.add(placed);
    if (!this.#config.kinds.includes(kind)) return;
    if (this.#config.markMode === 'first') {
      const current = this.#firstOf.get(mention.id);
      if (current && compareMentions(current, placed) <= 0) return;
      if (current) this.#unmark(current);
      this.#firstOf.set(mention.id, placed);
    }
    this.index.add(placed);
    this.highlights.add(kind, range);
  }

  #unmark(mention: PlacedMention): void {
    this.index.delete(mention);
    this.highlights.delete(mention.kind, mention.range);
  }

  #remove(mention: PlacedMention): void {
    this.#all.delete(mention);
    this.#unmark(mention);
    if (this.#firstOf.get(mention.id) === mention) this.#firstOf.delete(mention.id);
  }

  #observe(): void {
    const win = this.#doc.defaultView;
    if (!win || this.#observer) return;
    this.#observer = new win.MutationObserver((records) => {
      for (const record of records) {
        if (isOwnNode(record.target)) continue;
        if (record.type === 'characterData') {
          this.#pending.add(record.target);
        } else {
          for (const node of Array.from(record.addedNodes))
            if (!isOwnNode(node)) this.#pending.add(node);
          if (record.removedNodes.length > 0) this.#pending.add(record.target);
        }
      }
      if (this.#pending.size === 0) return;
      if (this.#timer !== undefined) win.clearTimeout(this.#timer);
      this.#timer = win.setTimeout(() => {
        this.#timer = undefined;
        void this.#rescanChanges();
      }, MUTATION_DEBOUNCE_MS);
    });
    this.#observer.observe(this.#doc, { childList: true, subtree: true, characterData: true });
  }

  async #rescanChanges(): Promise<void> {
    if (this.#stopped) return;
    const changed = [...this.#pending];
    this.#pending.clear();
    const root = this.#root;
    // A new page in a single-page app, or the article replaced: start over.
    if (!root || !root.isConnected || (this.#doc.location?.href ?? '') !== this.#url) {
      await this.#scanAll();
      return;
    }
    const blocks = new Set<Element>();
    for (const node of changed) {
      if (!node.isConnected || !root.contains(node)) continue;
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      const block = element?.closest(BLOCK_SELECTOR);
      blocks.add(block && root.contains(block) ? block : root);
    }
    // Drop mentions of removed or changed text.
    const targets = [...blocks].filter(
      (b) => ![...blocks].some((other) => other !== b && other.contains(b)),
    );
    for (const mention of [...this.#all]) {
      const node = mention.nodes[0]!;
      if (!node.isConnected || targets.some((t) => t.contains(node)) || isStale(mention)) {
        this.#remove(mention);
      }
    }
    const generation = this.#generation;
    for (const target of targets) {
      await this.#scan(target, generation, false);
      if (generation !== this.#generation) return;
    }
    this.#onChange?.();
  }
}

/** True when a range's offsets no longer fit its nodes (the text was edited). */
function isStale(mention: PlacedMention): boolean {
  const { range } = mention;
  return (
    range.startOffset > (range.startContainer as Text).length ||
    range.endOffset > (range.endContainer as Text).length
  );
}

function isOwnNode(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return false;
  if (element.localName === 'style' && element.hasAttribute('data-sovereignty-lens')) return true;
  return !!element.closest(UI_ELEMENT);
}

/** Document order of two mentions. */
export function compareMentions(a: PlacedMention, b: PlacedMention): number {
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
  return an.compareDocumentPosition(bn) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * The index of the first block at or below the top of the viewport, by binary search
 * (blocks are in document order, which is top-to-bottom order for article text).
 */
function firstVisibleBlock(blocks: TextBlock[]): number {
  if (blocks.length < 64) return 0;
  const top = (block: TextBlock): number => {
    const element = block.segments[0]?.node.parentElement;
    return element ? element.getBoundingClientRect().bottom : 0;
  };
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (top(blocks[mid]!) < 0) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, blocks.length - 1);
}
