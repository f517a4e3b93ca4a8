/**
 * The extension's marks in a page: `StaticRange`s in the CSS Custom Highlight registry,
 * one highlight per glossary kind. The page's DOM never changes. Static, not live,
 * ranges: the browser updates every live Range on every DOM mutation, which made a
 * page's own append+remove ~200x slower with 2,000 marks.
 *
 * The `::highlight()` rules are one static stylesheet (`highlightStylesheet()`) that the
 * manifest injects into every page with the content script (wxt.config.ts), before the
 * page's first style computation. Adopting a sheet at run time made Chromium restyle the
 * whole document: 63 ms on a 1 MB article, 224 ms on 5 MB (npm run bench). So a style
 * setting never edits a sheet: it registers each kind's highlight under the name that
 * the static rules draw in that style (`highlightName`), or under no name for "off".
 */
import { KIND_TABLE } from '../glossary/kinds';
import type { HighlightStyle } from '../settings/settings-shape';
import { KINDS, type Kind } from '../glossary/types';

export const HIGHLIGHT_PREFIX = 'sovereignty-lens';
/** The mention the keyboard focus mark or a popup click points at. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`;
/** The mention under the pointer while its card is open. */
export const HOVER_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-hover`;

/** How mentions are drawn: a choice setting (settings-shape.ts). */
export type { HighlightStyle };

/** A style that draws marks (the "off" style registers none). */
export type DrawnStyle = Exclude<HighlightStyle, 'off'>;

/**
 * The registry name of a kind's highlight in a style: `sovereignty-lens-chip` underlined
 * (the default style), `sovereignty-lens-chip-background` with a background.
 */
export function highlightName(kind: Kind, style: DrawnStyle = 'underline'): string {
  return style === 'underline'
    ? `${HIGHLIGHT_PREFIX}-${kind}`
    : `${HIGHLIGHT_PREFIX}-${kind}-${style}`;
}

/**
 * Every `::highlight()` rule of the extension, one per line: each kind in each drawn
 * style, and the hover and focus marks (shown whatever the style, so that keyboard and
 * popup navigation stay visible).
 */
export function highlightStylesheet(): string {
  const rules: string[] = [];
  for (const kind of KINDS) {
    const color = KIND_TABLE[kind].color;
    rules.push(
      `::highlight(${highlightName(kind, 'underline')}){text-decoration:underline dotted ${color};text-decoration-thickness:2px;text-underline-offset:3px}`,
      `::highlight(${highlightName(kind, 'background')}){background-color:${color}2e}`,
    );
  }
  rules.push(
    `::highlight(${HOVER_HIGHLIGHT}){background-color:#fab00540}`,
    `::highlight(${FOCUS_HIGHLIGHT}){background-color:#fab005;color:#000}`,
  );
  return `${rules.join('\n')}\n`;
}

/** Minimal shapes of the Highlight API, which TypeScript's DOM library may lack. */
interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
  priority: number;
}
interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
  get(name: string): HighlightLike | undefined;
}

/** Whether this document can show highlights at all. */
export function supportsHighlights(win: Window & typeof globalThis): boolean {
  const css = win.CSS as unknown as { highlights?: unknown } | undefined;
  return (
    !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function'
  );
}

/**
 * Owns the extension's highlights in one document. Captures the API objects once, at
 * creation, so a page that later replaces `window.CSS` cannot redirect them.
 */
export class PageHighlights {
  readonly #registry: HighlightRegistryLike;
  readonly #HighlightCtor: new () => HighlightLike;
  /** Each kind's highlight, registered under `highlightName(kind, style)` unless "off". */
  readonly #kinds = new Map<Kind, HighlightLike>();
  /** The focus and hover marks, always registered. */
  readonly #marks = new Map<string, HighlightLike>();
  /** Ranges queued with `queue()`, registered at the next `flush()`. */
  readonly #queued = new Map<Kind, Set<AbstractRange>>();
  #style: HighlightStyle = 'underline';

  constructor(doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !supportsHighlights(win)) throw new Error('CSS Custom Highlight API unavailable');
    this.#registry = (win.CSS as unknown as { highlights: HighlightRegistryLike }).highlights;
    this.#HighlightCtor = (win as unknown as { Highlight: new () => HighlightLike }).Highlight;
  }

  #kind(kind: Kind): HighlightLike {
    let highlight = this.#kinds.get(kind);
    if (!highlight) {
      highlight = new this.#HighlightCtor();
      this.#kinds.set(kind, highlight);
      if (this.#style !== 'off') this.#registry.set(highlightName(kind, this.#style), highlight);
    }
    return highlight;
  }

  add(kind: Kind, range: AbstractRange): void {
    this.#kind(kind).add(range);
  }

  /**
   * Adds a range at the next `flush()`. Any change to the registry makes Chromium
   * invalidate the paint of the whole document for the next frame (PrePaint and Paint
   * took 57 ms per frame on a 5 MB article while marks arrived slice by slice), so a
   * scan registers its marks in a few batches rather than in every frame.
   */
  queue(kind: Kind, range: AbstractRange): void {
    let set = this.#queued.get(kind);
    if (!set) this.#queued.set(kind, (set = new Set()));
    set.add(range);
  }

  /** Whether ranges wait for `flush()`. */
  hasQueued(): boolean {
    for (const ranges of this.#queued.values()) if (ranges.size > 0) return true;
    return false;
  }

  /** Registers the queued ranges. */
  flush(): void {
    for (const [kind, ranges] of this.#queued) {
      if (ranges.size === 0) continue;
      const highlight = this.#kind(kind);
      for (const range of ranges) highlight.add(range);
      ranges.clear();
    }
  }

  delete(kind: Kind, range: AbstractRange): void {
    if (this.#queued.get(kind)?.delete(range)) return;
    this.#kinds.get(kind)?.delete(range);
  }

  /** Shows one range as the focus (or hover) mark, replacing the previous one. */
  mark(
    name: typeof FOCUS_HIGHLIGHT | typeof HOVER_HIGHLIGHT,
    range: AbstractRange | undefined,
  ): void {
    let highlight = this.#marks.get(name);
    if (!highlight) {
      highlight = new this.#HighlightCtor();
      highlight.priority = name === FOCUS_HIGHLIGHT ? 2 : 1;
      this.#marks.set(name, highlight);
      this.#registry.set(name, highlight);
    }
    highlight.clear();
    if (range) highlight.add(range);
  }

  /**
   * Draws the marks in another style: each kind's highlight moves to the name the static
   * rules draw that way (no range is touched, no stylesheet edited), or leaves the
   * registry for "off" while keeping its ranges.
   */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    for (const [kind, highlight] of this.#kinds) {
      if (this.#style !== 'off') this.#registry.delete(highlightName(kind, this.#style));
      if (style !== 'off') this.#registry.set(highlightName(kind, style), highlight);
    }
    this.#style = style;
  }

  /** Removes every mention's range, queued or registered (the focus and hover marks too). */
  clearMarks(): void {
    this.#queued.clear();
    for (const highlight of this.#kinds.values()) highlight.clear();
    for (const highlight of this.#marks.values()) highlight.clear();
  }

  /** Removes every range and highlight from the registry. */
  clear(): void {
    this.clearMarks();
    for (const kind of this.#kinds.keys())
      if (this.#style !== 'off') this.#registry.delete(highlightName(kind, this.#style));
    for (const name of this.#marks.keys()) this.#registry.delete(name);
    this.#kinds.clear();
    this.#marks.clear();
  }
}
