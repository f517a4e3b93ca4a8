// @vitest-environment happy-dom
/**
 * Property tests (fast-check) over random DOM trees built in happy-dom and random
 * strings, with the real glossary: text collection and the matcher never throw, every
 * range endpoint lies inside its Text node, and no mention is ever inside an excluded
 * element. The number of cases run is printed at the end.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { compileMatcher } from '../../../src/glossary/compile';
import type { Mention } from '../../../src/glossary/matcher';
import { collectText, iterateTextBlocks, type TextBlock } from '../../../src/page/collect-text';
import { toRangeEndpoints } from '../../../src/page/block-offsets';
import { scanBlocks } from '../../../src/page/scan-blocks';

const matcher = compileMatcher(bundledGlossary().entries);

/** Cases run per property; the whole file stays well under 20 s. */
const DOM_RUNS = 1_500;
const STRING_RUNS = 5_000;
let casesRun = 0;
let mentionsChecked = 0;
const counted =
  <T>(check: (value: T) => void) =>
  (value: T) => {
    casesRun++;
    check(value);
  };

afterAll(() => {
  console.log(
    `fuzz: ${casesRun} cases run (DOM trees and strings, real glossary), ` +
      `${mentionsChecked} mentions in DOM trees checked`,
  );
});

// ---- Random text: glossary aliases, their context cues, prose and odd characters ----

const aliases = bundledGlossary().entries.flatMap((entry) => [
  entry.name.en,
  entry.name.fr,
  ...entry.aliases.map((alias) => alias.text),
  ...entry.aliases.flatMap((alias) => alias.context ?? []),
]);
const words = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...aliases) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('the', 'chip', 'puce', 'de', "l'", 'd’', "'s", ',', '.', '2', '-'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\u00a0',
        '\u00ad',
        '\u200b',
        '\u202f',
        '\ud83d\ude80',
        '\ud800',
        'é',
        'Ⅱ',
      ),
      maxLength: 4,
    }),
  },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\u00a0', '-');
const textArb = fc
  .array(fc.tuple(words, separator), { maxLength: 8 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Any string at all, including lone surrogates and combining marks. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  textArb,
);

// ---- Random DOM trees ----

/** Elements whose text must never be marked, and the attributes that exclude. */
const EXCLUDED_TAGS = ['code', 'pre', 'textarea', 'input', 'script', 'style', 'kbd', 'samp'];
const OTHER_TAGS = [
  'p',
  'div',
  'span',
  'em',
  'strong',
  'a',
  'li',
  'ul',
  'h2',
  'td',
  'br',
  'section',
];

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: string; attrs: [string, string][]; children: Tree[] };

const attrArb = fc.constantFrom<[string, string]>(
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['aria-hidden', 'false'],
  ['contenteditable', ''],
  ['contenteditable', 'true'],
  ['contenteditable', 'plaintext-only'],
  ['contenteditable', 'false'],
  ['lang', 'fr'],
  ['lang', 'en-GB'],
  ['class', 'x'],
);

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constant('div'),
    attrs: fc.constant([] as [string, string][]),
    children: fc.array(tie('node'), { maxLength: 6 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: textArb.map((text) => ({ kind: 'text' as const, text })) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('element' as const),
        tag: fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom(...EXCLUDED_TAGS) },
          { weight: 3, arbitrary: fc.constantFrom(...OTHER_TAGS) },
        ),
        attrs: fc.uniqueArray(attrArb, { maxLength: 2, selector: ([name]) => name }),
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    },
  ),
}));

function build(spec: Tree, doc: Document): Node {
  if (spec.kind === 'text') return doc.createTextNode(spec.text);
  const element = doc.createElement(spec.tag);
  for (const [name, value] of spec.attrs) element.setAttribute(name, value);
  for (const child of spec.children) element.appendChild(build(child, doc));
  return element;
}

function mount(spec: Tree): HTMLElement {
  document.body.replaceChildren(build(spec, document));
  return document.body;
}

/** The test's own definition of an excluding element (independent of collect-text's). */
function excludes(element: Element): boolean {
  if (EXCLUDED_TAGS.includes(element.localName)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function insideExcluded(node: Node): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && excludes(n as Element)) return true;
  }
  return false;
}

/** The Text nodes a [start, end) span of a block covers. */
function nodesOf(block: TextBlock, start: number, end: number): Text[] {
  return block.segments
    .filter((s) => s.start < end && s.start + s.length > start)
    .map((s) => s.node);
}

function mentionsOf(blocks: TextBlock[]): [TextBlock, Mention][] {
  return scanBlocks(matcher, blocks).flatMap((mentions, i) =>
    mentions.map((m) => [blocks[i]!, m] as [TextBlock, Mention]),
  );
}

describe('text collection over random DOM trees', () => {
  it('never throws, and each block is its segments joined', () => {
    fc.assert(
      fc.property(
        tree,
        counted((spec: Tree) => {
          const root = mount(spec);
          const blocks = collectText(root);
          expect(Array.from(iterateTextBlocks(root))).toHaveLength(blocks.length);
          for (const block of blocks) {
            expect(block.segments.map((s) => s.node.data).join('')).toBe(block.text);
            let offset = 0;
            for (const segment of block.segments) {
              expect(segment.start).toBe(offset);
              expect(segment.length).toBe(segment.node.length);
              offset += segment.length;
            }
          }
        }),
      ),
      { numRuns: DOM_RUNS },
    );
  });

  it('never reads text inside code, pre, form fields, scripts, styles, editable or hidden elements', () => {
    fc.assert(
      fc.property(
        tree,
        counted((spec: Tree) => {
          const blocks = collectText(mount(spec));
          for (const block of blocks) {
            for (const segment of block.segments) {
              expect(insideExcluded(segment.node), segment.node.data).toBe(false);
            }
          }
        }),
      ),
      { numRuns: DOM_RUNS },
    );
  });

  it('places every mention inside its nodes and never inside an excluded element', () => {
    fc.assert(
      fc.property(
        tree,
        counted((spec: Tree) => {
          const blocks = collectText(mount(spec));
          for (const [block, mention] of mentionsOf(blocks)) {
            mentionsChecked++;
            const range = toRangeEndpoints(block, mention.start, mention.end);
            expect(range.startOffset).toBeGreaterThanOrEqual(0);
            expect(range.startOffset).toBeLessThanOrEqual(range.startContainer.length);
            expect(range.endOffset).toBeGreaterThanOrEqual(0);
            expect(range.endOffset).toBeLessThanOrEqual(range.endContainer.length);
            const real = document.createRange();
            real.setStart(range.startContainer, range.startOffset);
            real.setEnd(range.endContainer, range.endOffset);
            expect(real.toString()).toBe(mention.text);
            for (const node of nodesOf(block, mention.start, mention.end)) {
              expect(insideExcluded(node), mention.text).toBe(false);
            }
          }
        }),
      ),
      { numRuns: DOM_RUNS },
    );
  });

  it('maps any offsets, even out of range, to endpoints inside their nodes', () => {
    fc.assert(
      fc.property(
        tree,
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: -5, max: 400 }),
        (spec, a, b) => {
          casesRun++;
          for (const block of collectText(mount(spec))) {
            const range = toRangeEndpoints(block, Math.min(a, b), Math.max(a, b));
            expect(range.startOffset).toBeGreaterThanOrEqual(0);
            expect(range.startOffset).toBeLessThanOrEqual(range.startContainer.length);
            expect(range.endOffset).toBeGreaterThanOrEqual(0);
            expect(range.endOffset).toBeLessThanOrEqual(range.endContainer.length);
          }
        },
      ),
      { numRuns: DOM_RUNS },
    );
  });
});

describe('the matcher with the real glossary over random strings', () => {
  it('never throws and returns sorted, non-overlapping mentions that read as the text', () => {
    fc.assert(
      fc.property(
        anyString,
        fc.constantFrom(undefined, null, 'en', 'fr', 'fr-FR', 'de', ''),
        (text, lang) => {
          casesRun++;
          const mentions = matcher.findMentions(text, { lang });
          let last = 0;
          for (const m of mentions) {
            expect(m.start).toBeGreaterThanOrEqual(last);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(m.start, m.end)).toBe(m.text);
            last = m.end;
          }
        },
      ),
      { numRuns: STRING_RUNS },
    );
  });

  it('never throws with random context text either', () => {
    fc.assert(
      fc.property(anyString, anyString, (text, context) => {
        casesRun++;
        matcher.scan(text, { contextText: context, contextIds: ['nvidia', 'x'] });
        matcher.findMentions(text, { contextText: () => context });
      }),
      { numRuns: STRING_RUNS / 2 },
    );
  });
});
