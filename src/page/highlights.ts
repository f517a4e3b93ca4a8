/**
 * The extension's marks in a page: `StaticRange`s in the CSS Custom Highlight registry,
 * one highlight per glossary kind, styled by one stylesheet. The page's DOM never
 * changes. Static, not live, ranges: the browser updates every live Range on every DOM
 * mutation, which made a page's own append+remove ~200x slower with 2,000 marks.
 */
import type { Kind } from '../glossary/types';

export const HIGHLIGHT_PREFIX = 'sovereignty-lens';
/** The mention the keyboard focus mark or a popup click points at. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`;
/** The mention under the pointer while its card is open. */
export const HOVER_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-hover`;

export type HighlightStyle = 'underline' | 'background' | 'off';

/** Colours per kind, readable on light and dark pages (mid-lightness, saturated). */
const KIND_COLORS: Record<Kind, string> = {
  chip: '#d9480f',
  software: '#1c7ed6',
  company: '#7048e8',
  cloud: '#0c8599',
  policy: '#2b8a3e',
  project: '#c2255c',
  institution: '#5c940d',
  model: '#e8590c',
  technology: '#1971c2',
  concept: '#868e96',
};

export function highlightName(kind: Kind): string {
  return `${HIGHLIGHT_PREFIX}-${kind}`;
}

/** The `::highlight()` rules for a style. */
export function highlightCss(style: HighlightStyle): string {
  const rules: string[] = [];
  for (const [kind, color] of Object.entries(KIND_COLORS)) {
    const name = highlightName(kind as Kind);
    if (style === 'underline') {
      rules.push(
        `::highlight(${name}){text-decoration:underline dotted ${color};text-decoration-thickness:2px;text-underline-offset:3px}`,
      );
    } else if (style === 'background') {
      rules.push(`::highlight(${name}){background-color:${color}2e}`);
    }
  }
  // The focus and hover marks show even when the style is "off", so keyboard and popup
  // navigation stay visible.
  rules.push(
    `::highlight(${HOVER_HIGHLIGHT}){background-color:#fab00540}`,
    `::highlight(${FOCUS_HIGHLIGHT}){background-color:#fab005;color:#000}`,
  );
  return rules.join('\n');
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
 * Owns the extension's highlights and stylesheet in one document. Captures the API
 * objects once, at creation, so a page that later replaces `window.CSS` cannot
 * redirect them.
 */
export class PageHighlights {
  readonly #doc: Document;
  readonly #registry: HighlightRegistryLike;
  readonly #HighlightCtor: new () => HighlightLike;
  readonly #byName = new Map<string, HighlightLike>();
  #sheet: CSSStyleSheet | undefined;
  #styleElement: HTMLStyleElement | undefined;

  constructor(doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !supportsHighlights(win)) throw new Error('CSS Custom Highlight API unavailable');
    this.#doc = doc;
    this.#registry = (win.CSS as unknown as { highlights: HighlightRegistryLike }).highlights;
    this.#HighlightCtor = (win as unknown as { Highlight: new () => HighlightLike }).Highlight;
  }

  #highlight(name: string, priority = 0): HighlightLike {
    let highlight = this.#byName.get(name);
    if (!highlight) {
      highlight = new this.#HighlightCtor();
      highlight.priority = priority;
      this.#byName.set(name, highlight);
      this.#registry.set(name, highlight);
    }
    return highlight;
  }

  add(kind: Kind, range: AbstractRange): void {
    this.#highlight(highlightName(kind)).add(range);
  }

  delete(kind: Kind, range: AbstractRange): void {
    this.#byName.get(highlightName(kind))?.delete(range);
  }

  /** Shows one range as the focus (or hover) mark, replacing the previous one. */
  mark(
    name: typeof FOCUS_HIGHLIGHT | typeof HOVER_HIGHLIGHT,
    range: AbstractRange | undefined,
  ): void {
    const highlight = this.#highlight(name, name === FOCUS_HIGHLIGHT ? 2 : 1);
    highlight.clear();
    if (range) highlight.add(range);
  }

  /** Installs or updates the one stylesheet with the `::highlight()` rules. */
  setStyle(style: HighlightStyle): void {
    const css = highlightCss(style);
    const doc = this.#doc;
    if (!this.#sheet && !this.#styleElement) {
      try {
        const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
        sheet.replaceSync(css);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        this.#sheet = sheet;
        return;
      } catch {
        // Firefox content scripts cannot always share constructed sheets with the page
        // (Xray wrappers): fall back to one <style> element.
      }
      const element = doc.createElement('style');
      element.dataset.sovereigntyLens = '';
      element.textContent = css;
      (doc.head ?? doc.documentElement).append(element);
      this.#styleElement = element;
      return;
    }
    if (this.#sheet) this.#sheet.replaceSync(css);
    else if (this.#styleElement) this.#styleElement.textContent = css;
  }

  /** Puts the <style> fallback back if the page removed it (e.g. replaced its head). */
  reattach(): void {
    const element = this.#styleElement;
    if (element && !element.isConnected)
      (this.#doc.head ?? this.#doc.documentElement).append(element);
  }

  /** Removes every mention's range (the focus and hover marks too), keeping the stylesheet. */
  clearMarks(): void {
    for (const highlight of this.#byName.values()) highlight.clear();
  }

  /** Removes every range, highlight and the stylesheet. */
  clear(): void {
    for (const [name, highlight] of this.#byName) {
      highlight.clear();
      this.#registry.delete(name);
    }
    this.#byName.clear();
    if (this.#sheet) {
      const sheet = this.#sheet;
      this.#doc.adoptedStyleSheets = this.#doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.#sheet = undefined;
    }
    this.#styleElement?.remove();
    this.#styleElement = undefined;
  }
}
