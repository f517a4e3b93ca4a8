/**
 * The matcher's index (run time; no DOM): reads a text word by word and compares the
 * aliases that start with each word (units and folding: text-units.ts).
 *
 * Each word's first unit is folded and hashed as it is read (ASCII inline) and looked up
 * in an open-addressing table of the aliases' first units; only on a hit are those
 * aliases compared. The table is built from the groups' units alone: a group's aliases
 * are parsed on its first hit, so start-up reads no alias (a content script starts on
 * every page).
 */
import { caseMatches } from './case-rule';
import {
  DIGIT,
  LETTER,
  OTHER,
  aliasSegments,
  classAt,
  foldCode,
  isSeparator,
  matchRest,
  unitKey,
  type Segment,
} from './text-units';
import type { Lang } from './types';

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

/**
 * Proposed mentions, before context rules: parallel lists (no object per candidate), of
 * which the first `count` items are this text's (the lists are reused from text to text).
 */
export interface Candidates {
  aliases: IndexedAlias[];
  starts: number[];
  ends: number[];
  count: number;
}

/** The aliases that start with one unit, parsed on the unit's first hit. */
type Group = IndexedAlias[];

/**
 * An open-addressing table of the lines "unit\taliases" by the hash of their unit (a
 * miss: one read). Start-up only hashes each line's unit: no object, no string per line.
 */
interface GroupTable {
  /** The hash of the unit in each slot (0: empty slot; a hash of 0 is stored as 1). */
  keys: Int32Array;
  /** The line in each slot. */
  rows: Int32Array;
  mask: number;
  lines: string[];
  /** Each line's aliases, once parsed. */
  groups: (Group | undefined)[];
  parse: (source: string) => IndexedAlias[];
}

/**
 * The group whose unit is the text's `[start, end)` (key `key`, see `unitKey`), or null.
 * Module-level so that the loop of `candidates` calls a plain function.
 */
function lookup(
  table: GroupTable,
  key: number,
  text: string,
  start: number,
  end: number,
): Group | null {
  const keys = table.keys;
  const mask = table.mask;
  const length = end - start;
  for (let slot = key & mask, k = keys[slot]!; k !== 0; slot = (slot + 1) & mask, k = keys[slot]!) {
    if (k !== key) continue;
    // Same hash: compare the unit itself (folded) to rule out a collision.
    const row = table.rows[slot]!;
    const line = table.lines[row]!;
    if (line.charCodeAt(length) !== 9) continue;
    let m = 0;
    for (; m < length; m++) {
      const c = text.charCodeAt(start + m);
      const f = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c);
      if (f !== line.charCodeAt(m)) break;
    }
    if (m < length) continue;
    return (table.groups[row] ??= table.parse(line.slice(length + 1)));
  }
  return null;
}

/** The table of groups written as lines "unit\taliases" (see `CompiledGlossary.aliases`). */
function groupTable(lines: string[], parse: GroupTable['parse']): GroupTable {
  let size = 16;
  while (size < lines.length * 4) size *= 2;
  const keys = new Int32Array(size);
  const rows = new Int32Array(size);
  const mask = size - 1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row]!;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const first = line.charCodeAt(0);
    const key = unitKey(first, tab > 1 ? line.charCodeAt(1) : 0, line.charCodeAt(tab - 1), tab);
    let slot = key & mask;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = key;
    rows[slot] = row;
  }
  return { keys, rows, mask, lines, groups: new Array(lines.length), parse };
}

/** Finds the candidates of a text (see the top of this file). */
export interface AliasIndex {
  /**
   * The leftmost-longest candidates of a (normalised) text, before context rules. The
   * lists are the index's own, refilled by the next call: read them before it.
   */
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
  const heads = groupTable(lines, parse);

  /** Whether the text's `[start, end)` is the alias exactly as written (case rules pass). */
  function asWritten(alias: string, text: string, start: number, end: number): boolean {
    if (end - start !== alias.length) return false;
    for (let k = 0; k < alias.length; k++) {
      if (text.charCodeAt(start + k) !== alias.charCodeAt(k)) return false;
    }
    return true;
  }

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
      const aliases = l === 0 ? head : plural;
      if (aliases === null) continue;
      const p = l === 0 ? unitEnd : unitEnd - 1;
      for (let k = 0; k < aliases.length; k++) {
        const alias = aliases[k]!;
        if (lang !== null && alias.lang !== null && alias.lang !== lang) continue;
        if (l === 1 && !alias.plural) continue;
        const segments = (alias.segments ??= aliasSegments(alias.text));
        if (l === 1 && segments.length > 1) continue;
        const end = matchRest(text, p, segments, alias.plural);
        if (end < 0 || end > maxEnd || end <= bestEnd) continue;
        if (alias.rule !== CASE_ANY && !asWritten(alias.text, text, start, end)) {
          if (!caseOk(alias, text.slice(start, end))) continue;
        }
        bestEnd = end;
        chosen = alias;
      }
    }
    return bestEnd;
  }

  /** Where the best candidate at a word start ends, or -1 (its alias in `chosen`). */
  function bestAt(text: string, start: number, lang: Lang | null): number {
    const cls = classAt(text, start);
    const first = foldCode(text.charCodeAt(start));
    let second = 0;
    let previous = 0;
    let last = first;
    let i = start + 1;
    for (; i < text.length && classAt(text, i) === cls; i++) {
      previous = last;
      last = foldCode(text.charCodeAt(i));
      if (i === start + 1) second = last;
    }
    const length = i - start;
    const plural =
      last === 115 && length > 1
        ? lookup(
            heads,
            unitKey(first, length > 2 ? second : 0, previous, length - 1),
            text,
            start,
            i - 1,
          )
        : null;
    const h = unitKey(first, second, last, length);
    return bestOf(text, start, i, lookup(heads, h, text, start, i), plural, lang, text.length);
  }

  /** Whether a digit follows `end`, maybe after one separator: "AWS Trainium| 2". */
  function digitNext(text: string, end: number): boolean {
    if (classAt(text, end) === DIGIT) return true;
    return (
      end < text.length && isSeparator(text.charCodeAt(end)) && classAt(text, end + 1) === DIGIT
    );
  }

  /** A word start in (start, end) where a candidate reaching beyond `end` begins, or -1. */
  function laterLongerStart(text: string, start: number, end: number, lang: Lang | null): number {
    for (let at = start + 1; at < end; at++) {
      if (!isSeparator(text.charCodeAt(at - 1)) || classAt(text, at) === OTHER) continue;
      if (bestAt(text, at, lang) > end) return at;
    }
    return -1;
  }

  // One set of lists for every call, never shortened: a page scans thousands of blocks,
  // most with a few candidates, and new lists for each were ~8% of a long page's allocation.
  const found: Candidates = { aliases: [], starts: [], ends: [], count: 0 };

  function candidates(text: string, lang: Lang | null): Candidates {
    // Hoisted: most words miss, and a miss is one read of `keys`.
    const keys = heads.keys;
    const mask = heads.mask;
    found.count = 0;
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
      const first = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c);
      let second = 0;
      let previous = 0;
      let folded = first;
      for (;;) {
        if (++i >= n) break;
        c = text.charCodeAt(i);
        if (c < 128) {
          if (
            cls === LETTER ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) : c < 48 || c > 57
          ) {
            break;
          }
        } else if (classAt(text, i) !== cls) break;
        previous = folded;
        folded = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c);
        if (i === start + 1) second = folded;
      }
      const length = i - start;
      const key = unitKey(first, second, folded, length);
      const head = keys[key & mask] === 0 ? null : lookup(heads, key, text, start, i);
      let plural: Group | null = null;
      if (folded === 115 && length >= 2) {
        const shorter = unitKey(first, length > 2 ? second : 0, previous, length - 1);
        if (keys[shorter & mask] !== 0) plural = lookup(heads, shorter, text, start, i - 1);
      }
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
            const k = found.count++;
            found.aliases[k] = alias;
            found.starts[k] = start;
            found.ends[k] = end;
          }
          i = next;
          continue;
        }
      }
      // The rest of the word (a unit of the other class: "x86", "Trainium2").
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57))) break;
        } else if (classAt(text, i) === OTHER) break;
        i++;
      }
    }
    return found;
  }

  return { candidates };
}
