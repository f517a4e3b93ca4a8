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
  isExcludedElement,
  iterateTextBlocks,
  nodesBetween,
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
const CHUNK_CHARS = 4_000;
/** Characters on each side of a chunk read for context cues (as `scanBlocks`'s window). */
const CONTEXT_CHARS = 300;
/** Longest time between two registrations of the marks found by a scan. */
const FLUSH_EVERY_MS = 500;
const MUTATION_DEBOUNCE_MS = 150;
/**
 * A page that changes without pause (a ticker every frame) would push a plain debounce
 * back for ever: re-scan at least this often while changes keep coming.
 */
const MUTATION_MAX_WAIT_MS = 1_000;
/**
 * Blocks longer than this (one huge text node, a page without block elements) are
 * matched in pieces, so that no single match call blocks the main thread.
 */
const PIECE_CHARS = 32_000;
/** Characters each piece reads beyond its edges (longer than any alias), see `splitBlock`. */
const PIECE_OVERLAP = 256;
/**
 * Above this many marks, only those near the viewport are registered as highlights:
 * Chromium rebuilds the markers of every registered range in each frame after any DOM or
 * style change (~8 us per range), so 30,000 registered marks cost ~250 ms per frame.
 */
const WINDOW_ABOVE_MARKS = 2_000;
/**
 * Texts longer than this start in that mode, rather than register 2,000 marks and take
 * them back (each change to the registry repaints the whole document in Chromium).
 */
const WINDOW_ABOVE_CHARS = 1_000_000;
/** How far beyond the viewport marks stay registered in that mode. */
const WINDOW_MARGIN = '200% 0px';
/** Elements read per look at the clock while looking for open shadow roots. */
const SHADOW_WALK_STEP = 2_048;
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
  readonly #yield: (options?: { frame?: boolean }) => Promise<void>;
  /** Every mention found, marked or not (counts include unmarked kinds). */
  readonly #all = new Set<PlacedMention>();
  /** With markMode "first": the marked mention of each entity. */
  readonly #firstOf = new Map<string, PlacedMention>();
  #root: Element | undefined;
  #observer: MutationObserver | undefined;
  #pending = new Set<Node>();
  #timer: number | undefined;
  /** When the oldest unhandled change arrived (for MUTATION_MAX_WAIT_MS). */
  #pendingSince: number | undefined;
  /**
   * With many marks: the marks of each block element, registered only while an
   * IntersectionObserver sees the element near the viewport (see WINDOW_ABOVE_MARKS).
   */
  #window: MarkWindow | undefined;
  /** Open shadow roots found in the page, observed and given to hit-testing. */
  readonly #shadowRoots = new Set<ShadowRoot>();
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

  /** The open shadow roots whose text is annotated (for hit-testing). */
  shadowRoots(): ShadowRoot[] {
    return [...this.#shadowRoots].filter((root) => root.host.isConnected);
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
    this.#timer = undefined;
    this.#pendingSince = undefined;
    this.#pending.clear();
    this.#shadowRoots.clear();
    this.#clearMentions();
    this.highlights.clear();
  }

  #clearMentions(): void {
    this.#all.clear();
    this.#firstOf.clear();
    this.index.clear();
    this.highlights.clearMarks();
    this.#window?.stop();
    this.#window = undefined;
  }

  /** Registers a mark as a highlight (or hands it to the window). */
  #show(mention: PlacedMention): void {
    if (this.#window) {
      this.#window.add(mention);
      return;
    }
    this.highlights.queue(mention.kind, mention.range);
    // Too many marks to register them all: from now on only those near the viewport.
    if (this.index.size > WINDOW_ABOVE_MARKS) this.#enterWindow();
  }

  /** Registers only the marks near the viewport from now on (see WINDOW_ABOVE_MARKS). */
  #enterWindow(): void {
    const win = this.#doc.defaultView as (Window & typeof globalThis) | null;
    if (this.#window || !win || typeof win.IntersectionObserver !== 'function') return;
    this.highlights.clearMarks();
    this.#window = new MarkWindow(win, this.highlights);
    for (const marked of this.index.mentions()) this.#window.add(marked);
  }

  async #scanAll(): Promise<void> {
    const generation = ++this.#generation;
    this.#clearMentions();
    this.#url = this.#doc.location?.href ?? '';
    const body = this.#doc.body ?? this.#doc.documentElement;
    this.#root = this.#config.scope === 'article' ? findArticleRoot(this.#doc) : body;
    for (const shadow of this.#shadowRoots)
      if (!shadow.host.isConnected) this.#shadowRoots.delete(shadow);
    await this.#scan(this.#root, generation, true);
    this.#onChange?.();
  }

  /** Collects and matches one subtree in slices; stale once `generation` moves on. */
  async #scan(root: Node, generation: number, visibleFirst: boolean): Promise<void> {
    const now = () => performance.now();
    const collected: TextBlock[] = [];
    const iterator = this.#iterateWithShadowRoots(root);
    for (;;) {
      const slice = collectTextSlice(iterator, { deadline: now() + SLICE_MS });
      for (const block of slice.blocks) if (block.segments.length > 0) collected.push(block);
      if (slice.done) break;
      await this.#yield();
      if (generation !== this.#generation) return;
    }
    const blocks = collected.some((b) => b.text.length > PIECE_CHARS)
      ? collected.flatMap(splitBlock)
      : (collected as ScanBlock[]);
    // A text this long will have more marks than WINDOW_ABOVE_MARKS: start in that mode
    // rather than register thousands of marks and take them back.
    if (visibleFirst && blocks.reduce((n, b) => n + b.text.length, 0) > WINDOW_ABOVE_CHARS)
      this.#enterWindow();
    const first = visibleFirst ? firstVisibleBlock(blocks) : 0;
    const ranges: [number, number][] = [
      [first, blocks.length],
      [0, first],
    ];
    let deadline = now() + SLICE_MS;
    // Marks are registered after the first slice (the visible text), then in batches at
    // most every FLUSH_EVERY_MS and at the end (see PageHighlights.queue).
    let flushed = -1;
    for (const [from, to] of ranges) {
      let i = from;
      while (i < to) {
        let j = i;
        let chars = 0;
        while (j < to && chars < CHUNK_CHARS) chars += blocks[j++]!.text.length;
        this.#matchChunk(blocks, i, j);
        i = j;
        if (now() >= deadline) {
          let frame = false;
          if (flushed < 0 || now() - flushed >= FLUSH_EVERY_MS) {
            await this.#flushInOwnFrame();
            if (generation !== this.#generation) return;
            flushed = now();
            frame = true;
          }
          this.#onChange?.();
          await this.#yield({ frame });
          if (generation !== this.#generation) return;
          deadline = now() + SLICE_MS;
        }
      }
    }
    await this.#flushInOwnFrame();
  }

  /**
   * Registers the queued marks at the start of a frame of their own: the repaint they
   * cause (the whole document, in Chromium) then shares its frame with no other work.
   */
  async #flushInOwnFrame(): Promise<void> {
    if (!this.highlights.hasQueued()) return;
    await this.#yield({ frame: true });
    this.highlights.flush();
  }

  /**
   * The text blocks of `root`, then of every open shadow root under it (observed from
   * then on). While it looks for shadow roots it yields an empty block every
   * SHADOW_WALK_STEP elements, so that the caller can look at the clock.
   */
  *#iterateWithShadowRoots(root: Node): Generator<TextBlock> {
    yield* iterateTextBlocks(root);
    const pause: TextBlock = { text: '', lang: null, segments: [] };
    const queue: Node[] = [root];
    while (queue.length > 0) {
      const scope = queue.shift()!;
      let steps = 0;
      let node: Node | null = scope.firstChild;
      while (node) {
        let descend = false;
        if (node.nodeType === Node.ELEMENT_NODE) {
          const element = node as Element;
          if (!isExcludedElement(element)) {
            const shadow = element.shadowRoot;
            if (shadow && shadow.mode === 'open') {
              queue.push(shadow);
              this.#watchShadowRoot(shadow);
              yield* iterateTextBlocks(shadow);
            }
            descend = element.firstChild !== null;
          }
          if (++steps % SHADOW_WALK_STEP === 0) yield pause;
        }
        if (descend) {
          node = node.firstChild;
          continue;
        }
        while (node && node !== scope && !node.nextSibling) node = node.parentNode;
        node = node && node !== scope ? node.nextSibling : null;
      }
    }
  }

  #watchShadowRoot(shadow: ShadowRoot): void {
    if (this.#shadowRoots.has(shadow)) return;
    this.#shadowRoots.add(shadow);
    this.#observer?.observe(shadow, { childList: true, subtree: true, characterData: true });
  }

  /** Matches blocks[from, to) with their neighbours as context, and places the mentions. */
  #matchChunk(blocks: ScanBlock[], from: number, to: number): void {
    let lo = from;
    for (let chars = 0; lo > 0 && chars < CONTEXT_CHARS;) chars += blocks[--lo]!.text.length;
    let hi = to;
    for (let chars = 0; hi < blocks.length && chars < CONTEXT_CHARS;)
      chars += blocks[hi++]!.text.length;
    const results = scanBlocks(this.#matcher, blocks.slice(lo, hi));
    for (let b = from; b < to; b++) {
      const block = blocks[b]!;
      for (const mention of results[b - lo]!) {
        if (block.keep && (mention.start < block.keep[0] || mention.start >= block.keep[1]))
          continue;
        this.#place(block, mention);
      }
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
    const nodes = nodesBetween(block, mention.start, mention.end);
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
    this.#show(placed);
  }

  #unmark(mention: PlacedMention): void {
    this.index.delete(mention);
    if (this.#window) this.#window.delete(mention);
    else this.highlights.delete(mention.kind, mention.range);
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
    // The smallest block around each change (inside its shadow tree when it is in one).
    const blocks = new Set<Node>();
    for (const node of changed) {
      if (!node.isConnected || !composedContains(root, node)) continue;
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      const block = element?.closest(BLOCK_SELECTOR);
      if (block && composedContains(root, block)) blocks.add(block);
      else {
        const tree = node.getRootNode();
        blocks.add(tree instanceof ShadowRoot && composedContains(root, tree) ? tree : root);
      }
    }
    // Drop mentions of removed or changed text.
    // Only the outermost changed blocks (an ancestor walk each: linear in the changes).
    const targets = [...blocks].filter((b) => {
      const parent = composedParent(b);
      return !parent || b === root || !hasAncestorIn(parent, blocks, root);
    });
    const targetSet = new Set<Node>(targets);
    for (const mention of [...this.#all]) {
      const node = mention.nodes[0]!;
      if (!node.isConnected || isStale(mention) || hasAncestorIn(node, targetSet, root)) {
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

/**
 * The marks of a page with very many of them, registered as highlights only while their
 * block element is within WINDOW_MARGIN of the viewport (an IntersectionObserver tells).
 */
class MarkWindow {
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

/** A block to match; `keep` limits the mentions taken from it to starts in [from, to). */
type ScanBlock = TextBlock & { keep?: [number, number] };

/**
 * Cuts a huge block into pieces of PIECE_CHARS, each read with PIECE_OVERLAP characters
 * of its neighbours on both sides (so a name across a cut is seen whole, with its
 * boundaries) and keeping only the mentions that start inside the piece itself.
 */
function splitBlock(block: TextBlock): ScanBlock[] {
  const { text } = block;
  if (text.length <= PIECE_CHARS) return [block];
  const pieces: ScanBlock[] = [];
  for (let start = 0; start < text.length; start += PIECE_CHARS) {
    const from = Math.max(0, start - PIECE_OVERLAP);
    const to = Math.min(text.length, start + PIECE_CHARS + PIECE_OVERLAP);
    const segments = block.segments
      .filter((s) => s.start < to && s.start + s.length > from)
      .map((s) => ({ ...s, start: s.start - from }));
    pieces.push({
      text: text.slice(from, to),
      lang: block.lang,
      segments,
      keep: [start - from, Math.min(text.length, start + PIECE_CHARS) - from],
    });
  }
  return pieces;
}

/** The parent node, crossing from a shadow root to its host. */
function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

/** `ancestor.contains(node)`, looking through shadow roots. */
function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/** Whether `node` or one of its (shadow-including) ancestors up to `stop` is in `set`. */
function hasAncestorIn(node: Node, set: Set<Node>, stop: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (set.has(n)) return true;
    if (n === stop) return false;
  }
  return false;
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
