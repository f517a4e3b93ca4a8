/**
 * Text units of the matcher (run time; no DOM): character classes, folding, and aliases
 * parsed into units and glue, compared with a text (alias-index.ts reads the text).
 *
 * Folding: every UTF-16 code unit folds to ONE code unit, lower case without accents
 * ("É" -> "e", "ç" -> "c"), so offsets found while folding are offsets into the text.
 * A text is read as words (maximal runs of word characters) made of units: runs of
 * letters (marks included) or of digits ("Trainium2" = "trainium" + "2"). An alias is
 * parsed into the same units and the glue between them: a required run of separators,
 * an optional separator between a letter and a digit ("Trainium 2" = "Trainium2" =
 * "Trainium-2"), an apostrophe (any), or a literal character.
 */

/** Not a word character; a letter (or a mark); a digit. */
export const OTHER = 0;
export const LETTER = 1;
export const DIGIT = 2;
const UNKNOWN = 255;
/**
 * Scripts written without spaces between words (Chinese, Japanese) or with particles
 * glued to the word before (Korean): a Latin name flush against them still stands alone
 * ("半導体ではNvidiaと", "Nvidia는"), so their characters are not word characters here.
 */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
/**
 * Below this, and from UNSPACED_GAP_START up to UNSPACED_GAP_END, no character is both in
 * one of those scripts and a letter, mark or digit (tests/unit/matcher/text-units.test.ts
 * checks every one): Latin text with accents and typographic punctuation then never
 * compiles UNSPACED, whose Unicode classes cost 1-5 ms in a fresh page.
 */
const UNSPACED_FROM = 0x300;
const UNSPACED_GAP_START = 0x1200;
const UNSPACED_GAP_END = 0x2e80;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;

/**
 * The class of the non-ASCII characters most articles hold, without a RegExp: C1
 * controls, Latin-1 and Latin Extended-A/B (U+0080-U+024F) and general punctuation
 * (U+2000-U+206F: quotes, dashes, spaces); -1 for any other code point. A fresh page's
 * first tests with the Unicode-property RegExps took 1.3-1.9 ms (Node) for an article's
 * two dozen such characters. `classOfCodePoint` and normalise.ts's word classes use it.
 */
export function commonClass(c: number): number {
  if (c >= 0x2000 && c <= 0x206f) return OTHER;
  if (c < 0x80 || c > 0x24f) return -1;
  if (c >= 0x100) return LETTER;
  if (c >= 0xc0) return c === 0xd7 || c === 0xf7 ? OTHER : LETTER; // not × and ÷
  if (c === 0xaa || c === 0xb5 || c === 0xba) return LETTER; // ª µ º
  return c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? DIGIT : OTHER; // ² ³ ¹ ¼ ½ ¾
}

/**
 * Hashes in the matcher are kept to 24 bits, so that each step (h * 31 + a code unit)
 * stays below 2^30: V8 then keeps it a small integer, where a 32-bit hash is a heap
 * number allocated at every step of a loop that V8 has not optimised yet (a page's first
 * scan runs mostly in that state).
 */
export const HASH_MASK = 0xffffff;
/**
 * The key of a unit (folded): a hash of its first, second and last code units and its
 * length, never 0. Cheap both ways: start-up keys each alias group without reading its
 * unit, and the scan keys each word from what it reads anyway. Units sharing a key are
 * told apart by comparing them. Every step stays below 2^30, a small integer for V8 (see
 * `HASH_MASK`).
 */
export function unitKey(first: number, second: number, last: number, length: number): number {
  let h = (first * 31 + second) & HASH_MASK;
  h = (h * 31 + last) & HASH_MASK;
  h = (h * 31 + length) & HASH_MASK;
  h ^= h >>> 13;
  return h === 0 ? 1 : h;
}

// Non-ASCII classes and folds, filled on first use one code unit at a time.
let classes: Uint8Array | undefined;
let folds: Uint16Array | undefined;

/** Exported for tests only. */
export function classOfCodePoint(codePoint: number): number {
  const common = commonClass(codePoint);
  if (common >= 0) return common;
  const char = String.fromCodePoint(codePoint);
  const maybeUnspaced =
    codePoint >= UNSPACED_FROM && (codePoint < UNSPACED_GAP_START || codePoint >= UNSPACED_GAP_END);
  if (maybeUnspaced && UNSPACED.test(char)) return OTHER;
  if (LETTER_RE.test(char)) return LETTER;
  return DIGIT_RE.test(char) ? DIGIT : OTHER;
}

/** The class of the code unit at `i`: OTHER (not a word character), LETTER or DIGIT. */
export function classAt(text: string, i: number): number {
  // Past the end: OTHER, checked rather than read. A read past the end (NaN) made V8 throw
  // away its optimised code of this function and its callers on a page's first scan.
  if (i >= text.length) return OTHER;
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (c >= 97) return c <= 122 ? LETTER : OTHER;
    if (c >= 65) return c <= 90 ? LETTER : OTHER;
    return c >= 48 && c <= 57 ? DIGIT : OTHER;
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    // The two halves of a pair share the code point's class; a lone half is no word.
    const cp = text.codePointAt(c <= 0xdbff ? i : i - 1);
    return cp !== undefined && cp > 0xffff ? classOfCodePoint(cp) : OTHER;
  }
  if (c !== c) return OTHER; // NaN: before the start
  classes ??= new Uint8Array(0x10000).fill(UNKNOWN);
  let cls = classes[c]!;
  if (cls === UNKNOWN) cls = classes[c] = classOfCodePoint(c);
  return cls;
}

/** One code unit folded: lower case, without accents; always one code unit. */
export function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  folds ??= new Uint16Array(0x10000);
  let f = folds[c]!;
  if (f === 0) {
    const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
    const lower = String.fromCharCode(base).toLowerCase();
    f = folds[c] = lower.length === 1 ? lower.charCodeAt(0) : base;
  }
  return f;
}

/** Any space (NBSP, narrow NBSP...) or a hyphen: what separates the words of an alias. */
export function isSeparator(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2010 ||
    c === 0x2011 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

const SEP = 0;
const OPT = 1;
const APOS = 2;
const LIT = 3;
const UNIT = 4;

/** One piece of an alias: a unit (folded, with its class) or glue. */
export interface Segment {
  kind: number;
  /** UNIT: the folded unit; LIT: the character. */
  text: string;
  cls: number;
}

/** Parses an alias into units and glue (see the top of this file). */
export function aliasSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let pendingSep = false;
  let prev = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      pendingSep = true;
      i++;
      continue;
    }
    const cls = isApostrophe(c) ? OTHER : classAt(text, i);
    if (cls === OTHER) {
      if (pendingSep && out.length > 0) out.push({ kind: SEP, text: '', cls });
      if (isApostrophe(c)) out.push({ kind: APOS, text: "'", cls });
      else out.push({ kind: LIT, text: text.charAt(i), cls });
      pendingSep = false;
      prev = OTHER;
      i++;
      continue;
    }
    // The unit folded: one string, not one per character added.
    const start = i;
    let ascii = true;
    for (; i < text.length && classAt(text, i) === cls; i++)
      if (text.charCodeAt(i) >= 128) ascii = false;
    let unit = text.slice(start, i);
    if (ascii) unit = unit.toLowerCase();
    else {
      const codes: number[] = [];
      for (let k = start; k < i; k++) codes.push(foldCode(text.charCodeAt(k)));
      unit = String.fromCharCode(...codes);
    }
    if (out.length > 0) {
      if ((prev === LETTER && cls === DIGIT) || (prev === DIGIT && cls === LETTER)) {
        out.push({ kind: OPT, text: '', cls: OTHER });
      } else if (pendingSep) out.push({ kind: SEP, text: '', cls: OTHER });
    }
    out.push({ kind: UNIT, text: unit, cls });
    pendingSep = false;
    prev = cls;
  }
  return out;
}

/** An alias's first unit, folded, as `candidates` reads a word's; "" without one. */
export function firstUnitOf(text: string): string {
  const cls = classAt(text, 0);
  let unit = '';
  for (let i = 0; cls !== OTHER && i < text.length && classAt(text, i) === cls; i++) {
    unit += String.fromCharCode(foldCode(text.charCodeAt(i)));
  }
  return unit;
}

/**
 * Where the alias ends when it matches `text`, its first unit (segments[0]) being the
 * text's unit that ends at `p`; or -1. Units compare folded and must be whole units of
 * the text; the match ends at a word boundary; a plural alias also takes a final "s".
 */
export function matchRest(text: string, p: number, segments: Segment[], plural: boolean): number {
  const n = text.length;
  const last = segments.length - 1;
  for (let k = 1; k <= last; k++) {
    const segment = segments[k]!;
    const kind = segment.kind;
    if (kind === UNIT) {
      const unit = segment.text;
      const length = unit.length;
      if (p + length > n) return -1;
      for (let m = 0; m < length; m++) {
        const c = text.charCodeAt(p + m);
        if ((c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c)) !== unit.charCodeAt(m)) {
          return -1;
        }
      }
      p += length;
      // A unit of the alias is a whole unit of the text ("Graces" is not "Grace").
      if (k < last && classAt(text, p) === segment.cls) return -1;
    } else if (kind === SEP) {
      if (p >= n || !isSeparator(text.charCodeAt(p))) return -1;
      p++;
      while (p < n && isSeparator(text.charCodeAt(p))) p++;
    } else if (kind === OPT) {
      if (p < n && isSeparator(text.charCodeAt(p))) p++;
    } else if (kind === APOS) {
      if (p >= n || !isApostrophe(text.charCodeAt(p))) return -1;
      p++;
    } else {
      if (p >= n || text.charCodeAt(p) !== segment.text.charCodeAt(0)) return -1;
      p++;
    }
  }
  if (p + 1 < n && isApostrophe(text.charCodeAt(p)) && classAt(text, p + 1) === LETTER) {
    // "Dell'Oro" is one name (not "Dell"); "Nvidia's" is a possessive.
    if (foldCode(text.charCodeAt(p + 1)) !== 115 || classAt(text, p + 2) === LETTER) return -1;
  }
  if (p < n && classAt(text, p) !== OTHER) {
    // "GPUs", "B200s"; never "Nvidias" unless the alias allows plurals.
    if (!plural || foldCode(text.charCodeAt(p)) !== 115 || classAt(text, p + 1) !== OTHER) {
      return -1;
    }
    p++;
  }
  return p;
}
