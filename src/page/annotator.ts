/**
 * Marks every mention of the glossary in a document without changing its DOM: collects
 * the text block by block, runs the matcher, and registers `StaticRange`s as highlights.
 * Large pages are done in slices (visible text first) that give the main thread back;
 * a debounced MutationObserver re-scans only what the page changed.
 */
import type { Matcher, Mention } from '../glossary/matcher';
import type { Kind } from '../glossary/types';
import { collectTextSlice, iterateTextBlocks, type TextBlock } from './collect-text';
import { nodesBetween, toRangeEndpoints } from './block-offsets';
import { findArticleRoot } from './find-article';
import { PageHighlights, type HighlightStyle } from './highlights';
import { MentionIndex, PlacedMark, type PlacedMention } from './mention-index';
import { BlockScanner } from './scan-blocks';
import {
  compareMentions,
  composedContains,
  composedParent,
  firstVisibleBlock,
  hasAncestorIn,
  isStale,
} from './dom-order';
import { BLOCK_SELECTOR, MarkWindow } from './mark-window';
import { ChangeWatcher } from './change-watcher';
import { PIECE_CHARS, splitBlock, type ScanBlock } from './split-block';
import { createYielder } from './yield';

export { compareMentions } from './dom-order';

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

/** The devtools timestamp the annotator emits when its first scan is done. */
export const MARKED_STAMP = 'sovereignty-lens:marked';

/** Work per slice before giving the main thread back. */
const SLICE_MS = 6;
/** Longest time between two registrations of the marks found by a scan. */
const FLUSH_EVERY_MS = 500;
/**
 * Above this many characters, marks are registered at the start of a frame of their own
 * (and a frame follows): on a long page each registration repaints a large document.
 * Below, waiting for those frames only made the marks of the demo and 50 KB pages later.
 */
const OWN_FRAME_ABOVE_CHARS = 200_000;
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
  #changes: ChangeWatcher | undefined;
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
    // For the benchmark's trace (npm run bench): every mention of the first scan is placed
    // and registered. A devtools timestamp only: the page cannot observe it.
    console.timeStamp?.(MARKED_STAMP);
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
    this.#changes?.stop();
    this.#changes = undefined;
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
    this.index.unlocateAll();
    this.#window = new MarkWindow(win, this.highlights, this.index);
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
    const iterator = iterateTextBlocks(root, {
      onShadowRoot: (shadow) => this.#watchShadowRoot(shadow),
    });
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
    const chars = blocks.reduce((n, b) => n + b.text.length, 0);
    // A text this long will have more marks than WINDOW_ABOVE_MARKS: start in that mode
    // rather than register thousands of marks and take them back.
    if (visibleFirst && chars > WINDOW_ABOVE_CHARS) this.#enterWindow();
    // On a short text the repaint that registering marks causes is cheap: they are
    // registered as soon as found, without waiting for a frame of their own.
    const inOwnFrame = chars > OWN_FRAME_ABOVE_CHARS;
    // The first match runs cold (the matcher's code and tables used for the first time):
    // in a task of its own, not after the last slice of collecting.
    await this.#yield();
    if (generation !== this.#generation) return;
    const first = visibleFirst ? firstVisibleBlock(blocks) : 0;
    const ranges: [number, number][] = [
      [first, blocks.length],
      [0, first],
    ];
    const scanner = new BlockScanner(this.#matcher, blocks);
    let deadline = now() + SLICE_MS;
    // Marks are registered after the first slice (the visible text: a few marks, a cheap
    // repaint), then in batches at most every FLUSH_EVERY_MS and at the end (see
    // PageHighlights.queue). Waiting 50 ms for the first registration made the 50 KB page's
    // marks complete later (233 ms against 157 ms, `npm run bench -- --loads 5`). In the
    // mark window, the first registration waits until the scan has passed the window
    // (or FLUSH_EVERY_MS): every mark near the viewport in one change of the registry, as
    // each change repaints the whole long page (40-60 ms at 5 MB).
    const started = now();
    let flushed = -1;
    for (const [from, to] of ranges) {
      for (let i = from; i < to; i++) {
        this.#matchBlock(scanner, blocks[i]!, i);
        if (now() < deadline) continue;
        let frame = false;
        const due =
          flushed >= 0
            ? now() - flushed >= FLUSH_EVERY_MS
            : !this.#window || this.#window.reachedBelow || now() - started >= FLUSH_EVERY_MS;
        if (due) {
          await this.#flush(inOwnFrame);
          if (generation !== this.#generation) return;
          flushed = now();
          frame = inOwnFrame;
        }
        this.#onChange?.();
        await this.#yield({ frame });
        if (generation !== this.#generation) return;
        deadline = now() + SLICE_MS;
      }
    }
    await this.#flush(inOwnFrame);
  }

  /**
   * Registers the queued marks; `inOwnFrame`, at the start of a frame of their own: the
   * repaint they cause (the whole document, in Chromium) then shares its frame with no
   * other work.
   */
  async #flush(inOwnFrame: boolean): Promise<void> {
    if (!this.highlights.hasQueued()) return;
    if (inOwnFrame) await this.#yield({ frame: true });
    this.highlights.flush();
  }

  #watchShadowRoot(shadow: ShadowRoot): void {
    if (this.#shadowRoots.has(shadow)) return;
    this.#shadowRoots.add(shadow);
    this.#changes?.observe(shadow);
  }

  /** Places the mentions of one block (its neighbours are its context: see BlockScanner). */
  #matchBlock(scanner: BlockScanner, block: ScanBlock, index: number): void {
    const mentions = scanner.mentions(index);
    for (let k = 0; k < mentions.length; k++) {
      const mention = mentions[k]!;
      if (block.keep && (mention.start < block.keep[0] || mention.start >= block.keep[1])) continue;
      this.#place(block, mention);
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
    const nodes =
      endpoints.startContainer === endpoints.endContainer
        ? undefined
        : nodesBetween(block, mention.start, mention.end);
    const placed = new PlacedMark(mention.id, kind, mention.text, endpoints, nodes);
    this.#all.add(placed);
    if (!this.#config.kinds.includes(kind)) return;
    if (this.#config.markMode === 'first') {
      const current = this.#firstOf.get(mention.id);
      if (current && compareMentions(current, placed) <= 0) return;
      if (current) this.#unmark(current);
      this.#firstOf.set(mention.id, placed);
    }
    // In the mark window, a mark is located for hit-testing when registered.
    this.index.add(placed, this.#window === undefined);
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
    if (!win || this.#changes) return;
    this.#changes = new ChangeWatcher(win, (changed) => void this.#rescanChanges(changed));
    this.#changes.observe(this.#doc);
  }

  async #rescanChanges(changed: Node[]): Promise<void> {
    if (this.#stopped) return;
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
      // The start node (`nodes[0]`), read from the endpoints: no array made per mark.
      const node = mention.endpoints.startContainer;
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
