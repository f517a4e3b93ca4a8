/**
 * The glossary compiler: turns entries into the compact table the run-time matcher
 * (matcher.ts) reads. Runs at build time for the bundled glossary (the Vite plugin of
 * scripts/vite-compiled-glossary.ts) and in the background for the reader's own entries.
 *
 * The alias rules it decides (README, "Alias rules"):
 * - case: `any` by default for a distinctive name (every word has 4+ letters and none is
 *   an English or French dictionary word; `isCommonWord` comes from Debian's word lists
 *   at build time), else `name` (or `exact` without lower-case letters). An alias with
 *   context cues (an ordinary word or another thing: Arm, Meta, Claude) never defaults to
 *   `any`; nor does one compiled without a word list (the reader's own entries).
 * - model numbers (letters and digits, no lower-case word: H100, MI300X, GB200, HBM3e)
 *   need a cue nearby: MODEL_CUES, or a related entry such as the maker ("Nvidia H200").
 * - cue words that are ambiguous aliases of another entry are dropped (they prove nothing
 *   alone) and the two entries become related instead.
 */
import {
  CASE_ANY,
  CASE_EXACT,
  CASE_NAME,
  FLAG_CHARS,
  FLAG_CUES,
  FLAG_EN,
  FLAG_FR,
  FLAG_PLURAL,
  indexWidth,
  matcherFromCompiled,
  type CompiledGlossary,
  type Matcher,
} from './matcher';
import { foldCue, foldedWords } from './normalise';
import { firstUnitOf } from './text-units';
import { stripAccents } from './case-rule';
import { KINDS, type CaseRule, type Entry, type Lang } from './types';

export type { CompiledGlossary } from './matcher';

/**
 * The cues that let a bare model number count (case and accents ignored, whole words),
 * besides the alias's own cues and mentions of related entries (its maker, its family).
 * A bare "H200" may be a form, a tax code, a road or a part number; next to one of these
 * words, or to "Nvidia", it is the chip.
 */
export const MODEL_CUES: readonly string[] = [
  // English
  'gpu',
  'gpus',
  'cpu',
  'cpus',
  'npu',
  'tpu',
  'chip',
  'chips',
  'superchip',
  'superchips',
  'accelerator',
  'accelerators',
  'processor',
  'processors',
  'cluster',
  'clusters',
  'server',
  'servers',
  'rack',
  'racks',
  'data center',
  'data centers',
  'datacenter',
  'datacenters',
  'supercomputer',
  'supercomputers',
  'memory',
  'hbm',
  'dram',
  'wafer',
  'inference',
  'training',
  'ai',
  'flops',
  'teraflops',
  'petaflops',
  'exaflops',
  'nvidia',
  'amd',
  'intel',
  'cuda',
  'rocm',
  'nvlink',
  'instinct',
  'hopper',
  'blackwell',
  'cerebras',
  // French
  'puce',
  'puces',
  'superpuce',
  'superpuces',
  'accelerateur',
  'accelerateurs',
  'processeur',
  'processeurs',
  'grappe',
  'serveur',
  'serveurs',
  'baie',
  'baies',
  'centre de donnees',
  'centres de donnees',
  'supercalculateur',
  'supercalculateurs',
  'memoire',
  'inference',
  'entrainement',
  'ia',
  'carte graphique',
  'cartes graphiques',
];

/** Options of `compilePattern` / `compileMatcher`. */
export interface CompileOptions {
  /**
   * Whether an unambiguous mention of a related entry (a relation in either direction, or
   * the same entry) counts as a context cue for an ambiguous alias. Default true.
   */
  relatedCues?: boolean;
  /**
   * Whether a word (lower case, accents removed) is an English or French dictionary word:
   * the test behind the `any` default (scripts/word-lists.ts at build time). Without it,
   * aliases without a `case` keep `name` or `exact`.
   */
  isCommonWord?: (word: string) => boolean;
}

/**
 * Whether an alias is a model number: letters and digits, no lower-case word ("H100",
 * "MI300X", "GB200 NVL72"; a lower-case letter right after digits is a suffix: "HBM3e").
 */
export function isModelNumber(text: string): boolean {
  if (!/\p{N}/u.test(text) || !/\p{L}/u.test(text)) return false;
  return !/\p{Ll}/u.test(text.replace(/(?<=\p{N})\p{Ll}(?!\p{L})/gu, ''));
}

/** Whether every word of an alias has 4+ letters and none is a dictionary word. */
export function isDistinctive(text: string, isCommonWord: (word: string) => boolean): boolean {
  const words = text
    .split(/[\s\-\u2010\u2011'\u2018\u2019\u02BC]+/u)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  return words.every((word) => {
    const letters = stripAccents(word)
      .toLowerCase()
      .replace(/[^\p{L}]/gu, '');
    return letters.length >= 4 && !isCommonWord(letters);
  });
}

/**
 * The case rule of an alias without one: `any` for a distinctive name that is neither
 * ambiguous (context cues) nor a model number, when a word list is given; else `name`
 * with lower-case letters, `exact` without.
 */
export function defaultCaseRule(
  text: string,
  options: { ambiguous?: boolean; model?: boolean; isCommonWord?: (word: string) => boolean } = {},
): CaseRule {
  const base: CaseRule = /\p{Ll}/u.test(text) ? 'name' : 'exact';
  const model = options.model ?? isModelNumber(text);
  if (options.ambiguous || !options.isCommonWord || model) return base;
  return isDistinctive(text, options.isCommonWord) ? 'any' : base;
}

/**
 * The entries with every alias's case rule written out (`defaultCaseRule` where absent),
 * so that a compiler without the word list (the background, merging the reader's own
 * entries) applies the same rules to the bundled entries as the build did.
 */
export function resolveAliasCases(
  entries: Entry[],
  isCommonWord: (word: string) => boolean,
): Entry[] {
  return entries.map((entry) => ({
    ...entry,
    aliases: entry.aliases.map((alias) =>
      alias.case
        ? alias
        : {
            ...alias,
            case: defaultCaseRule(alias.text.normalize('NFC').trim(), {
              ambiguous: (alias.context?.length ?? 0) > 0,
              model: alias.model,
              isCommonWord,
            }),
          },
    ),
  }));
}

/** One alias as the compiler decided it (also for tests and the glossary report). */
export interface AliasRule {
  id: string;
  text: string;
  case: CaseRule;
  plural: boolean;
  lang?: Lang;
  /** A model number: MODEL_CUES were added to its cues. */
  model: boolean;
  /** Cue words and phrases, folded; absent for an unambiguous alias. */
  context?: string[];
}

/** Every alias of the entries with its rules decided (case, model number, cues). */
export function aliasRules(entries: Entry[], options: CompileOptions = {}): AliasRule[] {
  const rules: AliasRule[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const text = alias.text.normalize('NFC').trim().replace(/\s+/gu, ' ');
      if (foldedWords(text).length === 0) continue;
      const model = alias.model ?? isModelNumber(text);
      const own = alias.context ?? [];
      const rule: AliasRule = {
        id: entry.id,
        text,
        case:
          alias.case ??
          defaultCaseRule(text, {
            ambiguous: own.length > 0,
            model,
            isCommonWord: options.isCommonWord,
          }),
        plural: alias.plural === true,
        model,
      };
      if (alias.lang) rule.lang = alias.lang;
      const cues = [
        ...new Set(
          [...own, ...(model ? MODEL_CUES : [])].map((c) =>
            foldCue(c).replace(/[|;,]/g, ' ').trim(),
          ),
        ),
      ].filter((c) => c !== '');
      if (cues.length > 0) rule.context = cues;
      rules.push(rule);
    }
  }
  return rules;
}

/**
 * Compiles the glossary's aliases into the matcher's table (see `CompiledGlossary`),
 * e.g. at build time; `matcherFromCompiled` turns it into a matcher.
 */
export function compilePattern(entries: Entry[], options: CompileOptions = {}): CompiledGlossary {
  const rules = aliasRules(entries, options);
  const index = new Map(entries.map((entry, i) => [entry.id, i]));
  const relatedSets = entries.map(() => new Set<number>());
  const relate = (a: string, b: string): void => {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined && i !== j) relatedSets[i]!.add(j);
  };
  const relatedCues = options.relatedCues !== false;
  if (relatedCues) {
    for (const entry of entries) {
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
  for (const rule of rules) {
    if (!rule.context) continue;
    const word = foldedWords(rule.text).join(' ');
    let ids = ambiguousWords.get(word);
    if (!ids) ambiguousWords.set(word, (ids = new Set()));
    ids.add(rule.id);
  }
  for (const rule of rules) {
    if (!rule.context) continue;
    rule.context = rule.context.filter((cue) => {
      const owners = ambiguousWords.get(foldedWords(cue).join(' '));
      if (!owners || owners.has(rule.id)) return true;
      if (relatedCues) for (const owner of owners) relate(rule.id, owner);
      return false;
    });
  }

  const cueWords: string[] = [];
  const cueWordIndex = new Map<string, number>();
  const cueLists: string[] = [];
  const cueListIndex = new Map<string, number>();
  const listOf = new Map<AliasRule, number>();
  for (const rule of rules) {
    if (!rule.context) continue;
    const list = rule.context
      .map((cue) => {
        // Folded and split here, at build time: the page's matcher only splits at spaces
        // (folding 600 cue words with Unicode RegExps took ~14 ms in a page).
        const folded = foldedWords(cue).join(' ');
        let i = cueWordIndex.get(folded);
        if (i === undefined) {
          cueWordIndex.set(folded, (i = cueWords.length));
          cueWords.push(folded);
        }
        return i;
      })
      .sort((a, b) => a - b)
      .map((i) => i.toString(36))
      .join(',');
    let listIndex = cueListIndex.get(list);
    if (listIndex === undefined) {
      cueListIndex.set(list, (listIndex = cueLists.length));
      cueLists.push(list);
    }
    listOf.set(rule, listIndex);
  }
  const entryWidth = indexWidth(entries.length);
  const cueWidth = indexWidth(cueLists.length);
  const groups = new Map<string, string[]>();
  for (const rule of rules) {
    const unit = firstUnitOf(rule.text);
    if (unit === '') continue; // an alias must start with a letter or a digit
    const list = listOf.get(rule);
    const flags =
      (rule.case === 'any' ? CASE_ANY : rule.case === 'exact' ? CASE_EXACT : CASE_NAME) |
      (rule.plural ? FLAG_PLURAL : 0) |
      (rule.lang === 'en' ? FLAG_EN : rule.lang === 'fr' ? FLAG_FR : 0) |
      (list === undefined ? 0 : FLAG_CUES);
    const item =
      index.get(rule.id)!.toString(36).padStart(entryWidth, '0') +
      FLAG_CHARS.charAt(flags) +
      (list === undefined ? '' : list.toString(36).padStart(cueWidth, '0')) +
      rule.text;
    const group = groups.get(unit);
    if (group) group.push(item);
    else groups.set(unit, [item]);
  }
  return {
    version: 3,
    ids: entries.map((entry) => entry.id),
    kinds: entries.map((entry) => Math.max(0, KINDS.indexOf(entry.kind)).toString(36)).join(''),
    aliases: [...groups].map(([unit, items]) => `${unit}\t${items.join('\t')}`).join('\n'),
    cueWords: cueWords.join('|'),
    cueLists: cueLists.join(';'),
    related: relatedSets
      .map((set) =>
        [...set]
          .sort((a, b) => a - b)
          .map((i) => i.toString(36))
          .join(','),
      )
      .join(';'),
  };
}

/** Compiles a glossary's entries into a matcher (compilePattern + matcherFromCompiled). */
export function compileMatcher(entries: Entry[], options: CompileOptions = {}): Matcher {
  return matcherFromCompiled(compilePattern(entries, options));
}
