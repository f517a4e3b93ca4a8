import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../src/glossary/types';
import {
  FOCUS_HIGHLIGHT,
  HIGHLIGHT_PREFIX,
  HOVER_HIGHLIGHT,
  highlightCss,
  highlightName,
  type HighlightStyle,
} from '../../../src/page/highlights';

const STYLES: HighlightStyle[] = ['underline', 'background', 'off'];

/** The highlight names used in `::highlight(name)` selectors of a stylesheet. */
const names = (css: string): string[] =>
  [...css.matchAll(/::highlight\(([^)]*)\)/g)].map((match) => match[1]!);

describe('highlightName', () => {
  it('prefixes each kind with the extension’s name', () => {
    expect(HIGHLIGHT_PREFIX).toBe('sovereignty-lens');
    expect(highlightName('chip')).toBe('sovereignty-lens-chip');
    expect(new Set(KINDS.map(highlightName)).size).toBe(KINDS.length);
  });

  it('names the focus and hover marks under the same prefix', () => {
    expect(FOCUS_HIGHLIGHT).toBe('sovereignty-lens-focus');
    expect(HOVER_HIGHLIGHT).toBe('sovereignty-lens-hover');
  });
});

describe('highlightCss', () => {
  it.each(STYLES)('names only sovereignty-lens highlights in the %s style', (style) => {
    const used = names(highlightCss(style));
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(name).toMatch(/^sovereignty-lens-[a-z]+$/);
  });

  it.each(STYLES)('keeps the focus and hover rules in the %s style', (style) => {
    const css = highlightCss(style);
    expect(names(css)).toEqual(expect.arrayContaining([FOCUS_HIGHLIGHT, HOVER_HIGHLIGHT]));
    expect(css).toContain(`::highlight(${FOCUS_HIGHLIGHT}){background-color:`);
    expect(css).toContain(`::highlight(${HOVER_HIGHLIGHT}){background-color:`);
  });

  it('underlines every kind in the underline style', () => {
    const css = highlightCss('underline');
    for (const kind of KINDS) {
      expect(css).toMatch(
        new RegExp(`::highlight\\(${highlightName(kind)}\\)\\{text-decoration:underline[^}]*\\}`),
      );
    }
    expect(css).not.toMatch(/::highlight\(sovereignty-lens-chip\)\{background/);
  });

  it('gives every kind a translucent background in the background style', () => {
    const css = highlightCss('background');
    for (const kind of KINDS) {
      expect(css).toMatch(
        new RegExp(`::highlight\\(${highlightName(kind)}\\)\\{background-color:#[0-9a-f]{8}\\}`),
      );
    }
    expect(css).not.toContain('text-decoration');
  });

  it('has one rule per kind plus focus and hover', () => {
    for (const style of ['underline', 'background'] as const) {
      expect(names(highlightCss(style))).toHaveLength(KINDS.length + 2);
    }
  });

  it('draws no kind in the off style, only the focus and hover marks', () => {
    const css = highlightCss('off');
    expect(names(css).sort()).toEqual([FOCUS_HIGHLIGHT, HOVER_HIGHLIGHT].sort());
    for (const kind of KINDS) expect(css).not.toContain(highlightName(kind));
  });

  it('paints the focus mark in an opaque colour with dark text', () => {
    expect(highlightCss('off')).toContain(
      `::highlight(${FOCUS_HIGHLIGHT}){background-color:#fab005;color:#000}`,
    );
  });

  it('is valid-looking CSS: balanced braces, one rule per line', () => {
    for (const style of STYLES) {
      const lines = highlightCss(style).split('\n');
      for (const line of lines) expect(line).toMatch(/^::highlight\([a-z-]+\)\{[^{}]+\}$/);
    }
  });
});
