/**
 * Functions that run inside a page (passed to `TestPage.evaluate`): each is
 * self-contained, with no reference to anything outside its own body.
 */

export interface HighlightedRange {
  name: string;
  text: string;
}

/** Every range of the extension's highlights (not the focus/hover marks), in document order. */
export function readHighlights(): HighlightedRange[] {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const out: { name: string; text: string; range: Range }[] = [];
  for (const [name, highlight] of registry) {
    if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ name, text: range.toString(), range });
    }
  }
  out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return out.map(({ name, text }) => ({ name, text }));
}

/** Number of ranges in the extension's highlights. */
export function countHighlights(): number {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  let count = 0;
  for (const [name, highlight] of registry) {
    if (name.startsWith('sovereignty-lens') && !/-(focus|hover)$/.test(name))
      count += highlight.size;
  }
  return count;
}

/** Whether the extension's highlights hold at least (or exactly) `n` ranges. */
export function hasHighlightCount([n, mode]: [number, 'atLeast' | 'exactly']): boolean {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  let count = 0;
  for (const [name, highlight] of registry) {
    if (name.startsWith('sovereignty-lens') && !/-(focus|hover)$/.test(name))
      count += highlight.size;
  }
  return mode === 'exactly' ? count === n : count >= n;
}

/** The viewport centre of the `nth` highlighted range whose text is `text` (undefined if none). */
export function mentionPoint([text, nth]: [string, number]):
  { x: number; y: number; bottom: number; height: number } | undefined {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const ranges: Range[] = [];
  for (const [name, highlight] of registry) {
    if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() === text) ranges.push(range);
    }
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = ranges[nth];
  if (!range) return undefined;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return rect
    ? {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        bottom: rect.bottom,
        height: rect.height,
      }
    : undefined;
}

export interface CardState {
  open: boolean;
  name?: string;
  text?: string;
  rect?: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
}

/** What the in-page card shows, read in its closed shadow root (run with `page.inUi`). */
export function readCard(root: ShadowRoot | null): CardState {
  const viewport = { width: innerWidth, height: innerHeight };
  const card = root?.querySelector('[role="dialog"]');
  if (!card) return { open: false, viewport };
  const r = card.getBoundingClientRect();
  return {
    open: true,
    name: card.querySelector('h2')?.textContent ?? '',
    text: (card as HTMLElement).innerText,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    viewport,
  };
}

/** Clicks the related-entity link to `id` inside the card (run with `page.inUi`). */
export function clickCardLink(root: ShadowRoot | null, id: string): boolean {
  const link = root?.querySelector<HTMLElement>(`[data-open-entry="${id}"]`);
  link?.click();
  return !!link;
}

/** One mark with where its text lives: the document, an open shadow root, or nowhere. */
export interface PlacedHighlight extends HighlightedRange {
  /** `document`, `shadow` (inside a shadow root) or `detached` (its node left the page). */
  where: 'document' | 'shadow' | 'detached';
  /** The id of the nearest element with one, for naming where a mark is. */
  element: string;
}

/**
 * Every range of the extension's highlights, including ranges inside shadow roots (which
 * `readHighlights` cannot order against the document), in document order per tree.
 */
export function readPlacedHighlights(): PlacedHighlight[] {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const out: (PlacedHighlight & { node: Node; offset: number })[] = [];
  for (const [name, highlight] of registry) {
    if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
    for (const r of highlight) {
      const node = r.startContainer;
      const root = node.getRootNode();
      const where = !node.isConnected ? 'detached' : root === document ? 'document' : 'shadow';
      let text = '';
      try {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        text = range.toString();
      } catch {
        text = '<invalid range>';
      }
      const element = (node.parentElement?.closest('[id]') as Element | null)?.id ?? '';
      out.push({ name, text, where, element, node, offset: r.startOffset });
    }
  }
  out.sort((a, b) => {
    if (a.node === b.node) return a.offset - b.offset;
    const position = a.node.compareDocumentPosition(b.node);
    if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return a.where < b.where ? -1 : 1;
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return out.map(({ name, text, where, element }) => ({ name, text, where, element }));
}

/** The texts of the extension's marks, grouped: text -> count. */
export function countHighlightTexts(): Record<string, number> {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const counts: Record<string, number> = {};
  for (const [name, highlight] of registry) {
    if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
    for (const r of highlight) {
      const data = (r.startContainer as Text).data ?? '';
      const text =
        r.startContainer === r.endContainer
          ? data.slice(r.startOffset, r.endOffset)
          : `${data.slice(r.startOffset)}…`;
      counts[text] = (counts[text] ?? 0) + 1;
    }
  }
  return counts;
}

/** Animation-frame gaps and long tasks the fixture's common.js recorded, then stops it. */
export interface FrameStats {
  frames: number;
  maxGap: number;
  p95Gap: number;
  meanGap: number;
  over50: number;
  longTasks: number | null;
  longestTask: number;
}

export function readFrameStats(stop: boolean): FrameStats {
  const f = (
    window as unknown as {
      __frames: { gaps: number[]; longTasks: number; longest: number; noLongTaskApi?: boolean };
      __stopFrames: () => void;
    }
  ).__frames;
  if (stop) (window as unknown as { __stopFrames: () => void }).__stopFrames();
  const gaps = [...f.gaps].sort((a, b) => a - b);
  const sum = gaps.reduce((s, g) => s + g, 0);
  return {
    frames: gaps.length,
    maxGap: gaps[gaps.length - 1] ?? 0,
    p95Gap: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    meanGap: gaps.length ? sum / gaps.length : 0,
    over50: gaps.filter((g) => g > 50).length,
    longTasks: f.noLongTaskApi ? null : f.longTasks,
    longestTask: f.longest,
  };
}

/** Errors the fixture page recorded (window.onerror and unhandled rejections). */
export function readPageErrors(): string[] {
  return [...((window as unknown as { __pageErrors?: string[] }).__pageErrors ?? [])];
}

/**
 * Whether the open card is really visible and on top: the element at its centre (through
 * the page's hit-testing) is the extension's UI host, and the card has a size.
 */
export function cardOnTop(root: ShadowRoot | null): {
  open: boolean;
  onTop: boolean;
  width: number;
  height: number;
  at: string;
} {
  const host = root?.host;
  const card = root?.querySelector('[role="dialog"]');
  if (!host || !card) return { open: false, onTop: false, width: 0, height: 0, at: '' };
  const r = card.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const style = getComputedStyle(card);
  const visible =
    style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
  return {
    open: true,
    onTop: hit === host && visible,
    width: r.width,
    height: r.height,
    at: hit ? hit.localName + (hit.id ? `#${hit.id}` : '') : 'nothing',
  };
}

/**
 * The page's own cost of changing its DOM once per frame (append and remove a span in
 * the first paragraph) for `frames` frames: median, 90th percentile and worst frame gap.
 */
export async function mutationFrameStats(
  frames: number,
): Promise<{ median: number; p90: number; max: number }> {
  const p = document.querySelector('p');
  if (!p) throw new Error('no paragraph');
  const gaps: number[] = [];
  let last = 0;
  await new Promise<void>((done) => {
    const step = (t: number) => {
      if (last) gaps.push(t - last);
      last = t;
      const span = document.createElement('span');
      span.textContent = 'x';
      p.append(span);
      span.remove();
      if (gaps.length < frames) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  gaps.sort((a, b) => a - b);
  return {
    median: gaps[Math.floor(gaps.length / 2)]!,
    p90: gaps[Math.floor(gaps.length * 0.9)]!,
    max: gaps[gaps.length - 1]!,
  };
}

/**
 * Runs in the page: whether every name of `present` is marked and none of `absent` (its own code
 * only: it is sent to the page as text).
 */
export function marksAre([present, absent]: [string[], string[]]): boolean {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const texts = new Set<string>();
  for (const [name, highlight] of registry) {
    if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
    for (const r of highlight) {
      texts.add(((r.startContainer as Text).data ?? '').slice(r.startOffset, r.endOffset));
    }
  }
  return present.every((t) => texts.has(t)) && absent.every((t) => !texts.has(t));
}
