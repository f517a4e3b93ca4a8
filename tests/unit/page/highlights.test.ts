import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../src/glossary/types';
import {
  FOCUS_HIGHLIGHT,
  HIGHLIGHT_PREFIX,
  HOVER_HIGHLIGHT,
  PageHighlights,
  highlightName,
  highlightStylesheet,
} from '../../../src/page/highlights';
import { FakeHighlight } from './fake-platform';

/** The highlight names used in `::highlight(name)` selectors of a stylesheet. */
const names = (css: string): string[] =>
  [...css.matchAll(/::highlight\(([^)]*)\)/g)].map((match) => match[1]!);

describe('highlightName', () => {
  it('prefixes each kind with the extension’s name, one name per kind and style', () => {
    expect(HIGHLIGHT_PREFIX).toBe('sovereignty-lens');
    expect(highlightName('chip')).toBe('sovereignty-lens-chip');
    expect(highlightName('chip', 'underline')).toBe('sovereignty-lens-chip');
    expect(highlightName('chip', 'background')).toBe('sovereignty-lens-chip-background');
    const all = KINDS.flatMap((k) => [
      highlightName(k, 'underline'),
      highlightName(k, 'background'),
    ]);
    expect(new Set(all).size).toBe(KINDS.length * 2);
  });

  it('names the focus and hover marks under the same prefix', () => {
    expect(FOCUS_HIGHLIGHT).toBe('sovereignty-lens-focus');
    expect(HOVER_HIGHLIGHT).toBe('sovereignty-lens-hover');
  });
});

describe('highlightStylesheet', () => {
  const css = highlightStylesheet();

  it('names only sovereignty-lens highlights', () => {
    const used = names(css);
    expect(used.length).toBe(KINDS.length * 2 + 2);
    for (const name of used) expect(name).toMatch(/^sovereignty-lens-[a-z-]+$/);
  });

  it('has the focus and hover rules', () => {
    expect(css).toContain(`::highlight(${FOCUS_HIGHLIGHT}){background-color:#fab005;color:#000}`);
    expect(css).toContain(`::highlight(${HOVER_HIGHLIGHT}){background-color:`);
  });

  it('underlines every kind under its underline name, and only there', () => {
    for (const kind of KINDS) {
      expect(css).toMatch(
        new RegExp(`::highlight\\(${highlightName(kind)}\\)\\{text-decoration:underline[^}]*\\}`),
      );
    }
    expect(css).not.toMatch(/::highlight\(sovereignty-lens-chip\)\{background/);
  });

  it('gives every kind a translucent background under its background name', () => {
    for (const kind of KINDS) {
      expect(css).toMatch(
        new RegExp(
          `::highlight\\(${highlightName(kind, 'background')}\\)\\{background-color:#[0-9a-f]{8}\\}`,
        ),
      );
    }
    expect(css).not.toMatch(/-background\)\{text-decoration/);
  });

  it('is valid-looking CSS: balanced braces, one rule per line', () => {
    for (const line of css.trimEnd().split('\n'))
      expect(line).toMatch(/^::highlight\([a-z-]+\)\{[^{}]+\}$/);
  });
});

/** A stand-in for the CSS highlight registry and Highlight class (happy-dom has neither). */
function fakeWindow() {
  const registry = new Map<string, Set<AbstractRange>>();
  const win = { CSS: { highlights: registry }, Highlight: FakeHighlight };
  const doc = { defaultView: win } as unknown as Document;
  return { registry, doc };
}

describe('PageHighlights', () => {
  const range = (n: number) => ({ n }) as unknown as AbstractRange;

  it('registers each kind under its style name and moves it when the style changes', () => {
    const { registry, doc } = fakeWindow();
    const page = new PageHighlights(doc);
    page.add('chip', range(1));
    page.add('cloud', range(2));
    expect([...registry.keys()].sort()).toEqual([
      'sovereignty-lens-chip',
      'sovereignty-lens-cloud',
    ]);
    page.setStyle('background');
    expect([...registry.keys()].sort()).toEqual([
      'sovereignty-lens-chip-background',
      'sovereignty-lens-cloud-background',
    ]);
    expect(registry.get('sovereignty-lens-chip-background')!.size).toBe(1);
    page.add('chip', range(3));
    expect(registry.get('sovereignty-lens-chip-background')!.size).toBe(2);
  });

  it('keeps the ranges but registers no kind when off, and the focus mark stays', () => {
    const { registry, doc } = fakeWindow();
    const page = new PageHighlights(doc);
    page.add('chip', range(1));
    page.mark(FOCUS_HIGHLIGHT, range(1));
    page.setStyle('off');
    expect([...registry.keys()]).toEqual([FOCUS_HIGHLIGHT]);
    page.add('policy', range(4)); // found while off: kept for later
    page.setStyle('underline');
    expect([...registry.keys()].sort()).toEqual(
      [FOCUS_HIGHLIGHT, 'sovereignty-lens-chip', 'sovereignty-lens-policy'].sort(),
    );
    expect(registry.get('sovereignty-lens-policy')!.size).toBe(1);
  });

  it('clears every registration it made, and only those', () => {
    const { registry, doc } = fakeWindow();
    registry.set('page-own', new Set());
    const page = new PageHighlights(doc);
    page.add('chip', range(1));
    page.mark(HOVER_HIGHLIGHT, range(1));
    page.clear();
    expect([...registry.keys()]).toEqual(['page-own']);
  });
});
