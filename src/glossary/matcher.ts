/**
 * The glossary matcher: finds mentions of glossary entries in plain text.
 *
 * Every alias is compiled once into ONE trie-factored RegExp (common prefixes shared,
 * case-insensitive, Unicode word boundaries as lookarounds). A match only proposes a
 * span; the alias table then decides which alias it is (by its separator-free,
 * lower-case key) and applies the alias's case, plural, language and context rules.
 *
 * Pattern vs automaton, measured with bench/node-matcher.ts (Node 20, V8 11.3, on this
 * project's 2-core machine, a 110-entry test glossary, 5 MB of generated article text;
 * numbers in ms per MB, lower is better):
 *   - trie-factored RegExp, lookbehind left boundary ........ ~13 ms/MB, compile ~3 ms
 *   - trie-factored RegExp, left boundary checked in JS ..... ~12 ms/MB
 *   - word-start trie automaton in JS (walks the trie from
 *     every word start, no RegExp) .......................... ~33 ms/MB, build ~1 ms
 * DESIGN.md's Chromium prototype saw the same order (16 ms/MB for the pattern, 31 ms
 * for an Aho-Corasick automaton) and found lookbehind faster than a JS check in
 * Chromium, so the matcher uses the pattern with lookbehind. The pattern source can be
 * generated at build time (`compilePattern`) and shipped, so the content script only
 * pays for `new RegExp` and the alias table.
 */
import type { Alias, CaseRule, Entry, Lang } from './types';
import {
  APOSTROPHE_CHAR,
  SEPARATOR_CHAR,
  WORD_CHAR,
  aliasKey,
  foldCue,
  foldedWords,
  isWordChar,
  normaliseText,
  stripSeparators,
} from './normalise';

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
   * the context cues of ambiguous aliases are also looked for.
   */
  contextText?: string;
  /** Ids of entries mentioned nearby; a related entry counts as a context cue. */
  contextIds?: Iterable<string>;
}

/** The result of `scan`: accepted mentions, and ambiguous ones still lacking a cue. */
export interface ScanResult {
  mentions: Mention[];
  /**
   * Mentions of ambiguous aliases for which no cue was found; a caller that knows more
   * context (e.g. mentions in neighbouring blocks) may still accept them.
   */
  pending: Mention[];
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
}

/** One alias in the compiled, serialisable table. */
export interface CompiledAlias {
  id: string;
  text: string;
  case: CaseRule;
  plural?: boolean;
  lang?: Lang;
  context?: string[];
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
}

/** Options of `compilePattern` / `compileMatcher`. */
export interface CompileOptions {
  /**
   * Whether an unambiguous mention of a related entry (a relation in either direction, or
   * the same entry) counts as a context cue for an ambiguous alias. Default true.
   */
  relatedCues?: boolean;
  /**
   * Left word boundary as a RegExp lookbehind (default, fastest in Chromium) or checked
   * in JavaScript. Exposed for the benchmark.
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
const FLAGS = 'giu';
const LOOKBEHIND = `(?<!${WORD_CHAR})`;
const LOOKAHEAD = `(?!${WORD_CHAR})`;

/** The default case rule of an alias: `exact` without lower-case letters, else `name`. */
export function defaultCaseRule(text: string): CaseRule {
  return /\p{Ll}/u.test(text) ? 'name' : 'exact';
}

/**
 * Splits an alias into trie tokens: lower-case characters, a required separator between
 * words, an optional one between letters and digits ("Trainium 2" = "Trainium2" =
 * "Trainium-2"), and an apostrophe class.
 */
export function aliasTokens(text: string): string[] {
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
    tokens.push(...char.toLowerCase());
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
  return /[\\\]\[^-]/.test(char) ? `\\${char}` : char;
}

function tokenSource(token: string): string {
  return TOKEN_SOURCE[token] ?? escapeLiteral(token);
}

/** Turns a trie into a RegExp source; greedy optional groups make longer aliases win. */
function trieSource(node: TrieNode): string {
  const leafChars: string[] = [];
  const alternatives: string[] = [];
  for (const [token, child] of node.children) {
    if (child.children.size === 0 && !(token in TOKEN_SOURCE)) leafChars.push(token);
    else alternatives.push(tokenSource(token) + trieSource(child));
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

function surfaceVariants(alias: CompiledAlias): string[][] {
  const tokens = aliasTokens(alias.text);
  return alias.plural ? [tokens, [...tokens, 's']] : [tokens];
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
  const related: Record<string, string[]> = {};
  for (const [id, set] of relatedSets) related[id] = [...set].sort();
  return {
    version: 1,
    source: patternSource(aliases, options.leftBoundary ?? 'lookbehind'),
    flags: FLAGS,
    aliases,
    related,
  };
}

/** Compiles a glossary's entries into a matcher (compilePattern + matcherFromCompiled). */
export function compileMatcher(entries: Entry[], options: CompileOptions = {}): Matcher {
  return matcherFromCompiled(compilePattern(entries, options));
}

interface AliasInfo extends CompiledAlias {
  key: string;
  /** The alias without separators, as written, in capitals and capitalised. */
  plain: string;
  upper: string;
  capital: string;
  /** Folded cue words: single words, and multi-word cues as " a b " strings. */
  cueWords?: Set<string>;
  cuePhrases?: string[];
  sticky?: RegExp;
}

interface Candidate {
  alias: AliasInfo;
  start: number;
  end: number;
}

function primaryLang(lang: string | null | undefined): Lang | null {
  if (!lang) return null;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' ? primary : null;
}

function prepareAlias(alias: CompiledAlias): AliasInfo {
  const plain = stripSeparators(alias.text);
  const info: AliasInfo = {
    ...alias,
    key: aliasKey(alias.text),
    plain,
    upper: plain.toUpperCase(),
    capital: plain.charAt(0).toUpperCase() + plain.slice(1),
  };
  if (alias.context) {
    info.cueWords = new Set();
    info.cuePhrases = [];
    for (const cue of alias.context) {
      const words = foldedWords(cue);
      if (words.length === 1) info.cueWords.add(words[0]!);
      else if (words.length > 1) info.cuePhrases.push(` ${words.join(' ')} `);
    }
  }
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
  function fallback(text: string, start: number, key: string, lang: Lang | null): Candidate | null {
    for (let length = key.length - 1; length > 0; length--) {
      const list = byKey.get(key.slice(0, length));
      if (!list) continue;
      for (const alias of list) {
        alias.sticky ??= new RegExp(
          `(?:${trieSource(trieOf(surfaceVariants(alias)))})${LOOKAHEAD}`,
          'yiu',
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

  function isRelated(id: string, otherId: string): boolean {
    return id === otherId || (related.get(otherId)?.has(id) ?? false);
  }

  function scan(input: string, options: FindOptions = {}): ScanResult {
    if (typeof input !== 'string' || input.length === 0) return { mentions: [], pending: [] };
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
      const surface = stripSeparators(match[0]);
      const alias = resolve(surface, lang);
      const candidate = alias
        ? { alias, start, end: start + match[0].length }
        : fallback(text, start, surface.toLowerCase(), lang);
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
    if (found.length === 0) return { mentions, pending };
    const toMention = (c: Candidate): Mention => {
      const [start, end] = normalised.toOriginal(c.start, c.end);
      return { id: c.alias.id, start, end, text: input.slice(start, end) };
    };
    if (!hasAmbiguous) return { mentions: found.map(toMention), pending };

    const cues = cueIndex(text, options.contextText);
    const nearbyIds = new Set<string>(options.contextIds ?? []);
    for (const c of found) if (!c.alias.context) nearbyIds.add(c.alias.id);
    const relatedNearby = (id: string): boolean => {
      const set = related.get(id);
      if (!set) return nearbyIds.has(id);
      for (const other of nearbyIds) if (set.has(other)) return true;
      return false;
    };
    for (const c of found) {
      const accepted =
        !c.alias.context || hasCue(c.alias, cues) || relatedNearby(c.alias.id);
      (accepted ? mentions : pending).push(toMention(c));
    }
    return { mentions, pending };
  }

  return {
    scan,
    findMentions: (text, options) => scan(text, options).mentions,
    isRelated,
  };
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

interface CueIndex {
  words: Set<string>;
  /** " w1 w2 ... " for multi-word cues. */
  joined: string;
}

function cueIndex(text: string, contextText: string | undefined): CueIndex {
  const words = foldedWords(contextText ? `${text}\n${contextText}` : text);
  return { words: new Set(words), joined: ` ${words.join(' ')} ` };
}

function hasCue(alias: AliasInfo, cues: CueIndex): boolean {
  for (const word of alias.cueWords ?? []) if (cues.words.has(word)) return true;
  for (const phrase of alias.cuePhrases ?? []) if (cues.joined.includes(phrase)) return true;
  return false;
}

/** Folds a cue word the way the matcher compares cues (lower case, accents removed). */
export const foldCueWord = foldCue;
