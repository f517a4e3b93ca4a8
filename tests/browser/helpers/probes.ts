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

/** The viewport centre of the `nth` highlighted range whose text is `text` (undefined if none). */
export function mentionPoint([text, nth]: [string, number]): { x: number; y: number } | undefined {
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
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
}

export interface CardState {
  open: boolean;
  name?: string;
  text?: string;
  rect?: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
}

/** What the in-page card shows, read through its open shadow root. */
export function readCard(): CardState {
  const viewport = { width: innerWidth, height: innerHeight };
  const host = document.querySelector('sovereignty-lens-ui');
  const card = host?.shadowRoot?.querySelector('[role="dialog"]');
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

/** Clicks the related-entity link to `id` inside the card. */
export function clickCardLink(id: string): boolean {
  const host = document.querySelector('sovereignty-lens-ui');
  const link = host?.shadowRoot?.querySelector<HTMLElement>(`[data-open-entry="${id}"]`);
  link?.click();
  return !!link;
}
