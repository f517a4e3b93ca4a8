import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileCueScanner,
  foldCue,
  foldedWords,
  normaliseText,
  wordRuns,
} from '../../../src/glossary/normalise';

describe('normaliseText', () => {
  it('returns the text itself when nothing needs normalising', () => {
    const text = 'Nvidia\u00a0and l’UE';
    const normalised = normaliseText(text);
    expect(normalised.text).toBe(text);
    expect(normalised.toOriginal(3, 5)).toEqual([3, 5]);
  });

  it('removes soft hyphens and zero-width characters and maps offsets back', () => {
    const text = 'a Nvi\u00addi\u200ba b';
    const normalised = normaliseText(text);
    expect(normalised.text).toBe('a Nvidia b');
    expect(normalised.toOriginal(2, 8)).toEqual([2, 10]);
  });

  it('composes decomposed characters (NFC) and maps offsets to whole clusters', () => {
    const text = 'europe\u0301enne x';
    const normalised = normaliseText(text);
    expect(normalised.text).toBe('européenne x');
    expect(normalised.toOriginal(0, 10)).toEqual([0, 11]);
    expect(normalised.toOriginal(11, 12)).toEqual([12, 13]);
  });

  it('keeps lone surrogates', () => {
    expect(normaliseText('\ud800\u0301x').text).toBe('\ud800\u0301x');
  });
});

describe('cue folding', () => {
  it('folds case and accents for cues', () => {
    expect(foldCue('Accélérateur')).toBe('accelerateur');
    expect(foldedWords('Le Cœur, l’ÉTÉ; Trainium2')).toEqual([
      'le',
      'cœur',
      'l',
      'ete',
      'trainium',
      '2',
    ]);
  });
});

describe('compileCueScanner', () => {
  it('finds whole runs of letters or of digits only, with their offsets', () => {
    const scan = compileCueScanner(['gpu', '100', 'data', 'centre', 'puce']);
    expect(scan(foldCue('Les GPU du data-centre, H100 et gpus.'))).toEqual([
      { word: 'gpu', start: 4, end: 7 },
      { word: 'data', start: 11, end: 15 },
      { word: 'centre', start: 16, end: 22 },
      { word: '100', start: 25, end: 28 },
    ]);
    expect(scan(foldCue('Une puce équipée'))).toEqual([{ word: 'puce', start: 4, end: 8 }]);
    expect(scan('')).toEqual([]);
  });

  it('finds exactly the runs that are cue words, whatever the words (hash collisions included)', () => {
    const word = fc.stringMatching(/^[a-c0-2]{1,4}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 60 }),
        fc.array(word, { maxLength: 30 }),
        (cues, text) => {
          const folded = text.join(' ');
          const set = new Set(cues);
          const expected = wordRuns(folded).filter((run) => set.has(run.word));
          expect(compileCueScanner(cues)(folded)).toEqual(expected);
        },
      ),
    );
  });
});

describe('wordRuns', () => {
  it('classes Latin-1, Latin Extended and general punctuation by their Unicode properties', () => {
    const wrong: string[] = [];
    const codes = [
      ...Array.from({ length: 0x250 - 0x80 }, (_, i) => 0x80 + i),
      ...Array.from({ length: 0x2070 - 0x2000 }, (_, i) => 0x2000 + i),
    ];
    for (const code of codes) {
      const char = String.fromCharCode(code);
      // A letter joins the letters around it; a digit is a run of its own; else a gap.
      const expected = /[\p{L}\p{M}]/u.test(char) ? 1 : /\p{N}/u.test(char) ? 3 : 2;
      if (wordRuns(`a${char}a`).length !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
