import { describe, expect, it } from 'vitest';
import { foldCue, foldedWords, normaliseText } from '../../../src/glossary/normalise';

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
