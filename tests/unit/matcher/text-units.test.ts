import { describe, expect, it } from 'vitest';
import { DIGIT, LETTER, OTHER, classAt, classOfCodePoint } from '../../../src/glossary/text-units';

const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

/** The class by the Unicode properties alone (what classOfCodePoint computes faster). */
function reference(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (UNSPACED.test(char)) return OTHER;
  if (/[\p{L}\p{M}]/u.test(char)) return LETTER;
  return /\p{N}/u.test(char) ? DIGIT : OTHER;
}

describe('classOfCodePoint', () => {
  it('gives every code point of the Basic Multilingual Plane its class by Unicode properties', () => {
    const wrong: string[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (classOfCodePoint(c) !== reference(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    // A few known classes, on both sides of the ranges where UNSPACED is not compiled.
    expect(classOfCodePoint(0xe9)).toBe(LETTER); // é
    expect(classOfCodePoint(0x2019)).toBe(OTHER); // ’
    expect(classOfCodePoint(0x323)).toBe(OTHER); // combining dot below, also Han and kana
    expect(classOfCodePoint(0x1100)).toBe(OTHER); // Hangul jamo
    expect(classOfCodePoint(0x3042)).toBe(OTHER); // あ
    expect(classOfCodePoint(0x663)).toBe(DIGIT); // Arabic-Indic three
  });
});

describe('classAt', () => {
  it('classes the characters of a text, and nothing outside it as a word', () => {
    const text = 'é2 x';
    expect([0, 1, 2, 3].map((i) => classAt(text, i))).toEqual([LETTER, DIGIT, OTHER, LETTER]);
    expect(classAt(text, text.length)).toBe(OTHER);
    expect(classAt(text, text.length + 5)).toBe(OTHER);
    expect(classAt(text, -1)).toBe(OTHER);
    expect(classAt('', 0)).toBe(OTHER);
  });
});
