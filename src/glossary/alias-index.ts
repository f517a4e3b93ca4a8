/**
 * The matcher's hot path (run time; no DOM): reading a text word by word and comparing
 * the aliases that start with each word. Kept in one module with local constants only,
 * so that no call in the per-character loop crosses a module boundary (module exports
 * become getters under some loaders: measured 3x slower in Node).
 *
 * Folding: every UTF-16 code unit folds to ONE code unit, lower case without accents
 * ("É" -> "e", "ç" -> "c"), so offsets found while folding are offsets into the text.
 * A text is read as words (maximal runs of word characters) made of units: runs of
 * letters (marks included) or of digits ("Trainium2" = "trainium" + "2"). An alias is
 * parsed into the same units and the glue between them: a required run of separators,
 * an optional separator between a letter and a digit ("Trainium 2" = "Trainium2" =
 * "Trainium-2"), an apostrophe (any), or a literal character.
 *
 * Each word's first unit is hashed as it is read and looked up in an open-addressing
 * table of the aliases' first units; only on a hit are those aliases compared. The table
 * is built from the groups' units alone: a group's aliases are parsed on its first hit,
 * so start-up reads no alias (a content script starts on every page).
 */
import { caseMatches } from './case-rule';
import type { Lang } from './types';

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const UNKNOWN = 255;
/**
 * Scripts written without spaces between words (Chinese, Japanese) or with particles
 * glued to the word before (Korean): a Latin name flush against them still stands alone
 * ("半導体ではNvidiaと", "Nvidia는"), so their characters are not word characters here.
 */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

// Non-ASCII classes and folds, filled on first use one code unit at a time.
let classes: Uint8Array | undefined;
let folds: Uint16Array | undefined;

function classOfCodePoint(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (UNSPACED.test(char)) return OTHER;
  if (LETTER_RE.test(char)) return LETTER;
  return DIGIT_RE.test(char) ? DIGIT : OTHER;
}

/** The class of the code unit at `i`: OTHER (not a word character), LETTER or DIGIT. */
function classAt(text: string, i: number): number {
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
  if (c !== c) return OTHER; // NaN: past the end
  classes ??= new Uint8Array(0x10000).fill(UNKNOWN);
  let cls = classes[c]!;
  if (cls === UNKNOWN) cls = classes[c] = classOfCodePoint(c);
  return cls;
}

/** One code unit folded: lower case, without accents; always one code unit. */
function foldCode(c: number): number {
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
function isSeparator(c: number): boolean {
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
interface Segment {
  kind: number;
  /** UNIT: the folded unit; LIT: the character. */
  text: string;
  cls: number;
}

/** Parses an alias into units and glue (see the top of this file). */
function aliasSegments(text: string): Segment[] {
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
    let unit = '';
    for (; i < text.length && classAt(text, i) === cls; i++) {
      unit += String.fromCharCode(foldCode(text.charCodeAt(i)));
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
function matchRest(text: string, p: number, segments: Segment[], plural: boolean): number {
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
        if (foldCode(text.charCodeAt(p + m)) !== unit.charCodeAt(m)) return -1;
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
      if (!isApostrophe(text.charCodeAt(p))) return -1;
      p++;
    } else {
      if (text.charCodeAt(p) !== segment.text.charCodeAt(0)) return -1;
      p++;
    }
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

/** Case rules of an alias. */
export const CASE_ANY = 0;
export const CASE_NAME = 1;
export const CASE_EXACT = 2;

/** An alias as the index holds it. */
export interface IndexedAlias {
  id: string;
  text: string;
  /** CASE_ANY, CASE_NAME or CASE_EXACT. */
  rule: number;
  plural: boolean;
  lang: Lang | null;
  /** Index of the alias's cue list, or -1 (unambiguous). */
  cueList: number;
  segments?: Segment[];
  caseCache?: Map<string, boolean>;
}

/** Proposed mentions, before context rules: parallel lists (no object per candidate). */
export interface Candidates {
  aliases: IndexedAlias[];
  starts: number[];
  ends: number[];
}

/** The aliases that start with one unit. */
interface Group {
  /** The unit, folded. */
  unit: string;
  /** Its aliases as the table writes them, parsed on the group's first hit. */
  source: string;
  aliases: IndexedAlias[] | null;
  /** Another group whose unit has the same hash (almost never). */
  next: Group | null;
}

/** An open-addressing table of groups by the hash of their unit (a miss: one read). */
interface GroupTable {
  keys: Int32Array;
  slots: Group[];
  mask: number;
}

/**
 * The group whose unit is the text's `[start, end)` (hash `hash`), or null. Module-level
 * so that the loop of `candidates` calls a plain function.
 */
function lookup(
  table: GroupTable,
  hash: number,
  text: string,
  start: number,
  end: number,
): Group | null {
  const key = hash === 0 ? 1 : hash;
  const keys = table.keys;
  const mask = table.mask;
  let slot = hash & mask;
  for (let k = keys[slot]!; k !== 0; k = keys[slot]!) {
    if (k === key) {
      // Same hash: compare the unit itself (folded) to rule out a collision.
      for (let group: Group | null = table.slots[slot]!; group !== null; group = group.next) {
        const unit = group.unit;
        if (unit.length !== end - start) continue;
        let m = 0;
        while (m < unit.length && foldCode(text.charCodeAt(start + m)) === unit.charCodeAt(m)) m++;
        if (m === unit.length) return group;
      }
      return null;
    }
    slot = (slot + 1) & mask;
  }
  return null;
}

/** The table of groups written as lines "unit\taliases" (see `CompiledGlossary.aliases`). */
function groupTable(lines: string[]): GroupTable {
  let size = 16;
  while (size < lines.length * 8) size *= 2;
  const table: GroupTable = {
    keys: new Int32Array(size),
    slots: new Array<Group>(size),
    mask: size - 1,
  };
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const unit = line.slice(0, tab);
    let hash = HASH_SEED;
    for (let i = 0; i < unit.length; i++) hash = Math.imul(hash ^ unit.charCodeAt(i), HASH_PRIME);
    const key = hash === 0 ? 1 : hash;
    let slot = hash & table.mask;
    while (table.keys[slot] !== 0 && table.keys[slot] !== key) slot = (slot + 1) & table.mask;
    const group: Group = { unit, source: line.slice(tab + 1), aliases: null, next: null };
    if (table.keys[slot] === key) group.next = table.slots[slot]!;
    table.keys[slot] = key;
    table.slots[slot] = group;
  }
  return table;
}

/** Finds the candidates of a text (see the top of this file). */
export interface AliasIndex {
  /** The leftmost-longest candidates of a (normalised) text, before context rules. */
  candidates(text: string, lang: Lang | null): Candidates;
}

/**
 * An index of the groups written in `lines`; `parse` turns a group's written aliases into
 * aliases (on its first hit, so that start-up reads no alias).
 */
export function createAliasIndex(
  lines: string[],
  parse: (source: string) => IndexedAlias[],
): AliasIndex {
  const heads = groupTable(lines);

  function caseOk(alias: IndexedAlias, surface: string): boolean {
    const cache = (alias.caseCache ??= new Map());
    let ok = cache.get(surface);
    if (ok === undefined) {
      ok = caseMatches(alias.text, surface, alias.rule === CASE_EXACT, alias.plural);
      if (cache.size > 256) cache.clear();
      cache.set(surface, ok);
    }
    return ok;
  }

  /** The alias of the last `bestOf` that found one. */
  let chosen: IndexedAlias | null = null;

  /**
   * Where the longest alias that matches at `start` ends, by `maxEnd`, or -1: of `head`
   * (the word's first unit ends at `unitEnd`), and of `plural`, whose unit is the word's
   * but its final "s" ("GPUs"). The alias is left in `chosen`.
   */
  function bestOf(
    text: string,
    start: number,
    unitEnd: number,
    head: Group | null,
    plural: Group | null,
    lang: Lang | null,
    maxEnd: number,
  ): number {
    let bestEnd = -1;
    for (let l = 0; l < 2; l++) {
      const group = l === 0 ? head : plural;
      if (group === null) continue;
      const p = l === 0 ? unitEnd : unitEnd - 1;
      const aliases = (group.aliases ??= parse(group.source));
      for (const alias of aliases) {
        if (lang !== null && alias.lang !== null && alias.lang !== lang) continue;
        if (l === 1 && !alias.plural) continue;
        const segments = (alias.segments ??= aliasSegments(alias.text));
        if (l === 1 && segments.length > 1) continue;
        const end = matchRest(text, p, segments, alias.plural);
        if (end < 0 || end > maxEnd || end <= bestEnd) continue;
        if (alias.rule !== CASE_ANY && !caseOk(alias, text.slice(start, end))) continue;
        bestEnd = end;
        chosen = alias;
      }
    }
    return bestEnd;
  }

  /** Where the best candidate at a word start ends, or -1 (its alias in `chosen`). */
  function bestAt(text: string, start: number, lang: Lang | null): number {
    const cls = classAt(text, start);
    let h = HASH_SEED;
    let before = h;
    let last = 0;
    let i = start;
    do {
      last = foldCode(text.charCodeAt(i));
      before = h;
      h = Math.imul(h ^ last, HASH_PRIME);
      i++;
    } while (i < text.length && classAt(text, i) === cls);
    const plural = last === 115 && i - start > 1 ? lookup(heads, before, text, start, i - 1) : null;
    return bestOf(text, start, i, lookup(heads, h, text, start, i), plural, lang, text.length);
  }

  /** Whether a digit follows `end`, maybe after one separator: "AWS Trainium| 2". */
  function digitNext(text: string, end: number): boolean {
    if (classAt(text, end) === DIGIT) return true;
    return isSeparator(text.charCodeAt(end)) && classAt(text, end + 1) === DIGIT;
  }

  /** A word start in (start, end) where a candidate reaching beyond `end` begins, or -1. */
  function laterLongerStart(text: string, start: number, end: number, lang: Lang | null): number {
    for (let at = start + 1; at < end; at++) {
      if (!isSeparator(text.charCodeAt(at - 1)) || classAt(text, at) === OTHER) continue;
      if (bestAt(text, at, lang) > end) return at;
    }
    return -1;
  }

  function candidates(text: string, lang: Lang | null): Candidates {
    // Hoisted: most words miss, and a miss is one read of `keys`.
    const keys = heads.keys;
    const mask = heads.mask;
    const found: Candidates = { aliases: [], starts: [], ends: [] };
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      let cls: number;
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) cls = LETTER;
        else if (c >= 48 && c <= 57) cls = DIGIT;
        else {
          i++;
          continue;
        }
      } else if ((cls = classAt(text, i)) === OTHER) {
        i++;
        continue;
      }
      // A word starts at i: hash its first unit while reading it.
      const start = i;
      let h = HASH_SEED;
      let before = h;
      let folded = 0;
      for (;;) {
        folded = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c);
        before = h;
        h = Math.imul(h ^ folded, HASH_PRIME);
        if (++i >= n) break;
        c = text.charCodeAt(i);
        if (c < 128) {
          if (
            cls === LETTER ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) : c < 48 || c > 57
          ) {
            break;
          }
        } else if (classAt(text, i) !== cls) break;
      }
      const head = keys[h & mask] === 0 ? null : lookup(heads, h, text, start, i);
      const plural =
        folded !== 115 || i - start < 2 || keys[before & mask] === 0
          ? null
          : lookup(heads, before, text, start, i - 1);
      if (head !== null || plural !== null) {
        let end = bestOf(text, start, i, head, plural, lang, n);
        if (end >= 0) {
          let alias = chosen!;
          let next = end;
          const split = digitNext(text, end) ? laterLongerStart(text, start, end, lang) : -1;
          if (split >= 0) {
            // "AWS Trainium 2": the match "AWS Trainium" would strand the "2" while a later
            // word of it starts a longer one ("Trainium 2"); keep the head only.
            end = bestOf(text, start, i, head, plural, lang, split);
            alias = chosen!;
            next = split;
          }
          if (end >= 0) {
            found.aliases.push(alias);
            found.starts.push(start);
            found.ends.push(end);
          }
          i = next;
          continue;
        }
      }
      // The rest of the word (a unit of the other class: "x86", "Trainium2").
      while (i < n && classAt(text, i) !== OTHER) i++;
    }
    return found;
  }

  return { candidates };
}
