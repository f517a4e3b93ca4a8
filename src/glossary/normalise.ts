/**
 * Text normalisation shared by the matcher, its compiler and the context-cue check.
 * Pure functions: no DOM, no extension API.
 *
 * The matcher never copies a whole text when it does not have to: case, accents, spaces,
 * hyphens and apostrophes are handled as it reads (alias-index.ts), so only text that
 * holds ignorable characters (soft hyphen, zero-width) or combining marks (which NFC may
 * compose) goes through `normaliseText`, which keeps a map back to the original offsets.
 */

import { DIGIT as DIGIT_CLASS, HASH_MASK, LETTER as LETTER_CLASS, commonClass } from './text-units';

/** Soft hyphen, zero-width space/joiners, word joiner, BOM: ignored inside a match. */
const IGNORABLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const IGNORABLE_CHAR = new RegExp(`[${IGNORABLE}]`);
const MARK = /\p{M}/u;
/**
 * A character outside the ranges that are NFC-stable and not ignorable: U+0000-U+02FF
 * (but the soft hyphen), general punctuation U+2002-U+206F (but the zero-width
 * characters and the word joiner; U+2000-U+2001 have NFC singletons) and currency signs.
 */
const NEEDS_CHECK =
  // eslint-disable-next-line no-control-regex -- U+0000-U+02FF is NFC-stable, controls included
  /[^\u0000-\u00AC\u00AE-\u02FF\u2002-\u200A\u200E-\u205F\u2061-\u206F\u20A0-\u20CF]/;

/** A text prepared for matching, with a way back to the original offsets. */
export interface NormalisedText {
  /** NFC text without ignorable characters; the original text itself when nothing changed. */
  text: string;
  /**
   * Maps a [start, end) range of `text` to the original text; identity when the text
   * needed no change.
   */
  toOriginal(start: number, end: number): [number, number];
}

const identity = (start: number, end: number): [number, number] => [start, end];

/**
 * Normalises a text for matching: NFC, ignorable characters removed. Returns the text
 * itself (and identity offsets) in the common case where nothing needs changing.
 */
export function normaliseText(text: string): NormalisedText {
  return normalisedOrNull(text) ?? { text, toOriginal: identity };
}

/** Like `normaliseText`, but null (no allocation) when the text needs no change. */
export function normalisedOrNull(text: string): NormalisedText | null {
  // Measured on 1 MB of articles in Node: /\p{M}/u.test 6.8 ms, normalize() === 1.5 ms.
  // Most text is Latin, Latin-1 and common punctuation, which NFC leaves as is (no
  // ignorable character among them): one quick class test instead of ICU's normalize().
  if (!NEEDS_CHECK.test(text) || (!IGNORABLE_CHAR.test(text) && text.normalize('NFC') === text)) {
    return null;
  }
  // Slow path: split into clusters (a code point and its combining marks), NFC each
  // cluster, and remember where each output code unit came from.
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const clusterStart = i;
    i += codePointLength(text, i);
    while (i < text.length && MARK.test(text[i]!)) i += 1;
    const cluster = text.slice(clusterStart, i);
    if (IGNORABLE_CHAR.test(cluster)) {
      // An ignorable char followed by marks: keep the marks, drop the ignorable.
      const kept = cluster.replace(new RegExp(`[${IGNORABLE}]`, 'gu'), '');
      if (kept === '') continue;
      pushCluster(kept, clusterStart, i);
      continue;
    }
    pushCluster(cluster, clusterStart, i);
  }
  const normalised = out.join('');

  function pushCluster(cluster: string, start: number, end: number): void {
    const nfc = cluster.normalize('NFC');
    out.push(nfc);
    for (let k = 0; k < nfc.length; k++) {
      from.push(start);
      to.push(end);
    }
  }

  return {
    text: normalised,
    toOriginal(start, end) {
      if (end <= start) return [from[start] ?? text.length, from[start] ?? text.length];
      return [from[start]!, to[end - 1]!];
    },
  };
}

function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Whether a text has non-ASCII characters (then folding may change it). */
export const NON_ASCII = /[\u0080-\uffff]/;
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, on purpose
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Folds a text for cue comparison: lower case, accents removed. Cheap for ASCII text. */
export function foldCue(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING, '') : lower;
}

/**
 * The folded words of a text (letters and digits of any script), in order; letters and
 * digits are separate words ("Trainium2" -> "trainium", "2"), as the matcher treats them.
 */
export function foldedWords(text: string): string[] {
  return foldCue(text)
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, '')
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** A compiled set of context cues; see `compileCues`. */
export interface CueSet {
  /** Cues made of letters only or digits only, folded: found with indexOf. */
  words: string[];
  /** For each word, whether it is made of digits (then its boundaries are non-digits). */
  digits: boolean[];
  /**
   * The other cues (several words, or letters and digits: "data center", "H100"), each as
   * its folded words in order. A text holds one when those words follow each other with
   * only spaces or punctuation between them (`hasComplexCue`): no RegExp, whose Unicode
   * classes cost ~0.4 ms to compile per cue set on a page's first ambiguous names.
   */
  complex: (readonly string[])[];
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

/**
 * Compiles context cues for `hasCue`: compared after `foldCue` (case and accents
 * ignored), as whole words, letters and digits being separate words ("trainium" is a
 * cue in "Trainium2"). `wordsOf` splits a cue (a matcher passes a cached `foldedWords`).
 */
export function compileCues(
  cues: readonly string[],
  wordsOf: (cue: string) => readonly string[] = foldedWords,
): CueSet {
  const words: string[] = [];
  const complex: (readonly string[])[] = [];
  for (const cue of cues) {
    const parts = wordsOf(cue);
    if (parts.length === 0) continue;
    if (parts.length === 1) words.push(parts[0]!);
    else complex.push(parts);
  }
  return { words, digits: words.map((word) => DIGIT.test(word.charAt(0))), complex };
}

function sameClass(text: string, index: number, digit: boolean): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) {
    return digit
      ? code >= 48 && code <= 57
      : (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  }
  const char = text.charAt(index);
  return digit ? DIGIT.test(char) : LETTER.test(char) || MARK.test(char);
}

/** Whether a text folded with `foldCue` holds one of the cues. */
export function hasCue(cues: CueSet, folded: string): boolean {
  const { words, digits } = cues;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const digit = digits[i]!;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (sameClass(folded, at - 1, digit) || sameClass(folded, at + word.length, digit)) continue;
      return true;
    }
  }
  return cues.complex.length > 0 && hasComplexCue(cues, folded, wordRuns(folded));
}

/**
 * Whether the folded text holds one of the cues of several words, given its runs of
 * letters or digits in order (every run, or only those that are cue words, as a cue
 * scanner finds them): the cue's words must be consecutive runs with no letter or digit
 * between them.
 */
export function hasComplexCue(cues: CueSet, folded: string, runs: readonly CueHit[]): boolean {
  for (const parts of cues.complex) {
    const first = parts[0]!;
    for (let i = 0; i + parts.length <= runs.length; i++) {
      if (runs[i]!.word !== first) continue;
      let k = 1;
      while (
        k < parts.length &&
        runs[i + k]!.word === parts[k] &&
        !hasWordChar(folded, runs[i + k - 1]!.end, runs[i + k]!.start)
      )
        k++;
      if (k === parts.length) return true;
    }
  }
  return false;
}

function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (charClass(text, i) !== 0) return true;
  return false;
}

/** Every run of letters or of digits of a folded text, in order. */
export function wordRuns(folded: string): CueHit[] {
  const runs: CueHit[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const cls = charClass(folded, i);
    if (cls === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && charClass(folded, i) === cls) i++;
    runs.push({ word: folded.slice(start, i), start, end: i });
  }
  return runs;
}

/** A single-word cue found in a folded text: the word and where it is. */
export interface CueHit {
  word: string;
  start: number;
  end: number;
}

/** The word classes of `hasCue`: the matcher's letter and digit classes (text-units.ts). */
const LETTER_RUN = LETTER_CLASS;
const DIGIT_RUN = DIGIT_CLASS;
const classCache = new Map<number, number>();

/** 1 for a letter or mark, 2 for a digit, 0 otherwise (the word classes of `hasCue`). */
function charClass(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER_RUN;
    return code >= 48 && code <= 57 ? DIGIT_RUN : 0;
  }
  const common = commonClass(code);
  if (common >= 0) return common;
  let cls = classCache.get(code);
  if (cls === undefined) {
    const char = text.charAt(index);
    cls = LETTER.test(char) || MARK.test(char) ? LETTER_RUN : DIGIT.test(char) ? DIGIT_RUN : 0;
    if (classCache.size < 4096) classCache.set(code, cls);
  }
  return cls;
}

/**
 * Finds every occurrence of a set of single-word cues (folded, letters only or digits
 * only) in a folded text in one pass, with the word boundaries of `hasCue`: a cue is a
 * whole run of letters (or of digits), so each run is hashed as it is read and looked up
 * in an open-addressing table of the cue words, without allocating. Building the table
 * allocates nothing per word either: a trie of Maps cost 10-30 ms in a page's first
 * ambiguous names (Chromium), against well under 1 ms in Node.
 */
export function compileCueScanner(words: Iterable<string>): (folded: string) => CueHit[] {
  const list = [...new Set(words)].filter((word) => word !== '');
  let size = 16;
  while (size < list.length * 2) size *= 2;
  const mask = size - 1;
  /** The hash of the word in each slot (odd, so never 0: 0 is an empty slot). */
  const keys = new Int32Array(size);
  const rows = new Int32Array(size);
  list.forEach((word, row) => {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = (hash * 31 + word.charCodeAt(i)) & HASH_MASK;
    let slot = (hash | 1) & mask;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = hash | 1;
    rows[slot] = row;
  });
  const wordAt = (folded: string, start: number, end: number, key: number): string | undefined => {
    for (let slot = key & mask; keys[slot] !== 0; slot = (slot + 1) & mask) {
      if (keys[slot] !== key) continue;
      const word = list[rows[slot]!]!;
      if (word.length === end - start && folded.startsWith(word, start)) return word;
    }
    return undefined;
  };
  // ASCII is classed inline: the scan runs over every block of a page, mostly before V8
  // has optimised it, when each call costs.
  return (folded) => {
    const hits: CueHit[] = [];
    const length = folded.length;
    let i = 0;
    while (i < length) {
      let c = folded.charCodeAt(i);
      const cls =
        c < 0x80
          ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
            ? LETTER_RUN
            : c >= 48 && c <= 57
              ? DIGIT_RUN
              : 0
          : charClass(folded, i);
      if (cls === 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0;
      for (; i < length; i++) {
        c = folded.charCodeAt(i);
        if (c < 0x80) {
          if (
            cls === LETTER_RUN ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) : c < 48 || c > 57
          )
            break;
        } else if (charClass(folded, i) !== cls) break;
        hash = (hash * 31 + c) & HASH_MASK;
      }
      const word = wordAt(folded, start, i, hash | 1);
      if (word !== undefined) hits.push({ word, start, end: i });
    }
    return hits;
  };
}
