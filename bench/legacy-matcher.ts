/**
 * THE MATCHER BEFORE ISSUE 14, kept for the benchmark only (bench/matcher.ts prints it as
 * "before"; bench/run.ts builds the floor's and mark.js's RegExp from its pattern). Not
 * used by the extension. Original header:
 *
 * The glossary matcher: finds mentions of glossary entries in plain text.
 *
 * Every alias is compiled once into ONE trie-factored RegExp (common prefixes shared,
 * each accepted casing a branch, Unicode word boundaries). A match only proposes a span;
 * the alias table then decides which alias it is (by its separator-free, lower-case key)
 * and applies the alias's case, plural, language and context rules. Sorted,
 * non-overlapping, leftmost-longest mentions; offsets always index the caller's text.
 *
 * Pattern vs automaton, measured with bench/matcher.ts on this project's 2-core machine,
 * the real glossary (85 entries, 319 aliases) and articles of 1 and 5 MB generated from
 * the fixture articles' paragraphs (~14,700 mentions per MB), findMentions per block,
 * best of several runs (the machine was shared, so +-20%), in ms per MB:
 *
 *                                          Chromium 156   Node 20
 *   pattern, left boundary checked in JS        28-29       37-41   (regex alone: 12.2)
 *   pattern, lookbehind left boundary           30-33       46-48   (regex alone: 15.8)
 *   JS trie automaton (walks the trie from
 *   every word start; no case/context rules)    51          62-68
 *
 * So: one case-sensitive trie-factored pattern (case variants of `name` aliases are
 * separate branches; a case-insensitive pattern compiled twice as slowly and proposed
 * many candidates the case rules rejected), with the left boundary checked in JS: the
 * lookbehind that the DESIGN prototype found faster lost in Chromium 156 here too.
 * Compile: compilePattern 2.7-3.5 ms (Chromium), so it can run at build time;
 * pre-built pattern -> first findMentions, cold: 5.9 ms in Chromium (mostly V8 compiling
 * the 7 KB RegExp), ~10 ms in Node. Beyond the RegExp, the time goes to context cues
 * (indexOf on the folded block, ~4 ms/MB) and per-mention bookkeeping.
 */
import type { Alias, CaseRule, Entry, Kind, Lang } from '../src/glossary/types';
import {
  foldedWords,
  compileCues,
  compileCueScanner,
  foldCue,
  hasComplexCue,
  hasCue,
  wordRuns,
  type CueHit,
  type CueSet,
  normaliseText,
} from '../src/glossary/normalise';

// Helpers of src/glossary/normalise.ts that only this matcher used (moved here).
/** Regex source of one separator character: any space (NBSP, narrow NBSP ...) or a hyphen. */
export const SEPARATOR_CHAR = '[\\s\\-\\u2010\\u2011]';
/** Regex source of one apostrophe, straight or curly. */
export const APOSTROPHE_CHAR = "['\\u2019\\u2018\\u02BC]";
/**
 * Scripts written without spaces between words (Chinese, Japanese) or with particles glued
 * to the word before (Korean): a Latin name flush against them still stands alone
 * ("半導体ではNvidiaと", "Nvidia는"), so their characters are not word characters here.
 */
const UNSPACED_SCRIPTS = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}';
/**
 * Regex source of one word character: a letter, digit or mark of any script but those of
 * UNSPACED_SCRIPTS.
 */
export const WORD_CHAR = `(?:(?![${UNSPACED_SCRIPTS}])[\\p{L}\\p{N}\\p{M}])`;

const SEPARATORS = /[\s\-\u2010\u2011]+/gu;
const APOSTROPHES = /[\u2019\u2018\u02BC]/g;
const WORD_CHAR_RE = new RegExp(WORD_CHAR, 'u');
const HAS_SEPARATOR = /[\s\-\u2010\u2011\u2019\u2018\u02BC]/;

/**
 * The lookup key of an alias or of a matched surface form: NFC, lower case, without
 * separators (spaces, hyphens), apostrophes made straight. "Trainium 2", "Trainium-2"
 * and "TRAINIUM2" share the key "trainium2".
 */
export function aliasKey(text: string): string {
  return stripSeparators(text.normalize('NFC')).toLowerCase();
}

/** Removes spaces and hyphens and straightens apostrophes, keeping the letter case. */
export function stripSeparators(text: string): string {
  if (!HAS_SEPARATOR.test(text)) return text;
  return text.replace(SEPARATORS, '').replace(APOSTROPHES, "'");
}

/** Whether a character is a word character (see WORD_CHAR). */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined || char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR_RE.test(char);
}

/**
 * A `CueSet` from its serialised form, its pattern compiled on first use (compiling the
 * Unicode classes of every ambiguous alias's pattern cost several ms at start-up).
 */
export function lazyCueSet(set: {
  words: string[];
  digits: boolean[];
  complex: (readonly string[])[];
}): CueSet {
  return { words: set.words, digits: set.digits, complex: set.complex };
}

/** One mention of a glossary entry in a text. Offsets index the text given to the matcher. */
export interface Mention {
  /** The entry's id. */
  id: string;
  start: number;
  end: number;
  /** The text between `start` and `end`, as written. */
  text: string;
}

/** Options of one `findMentions` call. */
export interface FindOptions {
  /**
   * The language of the text ("fr", "fr-FR", "en"). Aliases restricted to another
   * language are ignored; an unknown or absent language accepts every alias.
   */
  lang?: string | null;
  /**
   * Neighbouring text (e.g. the blocks around this one, ~40 words each side) in which
   * the context cues of ambiguous aliases are also looked for; or a function returning
   * it, called only when an ambiguous alias finds no cue in the text itself.
   */
  contextText?: string | (() => string);
  /** Ids of entries mentioned nearby; a related entry counts as a context cue. */
  contextIds?: Iterable<string>;
  /**
   * Instead of `contextText`: whether the neighbouring text holds one of these cues (see
   * `Matcher.foldedCues`); lets a caller that scans many blocks fold each block once.
   */
  contextHasCue?: (cues: CueSet) => boolean;
}

/** A text folded for cue comparison, with the single-word cues found in it. */
export interface FoldedCues {
  fold: string;
  hits: CueHit[];
  /** The words of `hits`. */
  words: Set<string>;
}

/** The result of `scan`: accepted mentions, and ambiguous ones still lacking a cue. */
export interface ScanResult {
  mentions: Mention[];
  /**
   * Mentions of ambiguous aliases for which no cue was found; a caller that knows more
   * context (e.g. mentions in neighbouring blocks) may still accept them.
   */
  pending: Mention[];
  /**
   * Ids whose mention here stands on its own: an unambiguous alias, or an ambiguous one
   * with a cue in this very text. Only these count as related-entry cues for the
   * pending mentions of neighbouring blocks, so that weak guesses never vouch for each
   * other.
   */
  anchors: string[];
}

/** A compiled glossary matcher. */
export interface Matcher {
  /**
   * Finds the mentions in one block of text: sorted, non-overlapping, with offsets into
   * `text` as given (not the normalised text). Never throws on any string.
   */
  findMentions(text: string, options?: FindOptions): Mention[];
  /** Like `findMentions`, but also returns the ambiguous mentions that lacked a cue. */
  scan(text: string, options?: FindOptions): ScanResult;
  /** Whether a mention of `id` counts as a cue for an ambiguous mention of `otherId`. */
  isRelated(id: string, otherId: string): boolean;
  /**
   * A text folded for cue comparison and the single-word cues of every ambiguous alias
   * found in it (cached for recent texts). Optional for other implementations.
   */
  foldedCues?(text: string): FoldedCues;
}

/** One alias in the compiled, serialisable table. */
export interface CompiledAlias {
  id: string;
  text: string;
  case: CaseRule;
  plural?: boolean;
  lang?: Lang;
  context?: string[];
  /** `context` compiled for `hasCue` (see `compileCues`), so start-up need not do it. */
  cueSet?: SerialisedCueSet;
  /** The alias's lookup key (`aliasKey`) and its text without separators, precomputed. */
  key?: string;
  plain?: string;
}

/** A `CueSet` as JSON: the pattern as its source. */
export interface SerialisedCueSet {
  words: string[];
  digits: boolean[];
  complex: (readonly string[])[];
}

/**
 * A glossary compiled for matching; JSON-serialisable, so it can be generated at build
 * time and shipped with the extension.
 */
export interface CompiledGlossary {
  version: 1;
  /** The RegExp source (flags in `flags`). */
  source: string;
  flags: string;
  aliases: CompiledAlias[];
  /** For each entry id, the ids whose unambiguous mention counts as a cue for it. */
  related: Record<string, string[]>;
  /** Each entry's kind, so that a content script can mark by kind without the glossary. */
  kinds: Record<string, Kind>;
}

/** Options of `compilePattern`. */
export interface CompileOptions {
  /**
   * Whether an unambiguous mention of a related entry (a relation in either direction, or
   * the same entry) counts as a context cue for an ambiguous alias. Default true.
   */
  relatedCues?: boolean;
  /**
   * Left word boundary checked in JavaScript (default; measured faster in Chromium 156
   * and Node 20, see the top of this file) or as a RegExp lookbehind. For the benchmark.
   */
  leftBoundary?: 'lookbehind' | 'check';
}

const WORD_SEP = '\u0001';
const OPT_SEP = '\u0002';
const APOS = '\u0003';
const TOKEN_SOURCE: Record<string, string> = {
  [WORD_SEP]: `${SEPARATOR_CHAR}+`,
  [OPT_SEP]: `${SEPARATOR_CHAR}?`,
  [APOS]: APOSTROPHE_CHAR,
};
const FLAGS = 'gu';
/** Prefix of a token that matches one letter in either case (aliases with case `any`). */
const ANY_CASE = '\u0004';
const LOOKBEHIND = `(?<!${WORD_CHAR})`;
const LOOKAHEAD = `(?!${WORD_CHAR})`;
/** A digit right after a match, maybe after one separator: "AWS Trainium| 2". */
const DIGIT_NEXT = /^[\s\-\u2010\u2011]?\p{N}/u;

/** `DIGIT_NEXT` at `end`, without a slice for the common ASCII cases. */
function digitNext(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c >= 48 && c <= 57) return true;
  if (c === 32 || c === 45 || (c >= 9 && c <= 13)) {
    const d = text.charCodeAt(end + 1);
    if (d < 0x80 || Number.isNaN(d)) return d >= 48 && d <= 57;
  } else if (c < 0x80 || Number.isNaN(c)) return false;
  return DIGIT_NEXT.test(text.slice(end, end + 2));
}
const SEPARATOR_RE = new RegExp(SEPARATOR_CHAR, 'u');

/** The default case rule of an alias: `exact` without lower-case letters, else `name`. */
export function defaultCaseRule(text: string): CaseRule {
  return /\p{Ll}/u.test(text) ? 'name' : 'exact';
}

/**
 * Splits an alias into trie tokens: its characters (as written, or case-insensitive
 * letters with `anyCase`), a required separator between words, an optional one between
 * letters and digits ("Trainium 2" = "Trainium2" = "Trainium-2"), and an apostrophe class.
 */
export function aliasTokens(text: string, anyCase = false): string[] {
  const tokens: string[] = [];
  let pendingSep = false;
  let prev: 'letter' | 'digit' | 'other' | null = null;
  for (const char of text.normalize('NFC')) {
    if (/[\s\-\u2010\u2011]/u.test(char)) {
      pendingSep = true;
      continue;
    }
    if (/['\u2019\u2018\u02BC]/u.test(char)) {
      if (pendingSep && prev !== null) tokens.push(WORD_SEP);
      tokens.push(APOS);
      pendingSep = false;
      prev = 'other';
      continue;
    }
    const cls = /\p{N}/u.test(char) ? 'digit' : /\p{L}/u.test(char) ? 'letter' : 'other';
    if (prev !== null) {
      const transition =
        (prev === 'letter' && cls === 'digit') || (prev === 'digit' && cls === 'letter');
      if (transition) tokens.push(OPT_SEP);
      else if (pendingSep) tokens.push(WORD_SEP);
    }
    if (anyCase && char.toLowerCase() !== char.toUpperCase()) tokens.push(ANY_CASE + char);
    else tokens.push(char);
    pendingSep = false;
    prev = cls;
  }
  return tokens;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false };
}

function insert(root: TrieNode, tokens: string[]): void {
  let node = root;
  for (const token of tokens) {
    let child = node.children.get(token);
    if (!child) {
      child = newNode();
      node.children.set(token, child);
    }
    node = child;
  }
  node.terminal = true;
}

function escapeLiteral(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function escapeInClass(char: string): string {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char;
}

function tokenSource(token: string): string {
  if (token.startsWith(ANY_CASE)) {
    const char = token.slice(ANY_CASE.length);
    const variants = new Set(
      [char, char.toLowerCase(), char.toUpperCase()].filter((c) => [...c].length === 1),
    );
    return `[${[...variants].map(escapeInClass).join('')}]`;
  }
  return TOKEN_SOURCE[token] ?? escapeLiteral(token);
}

/** Turns a trie into a RegExp source; greedy optional groups make longer aliases win. */
function trieSource(node: TrieNode): string {
  const leafChars: string[] = [];
  const alternatives: string[] = [];
  for (const [token, child] of node.children) {
    if (child.children.size === 0 && !(token in TOKEN_SOURCE) && !token.startsWith(ANY_CASE)) {
      leafChars.push(token);
    } else alternatives.push(tokenSource(token) + trieSource(child));
  }
  if (leafChars.length === 1) alternatives.push(escapeLiteral(leafChars[0]!));
  else if (leafChars.length > 1) alternatives.push(`[${leafChars.map(escapeInClass).join('')}]`);
  if (alternatives.length === 0) return '';
  const single = alternatives.length === 1 && isAtom(alternatives[0]!);
  if (node.terminal) return single ? `${alternatives[0]}?` : `(?:${alternatives.join('|')})?`;
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

function isAtom(source: string): boolean {
  return /^(?:\\?.|\[[^\]]*\])$/u.test(source);
}

/**
 * The token sequences of an alias's accepted surface forms: as written; for `name` also
 * in capitals and capitalised; for `any` with case-insensitive letters; plus plurals.
 * The pattern is case-sensitive: a case-insensitive RegExp took twice as long to compile
 * (7.8 vs 3.6 ms cold in Node) and proposed many candidates the case rules then rejected.
 */
function surfaceVariants(alias: CompiledAlias): string[][] {
  const { text } = alias;
  const variants: [string, boolean][] =
    alias.case === 'any'
      ? [[text, true]]
      : alias.case === 'exact'
        ? [[text, false]]
        : [
            ...new Set([text, text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1)]),
          ].map((t): [string, boolean] => [t, false]);
  const out: string[][] = [];
  for (const [variant, anyCase] of variants) {
    const tokens = aliasTokens(variant, anyCase);
    out.push(tokens);
    if (alias.plural) {
      const upper = variant === text.toUpperCase() && variant !== text;
      out.push([...tokens, anyCase ? `${ANY_CASE}s` : upper ? 'S' : 's']);
    }
  }
  return out;
}

function patternSource(aliases: CompiledAlias[], leftBoundary: 'lookbehind' | 'check'): string {
  const root = newNode();
  for (const alias of aliases) for (const tokens of surfaceVariants(alias)) insert(root, tokens);
  const body = trieSource(root) || '(?!)';
  return `${leftBoundary === 'lookbehind' ? LOOKBEHIND : ''}(?:${body})${LOOKAHEAD}`;
}

function compileAlias(id: string, alias: Alias): CompiledAlias | null {
  const text = alias.text.normalize('NFC').trim();
  if (aliasKey(text) === '') return null;
  const compiled: CompiledAlias = { id, text, case: alias.case ?? defaultCaseRule(text) };
  if (alias.plural) compiled.plural = true;
  if (alias.lang) compiled.lang = alias.lang;
  if (alias.context && alias.context.length > 0) compiled.context = [...alias.context];
  return compiled;
}

/**
 * Compiles the glossary's aliases into a serialisable pattern and alias table, e.g. at
 * build time; `matcherFromCompiled` turns it into a matcher.
 */
export function compilePattern(entries: Entry[], options: CompileOptions = {}): CompiledGlossary {
  const aliases: CompiledAlias[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const compiled = compileAlias(entry.id, alias);
      if (compiled) aliases.push(compiled);
    }
  }
  const relatedSets = new Map<string, Set<string>>();
  const relate = (a: string, b: string): void => {
    let set = relatedSets.get(a);
    if (!set) relatedSets.set(a, (set = new Set()));
    set.add(b);
  };
  if (options.relatedCues !== false) {
    for (const entry of entries) {
      relate(entry.id, entry.id);
      for (const relation of entry.relations ?? []) {
        relate(entry.id, relation.target);
        relate(relation.target, entry.id);
      }
    }
  }
  // A cue word that is itself an ambiguous alias of another entry ("jupiter" for Rhea,
  // "amazon" for Rainier) proves nothing on its own: Saturn's moon Rhea next to the
  // planet Jupiter. Drop it; a mention of that entry then counts through `related` when
  // it stands on its own.
  const ambiguousWords = new Map<string, Set<string>>();
  for (const alias of aliases) {
    if (!alias.context) continue;
    const word = foldedWords(alias.text).join(' ');
    let ids = ambiguousWords.get(word);
    if (!ids) ambiguousWords.set(word, (ids = new Set()));
    ids.add(alias.id);
  }
  for (const alias of aliases) {
    if (!alias.context) continue;
    alias.context = alias.context.filter((cue) => {
      const owners = ambiguousWords.get(foldedWords(cue).join(' '));
      if (!owners || owners.has(alias.id)) return true;
      if (options.relatedCues !== false) for (const owner of owners) relate(alias.id, owner);
      return false;
    });
  }
  for (const alias of aliases) {
    alias.key = aliasKey(alias.text);
    alias.plain = stripSeparators(alias.text);
    if (!alias.context) continue;
    const cues = compileCues(alias.context);
    alias.cueSet = { words: cues.words, digits: cues.digits, complex: cues.complex };
  }
  const related: Record<string, string[]> = {};
  for (const [id, set] of relatedSets) related[id] = [...set].sort();
  return {
    version: 1,
    source: patternSource(aliases, options.leftBoundary ?? 'check'),
    flags: FLAGS,
    aliases,
    related,
    kinds: Object.fromEntries(entries.map((entry) => [entry.id, entry.kind])),
  };
}

interface AliasInfo extends CompiledAlias {
  key: string;
  /** The alias without separators, as written, in capitals and capitalised. */
  plain: string;
  upper: string;
  capital: string;
  /** The alias's context cues, compiled on first use. */
  cues?: CueSet;
  sticky?: RegExp;
}

interface Candidate {
  alias: AliasInfo;
  start: number;
  end: number;
}

function primaryLang(lang: string | null | undefined): Lang | null {
  if (!lang) return null;
  // Blocks mostly carry "en" or "fr" as is.
  if (lang === 'en' || lang === 'fr') return lang;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' ? primary : null;
}

function prepareAlias(alias: CompiledAlias): AliasInfo {
  const plain = alias.plain ?? stripSeparators(alias.text);
  const info: AliasInfo = {
    ...alias,
    key: alias.key ?? aliasKey(alias.text),
    plain,
    upper: plain.toUpperCase(),
    capital: plain.charAt(0).toUpperCase() + plain.slice(1),
  };
  return info;
}

function caseMatches(alias: AliasInfo, surface: string): boolean {
  switch (alias.case) {
    case 'any':
      return true;
    case 'exact':
      return surface === alias.plain;
    default:
      return surface === alias.plain || surface === alias.upper || surface === alias.capital;
  }
}

/**
 * Builds a matcher from a compiled glossary (see `compilePattern`). Cheap: one
 * `new RegExp` and a key table.
 */
export function matcherFromCompiled(compiled: CompiledGlossary): Matcher {
  const pattern = new RegExp(compiled.source, compiled.flags);
  const checkLeft = !compiled.source.startsWith(LOOKBEHIND);
  const aliases = compiled.aliases.map(prepareAlias);
  const byKey = new Map<string, AliasInfo[]>();
  for (const alias of aliases) {
    const list = byKey.get(alias.key);
    if (list) list.push(alias);
    else byKey.set(alias.key, [alias]);
  }
  const related = new Map<string, Set<string>>(
    Object.entries(compiled.related).map(([id, ids]) => [id, new Set(ids)]),
  );

  /** The first alias accepting `surface` (separators stripped) with key `key`. */
  function resolve(surface: string, lang: Lang | null): AliasInfo | null {
    const key = surface.toLowerCase();
    for (const alias of byKey.get(key) ?? []) {
      if (lang && alias.lang && alias.lang !== lang) continue;
      if (caseMatches(alias, surface)) return alias;
    }
    const last = surface.charAt(surface.length - 1);
    if (last === 's' || last === 'S') {
      const singular = surface.slice(0, -1);
      for (const alias of byKey.get(key.slice(0, -1)) ?? []) {
        if (!alias.plural || (lang && alias.lang && alias.lang !== lang)) continue;
        if (last === 'S' && singular !== alias.upper) continue;
        if (caseMatches(alias, singular)) return alias;
      }
    }
    return null;
  }

  /** A shorter alias matching at `start` when the longest candidate was rejected. */
  function fallback(
    text: string,
    start: number,
    key: string,
    lang: Lang | null,
    longest = key.length - 1,
  ): Candidate | null {
    for (let length = longest; length > 0; length--) {
      const list = byKey.get(key.slice(0, length));
      if (!list) continue;
      for (const alias of list) {
        alias.sticky ??= new RegExp(
          `(?:${trieSource(trieOf(surfaceVariants(alias)))})${LOOKAHEAD}`,
          'yu',
        );
        alias.sticky.lastIndex = start;
        const match = alias.sticky.exec(text);
        if (!match) continue;
        const found = resolve(stripSeparators(match[0]), lang);
        if (found) return { alias: found, start, end: start + match[0].length };
      }
    }
    return null;
  }

  // Surfaces repeat ("Nvidia" 50 times an article): remember each one's resolution, per
  // language. Bounded so that a page of random words cannot grow it without limit.
  const resolvedByLang = {
    any: new Map<string, AliasInfo | null>(),
    en: new Map<string, AliasInfo | null>(),
    fr: new Map<string, AliasInfo | null>(),
  };
  function resolveMatch(match: string, lang: Lang | null): AliasInfo | null {
    const resolved = resolvedByLang[lang ?? 'any'];
    let alias = resolved.get(match);
    if (alias === undefined) {
      alias = resolve(stripSeparators(match), lang);
      if (resolved.size > 5000) resolved.clear();
      resolved.set(match, alias);
    }
    return alias;
  }

  // Needed only for "AWS Trainium 2"-like text: compiled on first use (parsing the
  // pattern costs several ms at start-up).
  let stickyPattern: RegExp | undefined;
  /** A word start inside [start, end) where a mention reaching beyond `end` begins, or -1. */
  function laterLongerStart(text: string, start: number, end: number, lang: Lang | null): number {
    for (let at = start + 1; at < end; at++) {
      if (!SEPARATOR_RE.test(text.charAt(at - 1)) || !isWordChar(text.charAt(at))) continue;
      stickyPattern ??= new RegExp(compiled.source.replace(LOOKBEHIND, ''), 'yu');
      stickyPattern.lastIndex = at;
      const match = stickyPattern.exec(text);
      if (match && at + match[0].length > end && resolveMatch(match[0], lang)) return at;
    }
    return -1;
  }

  function cuesOf(alias: AliasInfo): CueSet {
    if (alias.cues) return alias.cues;
    const set = alias.cueSet;
    alias.cues = set ? lazyCueSet(set) : compileCues(alias.context ?? []);
    return alias.cues;
  }
  // One pass over a folded text finds the single-word cues of every ambiguous alias.
  let scanCues: ((folded: string) => CueHit[]) | undefined;
  const foldedCache = new Map<string, FoldedCues>();
  function foldedCues(text: string): FoldedCues {
    let entry = foldedCache.get(text);
    if (entry === undefined) {
      if (!scanCues) {
        const words = new Set<string>();
        for (const alias of aliases)
          if (alias.context) for (const w of cuesOf(alias).words) words.add(w);
        scanCues = compileCueScanner(words);
      }
      const fold = foldCue(text);
      const hits = scanCues(fold);
      entry = { fold, hits, words: new Set(hits.map((hit) => hit.word)) };
      if (text.length <= 20_000) {
        if (foldedCache.size >= 2048) foldedCache.clear();
        foldedCache.set(text, entry);
      }
    }
    return entry;
  }

  function isRelated(id: string, otherId: string): boolean {
    return id === otherId || (related.get(otherId)?.has(id) ?? false);
  }

  function scan(input: string, options: FindOptions = {}): ScanResult {
    if (typeof input !== 'string' || input.length === 0) {
      return { mentions: [], pending: [], anchors: [] };
    }
    const lang = primaryLang(options.lang);
    const normalised = normaliseText(input);
    const text = normalised.text;
    const found: Candidate[] = [];
    let hasAmbiguous = false;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const start = match.index;
      if (checkLeft && start > 0 && isWordChar(charBefore(text, start))) {
        pattern.lastIndex = start + 1;
        continue;
      }
      const alias = resolveMatch(match[0], lang);
      if (alias && digitNext(text, start + match[0].length)) {
        // "AWS Trainium 2": the match "AWS Trainium" would leave the "2" behind while a
        // later word of it starts a longer mention ("Trainium 2"); keep the head only.
        const split = laterLongerStart(text, start, start + match[0].length, lang);
        if (split > 0) {
          const headKey = stripSeparators(text.slice(start, split)).toLowerCase();
          const head = fallback(text, start, headKey, lang, headKey.length);
          if (head && head.end <= split) {
            if (head.alias.context) hasAmbiguous = true;
            found.push(head);
          }
          pattern.lastIndex = split;
          continue;
        }
      }
      const candidate = alias
        ? { alias, start, end: start + match[0].length }
        : fallback(text, start, stripSeparators(match[0]).toLowerCase(), lang);
      if (!candidate) {
        pattern.lastIndex = start + 1;
        continue;
      }
      if (candidate.alias.context) hasAmbiguous = true;
      found.push(candidate);
      pattern.lastIndex = candidate.end;
    }

    const mentions: Mention[] = [];
    const pending: Mention[] = [];
    if (found.length === 0) return { mentions, pending, anchors: [] };
    const toMention = (c: Candidate): Mention => {
      if (text === input) {
        return { id: c.alias.id, start: c.start, end: c.end, text: input.slice(c.start, c.end) };
      }
      const [start, end] = normalised.toOriginal(c.start, c.end);
      return { id: c.alias.id, start, end, text: input.slice(start, end) };
    };
    if (!hasAmbiguous) {
      const all = found.map(toMention);
      const anchors: string[] = [];
      for (const m of all) if (!anchors.includes(m.id)) anchors.push(m.id);
      return { mentions: all, pending, anchors };
    }

    const cueFound = new Map<AliasInfo, 'here' | 'near' | false>();
    let context: string | undefined;
    const contextText = (): string => {
      if (context === undefined) {
        const given = options.contextText;
        context = (typeof given === 'function' ? given() : given) ?? '';
      }
      return context;
    };
    const hereCues = foldedCues(text);
    const cueNearby = (alias: AliasInfo): 'here' | 'near' | false => {
      let found = cueFound.get(alias);
      if (found === undefined) {
        const cues = cuesOf(alias);
        if (hasCueIn(cues, hereCues)) found = 'here';
        else if (options.contextHasCue) found = options.contextHasCue(cues) ? 'near' : false;
        else {
          const context = contextText();
          found = context !== '' && hasCue(cues, foldCue(context)) ? 'near' : false;
        }
        cueFound.set(alias, found);
      }
      return found;
    };
    const nearbyIds = new Set<string>(options.contextIds ?? []);
    for (const c of found) if (!c.alias.context) nearbyIds.add(c.alias.id);
    const relatedNearby = (id: string): boolean => {
      const set = related.get(id);
      if (!set) return nearbyIds.has(id);
      for (const other of nearbyIds) if (set.has(other)) return true;
      return false;
    };
    const anchors = new Set(nearbyIds);
    for (const id of options.contextIds ?? []) anchors.delete(id);
    for (const c of found) {
      if (!c.alias.context) {
        mentions.push(toMention(c));
        continue;
      }
      const cue = cueNearby(c.alias);
      if (cue === 'here') anchors.add(c.alias.id);
      (cue || relatedNearby(c.alias.id) ? mentions : pending).push(toMention(c));
    }
    return { mentions, pending, anchors: [...anchors] };
  }

  return {
    scan,
    findMentions: (text, options) => scan(text, options).mentions,
    isRelated,
    foldedCues,
  };
}

/** Whether a folded text (with its cue words) holds one of the cues. */
export function hasCueIn(cues: CueSet, folded: FoldedCues): boolean {
  for (const word of cues.words) if (folded.words.has(word)) return true;
  return cues.complex.length > 0 && hasComplexCue(cues, folded.fold, wordRuns(folded.fold));
}

function trieOf(variants: string[][]): TrieNode {
  const root = newNode();
  for (const tokens of variants) insert(root, tokens);
  return root;
}

function charBefore(text: string, index: number): string {
  const c = text.charCodeAt(index - 1);
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.charAt(index - 1);
}
