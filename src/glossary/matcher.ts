/**
 * The glossary matcher at run time: finds mentions of glossary entries in plain text,
 * from the compact table that `compilePattern` (compile.ts) builds at build time.
 *
 * Design (issue 14): no RegExp. The text is read once, word by word; each word's first
 * unit (its run of letters or of digits) is folded (lower case, accents removed) and
 * hashed on the fly, and looked up in a table of the aliases' first units. Only on a hit
 * are the aliases starting with that unit compared with the text, unit by unit, through
 * the glue between units (separators, apostrophes, punctuation); then their case,
 * language and context rules decide. Sorted, non-overlapping, leftmost-longest mentions;
 * offsets always index the caller's text. Start-up builds one Map from the table; the
 * figures are printed by bench/node-matcher.ts and `npm run bench`.
 */
import {
  CASE_ANY,
  CASE_EXACT,
  CASE_NAME,
  createAliasIndex,
  type Candidates,
  type IndexedAlias,
} from './alias-index';
import {
  compileCueScanner,
  compileCues,
  foldCue,
  hasComplexCue,
  hasCue,
  normalisedOrNull,
  type CueHit,
  type CueSet,
  type NormalisedText,
} from './normalise';
import { KINDS, type Kind, type Lang } from './types';

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

/**
 * A glossary compiled for matching (`compilePattern`): compact, JSON-serialisable, built
 * at build time and shipped in the content script. Lists are strings, indices base 36.
 */
export interface CompiledGlossary {
  version: 3;
  /** Entry ids; everything else refers to entries by their index here. */
  ids: string[];
  /** One character per entry: the index of its kind in KINDS (base 36). */
  kinds: string;
  /**
   * The aliases grouped by their first unit, folded ("nvidia", "h" for "H100"): one group
   * a line, the unit then each alias after a tab: its entry's index (base 36, padded to
   * `indexWidth(ids.length)`), a flags character (FLAG_CHARS), for an ambiguous alias its
   * cue list's index (padded to `indexWidth` of the lists), and its text.
   */
  aliases: string;
  /**
   * Context cue words and phrases, "|" between them, each already folded and split into
   * words (`foldedWords`) joined by a space: "Data Center" is "data center", "H100" "h 100".
   */
  cueWords: string;
  /** Cue lists (";" between lists): indices into `cueWords`, "," between them. */
  cueLists: string;
  /** For each entry (";" between entries): the entries whose unambiguous mention is a cue. */
  related: string;
}

/** Characters of a base-36 index into a list of `count` items. */
export function indexWidth(count: number): number {
  let width = 1;
  for (let max = 36; max < count; max *= 36) width++;
  return width;
}

/** Flags of an alias, packed into one character of FLAG_CHARS: a case rule, and bits. */
export { CASE_ANY, CASE_EXACT, CASE_NAME };
export const FLAG_PLURAL = 4;
export const FLAG_EN = 8;
export const FLAG_FR = 16;
export const FLAG_CUES = 32;
export const FLAG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/';

/** Each entry's kind, by id, from a compiled glossary. */
export function compiledKinds(compiled: CompiledGlossary): Record<string, Kind> {
  const out: Record<string, Kind> = {};
  compiled.ids.forEach((id, i) => (out[id] = KINDS[parseInt(compiled.kinds.charAt(i), 36)]!));
  return out;
}

function primaryLang(lang: string | null | undefined): Lang | null {
  if (!lang) return null;
  if (lang === 'en' || lang === 'fr') return lang;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' ? primary : null;
}

const NONE = 0;
const HERE = 1;
const NEAR = 2;

/** The mentions of candidates, offsets into the input. */
function mentionsOf(found: Candidates, input: string, mapped: NormalisedText | null): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < found.count; k++) {
    const id = found.aliases[k]!.id;
    let start = found.starts[k]!;
    let end = found.ends[k]!;
    if (mapped !== null) [start, end] = mapped.toOriginal(start, end);
    out.push({ id, start, end, text: input.slice(start, end) });
  }
  return out;
}

/** Whether an entry related to `id` (its `related` set) is among the nearby ids. */
function relatedNearby(set: Set<string> | undefined, nearbyIds: string[], id: string): boolean {
  if (!set) return nearbyIds.includes(id);
  for (let k = 0; k < nearbyIds.length; k++) if (set.has(nearbyIds[k]!)) return true;
  return false;
}

/** Builds a matcher from a compiled glossary (see `compilePattern`). */
export function matcherFromCompiled(compiled: CompiledGlossary): Matcher {
  const ids = compiled.ids;
  const entryWidth = indexWidth(ids.length);
  const cueLists = compiled.cueLists === '' ? [] : compiled.cueLists.split(';');
  const cueWidth = indexWidth(cueLists.length);
  const index = createAliasIndex(compiled.aliases.split('\n'), (source) =>
    source.split('\t').map((item): IndexedAlias => {
      const flags = FLAG_CHARS.indexOf(item.charAt(entryWidth));
      const cues = flags & FLAG_CUES ? cueWidth : 0;
      const at = entryWidth + 1;
      return {
        id: ids[parseInt(item.slice(0, entryWidth), 36)]!,
        text: item.slice(at + cues),
        rule: flags & 3,
        plural: (flags & FLAG_PLURAL) !== 0,
        lang: flags & FLAG_EN ? 'en' : flags & FLAG_FR ? 'fr' : null,
        cueList: cues ? parseInt(item.slice(at, at + cues), 36) : -1,
      };
    }),
  );
  // Relations: each entry's set is read on its first use (a page names a few entries).
  const related = new Map<string, Set<string>>();
  let entryIndex: Map<string, number> | undefined;
  let relatedLists: string[] | undefined;
  function relatedTo(id: string): Set<string> | undefined {
    let set = related.get(id);
    if (set) return set;
    entryIndex ??= new Map(ids.map((entry, i) => [entry, i]));
    const i = entryIndex.get(id);
    if (i === undefined) return undefined;
    relatedLists ??= compiled.related.split(';');
    set = new Set<string>([id]);
    const list = relatedLists[i] ?? '';
    if (list !== '') for (const j of list.split(',')) set.add(ids[parseInt(j, 36)]!);
    related.set(id, set);
    return set;
  }

  const cueWords = compiled.cueWords === '' ? [] : compiled.cueWords.split('|');
  // Each cue's words, split once (lists share most of their words; folded at build time).
  const cueParts = new Map<string, readonly string[]>();
  const partsOf = (cue: string): readonly string[] => {
    let parts = cueParts.get(cue);
    if (!parts) cueParts.set(cue, (parts = cue === '' ? [] : cue.split(' ')));
    return parts;
  };
  const cueSets = new Map<number, CueSet>();
  function cuesOf(listIndex: number): CueSet {
    let set = cueSets.get(listIndex);
    if (!set) {
      const list = cueLists[listIndex] ?? '';
      const words = list === '' ? [] : list.split(',').map((i) => cueWords[parseInt(i, 36)]!);
      cueSets.set(listIndex, (set = compileCues(words, partsOf)));
    }
    return set;
  }
  // One pass over a folded text finds the single-word cues of every ambiguous alias.
  let scanCues: ((folded: string) => CueHit[]) | undefined;
  const foldedCache = new Map<string, FoldedCues>();
  function foldedCues(text: string): FoldedCues {
    let entry = foldedCache.get(text);
    if (entry === undefined) {
      if (!scanCues) {
        // The single-word cues of every list: every cue word that folds to one word,
        // and every word of the cues of several words (see `hasCueIn`).
        const words = new Set<string>();
        for (let c = 0; c < cueWords.length; c++) {
          const parts = partsOf(cueWords[c]!);
          for (let k = 0; k < parts.length; k++) words.add(parts[k]!);
        }
        scanCues = compileCueScanner(words);
      }
      const fold = foldCue(text);
      const hits = scanCues(fold);
      const words = new Set<string>();
      for (let k = 0; k < hits.length; k++) words.add(hits[k]!.word);
      entry = { fold, hits, words };
      if (text.length <= 20_000) {
        if (foldedCache.size >= 2048) foldedCache.clear();
        foldedCache.set(text, entry);
      }
    }
    return entry;
  }

  function isRelated(id: string, otherId: string): boolean {
    return id === otherId || (relatedTo(otherId)?.has(id) ?? false);
  }

  function scan(input: string, options: FindOptions = {}): ScanResult {
    if (typeof input !== 'string' || input.length === 0) {
      return { mentions: [], pending: [], anchors: [] };
    }
    const mapped = normalisedOrNull(input);
    const text = mapped === null ? input : mapped.text;
    const found = index.candidates(text, primaryLang(options.lang));
    const aliases = found.aliases;
    const count = found.count;
    const all = mentionsOf(found, input, mapped);
    let ambiguous = false;
    // Indexed loops here and in the index: a page's first scan runs mostly before V8 has
    // optimised it, when `for...of` allocates an iterator result per element.
    for (let k = 0; k < count; k++) if (aliases[k]!.cueList >= 0) ambiguous = true;
    if (!ambiguous) {
      const anchors: string[] = [];
      for (let k = 0; k < count; k++) {
        const id = aliases[k]!.id;
        if (!anchors.includes(id)) anchors.push(id);
      }
      return { mentions: all, pending: [], anchors };
    }
    // Ambiguous aliases count with a cue here or nearby, or a related entry's mention.
    // (Small arrays rather than Sets: a block holds a few mentions.)
    const mentions: Mention[] = [];
    const pending: Mention[] = [];
    const hereCues = foldedCues(text);
    const lists: number[] = [];
    const cues: number[] = [];
    let context: string | undefined;
    const nearbyIds: string[] = [];
    if (options.contextIds) for (const id of options.contextIds) nearbyIds.push(id);
    const anchors: string[] = [];
    for (let k = 0; k < count; k++) {
      const alias = aliases[k]!;
      if (alias.cueList >= 0 || nearbyIds.includes(alias.id)) continue;
      nearbyIds.push(alias.id);
      anchors.push(alias.id);
    }
    // First the cues (an ambiguous name with a cue in this very text stands on its own
    // and vouches for related ones here too), then each mention's fate.
    const cueOf: number[] = [];
    for (let k = 0; k < count; k++) {
      const list = aliases[k]!.cueList;
      if (list < 0) {
        cueOf.push(HERE);
        continue;
      }
      const known = lists.indexOf(list);
      let cue = known >= 0 ? cues[known]! : -1; // HERE, NEAR or NONE
      if (cue < 0) {
        const set = cuesOf(list);
        if (hasCueIn(set, hereCues)) cue = HERE;
        else if (options.contextHasCue) cue = options.contextHasCue(set) ? NEAR : NONE;
        else {
          if (context === undefined) {
            const near = options.contextText;
            context = (typeof near === 'function' ? near() : near) ?? '';
          }
          cue = context !== '' && hasCue(set, foldCue(context)) ? NEAR : NONE;
        }
        lists.push(list);
        cues.push(cue);
      }
      cueOf.push(cue);
      const id = aliases[k]!.id;
      if (cue === HERE && !anchors.includes(id)) anchors.push(id);
      if (cue === HERE && !nearbyIds.includes(id)) nearbyIds.push(id);
    }
    for (let k = 0; k < count; k++) {
      const id = aliases[k]!.id;
      const accepted = cueOf[k] !== NONE || relatedNearby(relatedTo(id), nearbyIds, id);
      (accepted ? mentions : pending).push(all[k]!);
    }
    return { mentions, pending, anchors };
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
  const words = cues.words;
  for (let k = 0; k < words.length; k++) if (folded.words.has(words[k]!)) return true;
  // The scan found every cue word, those of cues of several words included, as runs.
  return cues.complex.length > 0 && hasComplexCue(cues, folded.fold, folded.hits);
}
