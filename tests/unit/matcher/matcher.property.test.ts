import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/glossary/compile';
import type { Mention } from '../../../src/glossary/matcher';
import { testEntries } from '../../fixtures/matcher/load';

const matcher = compileMatcher(testEntries());

const WORDS = [
  'Nvidia',
  'NVIDIA',
  'CUDA',
  'Trainium',
  'Trainium 2',
  'Trainium3',
  'AWS',
  'Amazon',
  'Project Rainier',
  'Rainier',
  'Claude',
  'Anthropic',
  'TPU',
  'TPUs',
  'Google',
  'Maia 100',
  'Maia',
  '100',
  'l’UE',
  "d'AMD",
  'Chips Act',
  'EU',
  'SiPearl',
  'Rhea',
  'vertical integration',
  'GPU',
  'the',
  'chip',
  'puce',
  'AI',
  'model',
  'é',
  '2',
  '2025',
  '日本',
  ',',
  '.',
  "'s",
  '’s',
  '-',
];

/** Prose-like text made of glossary words, ordinary words and punctuation. */
const prose = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '\n', '', '-', ', ')), {
    maxLength: 40,
  })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

/** Any string, including lone surrogates and ignorable characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '\ud800',
      '\udc00',
      '\u00ad',
      '\u200b',
      '\u0301',
      'N',
      'v',
      'i',
      'd',
      'a',
      ' ',
    ),
    maxLength: 60,
  }),
  prose,
);

function wellFormed(text: string, mentions: Mention[]): boolean {
  let last = 0;
  for (const m of mentions) {
    if (m.start < last || m.end <= m.start || m.end > text.length) return false;
    if (text.slice(m.start, m.end) !== m.text) return false;
    last = m.end;
  }
  return true;
}

const ids = (mentions: Mention[]): string[] => mentions.map((m) => m.id);
const langs = fc.constantFrom(undefined, 'en', 'fr', 'de');

describe('matcher properties', () => {
  it('never throws and returns sorted, in-bounds, non-overlapping mentions', () => {
    fc.assert(
      fc.property(anyText, langs, (text, lang) => {
        const mentions = matcher.findMentions(text, { lang, contextText: text });
        expect(wellFormed(text, mentions)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same entities when spaces become NBSP or narrow NBSP', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('\u00a0', '\u202f'), (text, space) => {
        const changed = text.replace(/ /g, space);
        const a = matcher.findMentions(text);
        const b = matcher.findMentions(changed);
        expect(ids(b)).toEqual(ids(a));
        expect(b.map((m) => [m.start, m.end])).toEqual(a.map((m) => [m.start, m.end]));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same entities with curly or straight apostrophes', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const straight = text.replace(/’/g, "'");
        const curly = text.replace(/'/g, '’');
        expect(ids(matcher.findMentions(straight, { lang: 'fr' }))).toEqual(
          ids(matcher.findMentions(curly, { lang: 'fr' })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same entities in Trainium2, Trainium 2 and Trainium-2 variants', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('', ' ', '-', '\u00a0'), (text, sep) => {
        // Only the spellings of existing aliases vary: "Maia 2" is Maia and a number, but
        // "Maia2" is no known word. Not before an apostrophe: in "Trainium 3'sNvidia" the
        // name "Trainium" stands alone, while "Trainium3'sNvidia" is one odd word (a
        // counterexample fast-check found once in about 5,500 runs).
        const variant = text
          .replace(/(?<![\p{L}\p{N}])(Trainium) ?([23])(?![\p{L}\p{N}'’])/gu, `$1${sep}$2`)
          .replace(/(?<![\p{L}\p{N}])(Maia) ?(100|200)(?![\p{L}\p{N}'’])/gu, `$1${sep}$2`);
        expect(ids(matcher.findMentions(variant))).toEqual(ids(matcher.findMentions(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same entities when soft hyphens are inserted inside words', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const hyphenated = text.replace(/(\p{L})(\p{L})/gu, '$1\u00ad$2');
        const mentions = matcher.findMentions(hyphenated);
        expect(ids(mentions)).toEqual(ids(matcher.findMentions(text)));
        expect(wellFormed(hyphenated, mentions)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
