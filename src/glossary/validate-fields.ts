/**
 * The field-level checks of `validateGlossary` (validate.ts): texts, dates, https URLs,
 * aliases, facts and their figures, text sources, and alias collisions across entries.
 */
import { knownKeys, LIMITS, SHAPES } from './entry-shape';
import { CASE_RULES, CONFIDENCES, LANGS, type Lang } from './types';

/** One thing wrong with the glossary. */
export interface Problem {
  /** The entry's id, `#<index>` when it has no usable id, or `$` for the file itself. */
  entry: string;
  /** Where in the entry (or file), e.g. `facts[1].source`. */
  path: string;
  message: string;
}

export { LIMITS } from './entry-shape';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const ALIAS_KEYS = knownKeys(SHAPES.alias);
const FACT_KEYS = knownKeys(SHAPES.fact);
const FIGURE_KEYS = knownKeys(SHAPES.figure);
const FACT_REF = /^facts\[(\d+)\]$/;
const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'French' };

/**
 * The form two aliases are compared by to detect collisions: as the matcher compares
 * them, case and accents folded ("Rhéa" is "rhea"), spaces of every kind collapsed,
 * invisible characters dropped, apostrophes unified, and spaces or hyphens between a
 * letter and a digit removed, so that "Trainium 2", "Trainium-2" and "trainium2" are
 * one form.
 */
export function aliasCollisionKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/(\p{L})[ \-\u2010\u2011]+(?=\p{N})/gu, '$1')
    .replace(/(\p{N})[ \-\u2010\u2011]+(?=\p{L})/gu, '$1');
}

type Json = Record<string, unknown>;

export interface Located extends Problem {
  /** Entry index (-1 for the file) so problems can be grouped by entry. */
  order: number;
}

export interface AliasOccurrence {
  entry: string;
  order: number;
  path: string;
  text: string;
  hasContext: boolean;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function length(text: string): number {
  return [...text].length;
}

/** A value for a message: strings quoted and shortened, anything else as JSON. */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** Days since the epoch of a real calendar day, or undefined (2026-02-30 is not one). */
function dayNumber(year: number, month: number, day: number): number | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

/** The first day of an ISO date of any precision, or an error message. */
export function parseIsoDate(value: string): number | string {
  const match = DATE_PATTERN.exec(value);
  if (!match) return `must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD (got ${quote(value)})`;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12) return `has no month ${match[2]} (got ${quote(value)})`;
  const days = dayNumber(year, month, day);
  if (days === undefined) return `is not a calendar date (got ${quote(value)})`;
  return days;
}

export function httpsProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (/\s/.test(value)) return `must not contain spaces (got ${quote(value)})`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL (got ${quote(value)})`;
  }
  if (url.protocol !== 'https:') return `must be an https URL (got ${quote(value)})`;
  if (!url.hostname.includes('.')) return `has no valid host (got ${quote(value)})`;
  return undefined;
}

type Report = (path: string, message: string) => void;

/** A text that must be a non-blank string of bounded length. */
function checkText(value: unknown, path: string, max: number, report: Report): void {
  if (typeof value !== 'string') report(path, 'must be a string');
  else if (value.trim() === '') report(path, 'is empty');
  else if (length(value) > max) {
    report(path, `is ${length(value)} characters long (max ${max})`);
  }
}

export function checkLocalized(
  parent: Json,
  key: string,
  max: number,
  report: Report,
  prefix = '',
): void {
  const path = `${prefix}${key}`;
  if (!(key in parent)) {
    report(path, 'is missing');
    return;
  }
  const value = parent[key];
  if (!isRecord(value)) {
    report(path, 'must be an object with "en" and "fr"');
    return;
  }
  for (const lang of Object.keys(value)) {
    if (!(LANGS as readonly string[]).includes(lang)) report(`${path}.${lang}`, 'unknown language');
  }
  for (const lang of LANGS) {
    if (!(lang in value)) report(`${path}.${lang}`, `missing ${LANG_NAMES[lang]} text`);
    else checkText(value[lang], `${path}.${lang}`, max, report);
  }
}

interface AliasForm {
  key: string;
  path: string;
  text: string;
  hasContext: boolean;
}

/** Checks one alias; returns the surface forms it contributes (itself and its plural). */
export function checkAlias(alias: unknown, path: string, report: Report): AliasForm[] {
  if (!isRecord(alias)) {
    report(path, 'must be an object with "text"');
    return [];
  }
  for (const key of Object.keys(alias)) {
    if (!ALIAS_KEYS.includes(key)) report(`${path}.${key}`, 'unknown property');
  }
  if ('lang' in alias && !(LANGS as readonly unknown[]).includes(alias.lang)) {
    report(`${path}.lang`, `must be "en" or "fr" (got ${quote(alias.lang)})`);
  }
  if ('case' in alias && !(CASE_RULES as readonly unknown[]).includes(alias.case)) {
    report(`${path}.case`, `must be one of ${CASE_RULES.join(', ')} (got ${quote(alias.case)})`);
  }
  if ('plural' in alias && typeof alias.plural !== 'boolean') {
    report(`${path}.plural`, 'must be true or false');
  }
  if ('model' in alias && typeof alias.model !== 'boolean') {
    report(`${path}.model`, 'must be true or false');
  }
  let hasContext = false;
  if ('context' in alias) {
    const cues = alias.context;
    if (!Array.isArray(cues)) report(`${path}.context`, 'must be an array of cue words');
    else if (cues.length === 0) {
      report(`${path}.context`, 'must list at least one cue word (or be left out)');
    } else {
      const seen = new Set<string>();
      cues.forEach((cue: unknown, i: number) => {
        checkText(cue, `${path}.context[${i}]`, LIMITS.contextCue, report);
        if (typeof cue === 'string') {
          const folded = cue.trim().toLowerCase();
          if (seen.has(folded)) report(`${path}.context[${i}]`, `duplicate cue ${quote(cue)}`);
          seen.add(folded);
        }
      });
      hasContext = true;
    }
  }
  if (!('text' in alias)) {
    report(`${path}.text`, 'is missing');
    return [];
  }
  checkText(alias.text, `${path}.text`, LIMITS.alias, report);
  if (typeof alias.text !== 'string' || alias.text.trim() === '') return [];
  const key = aliasCollisionKey(alias.text);
  const forms: AliasForm[] = [{ key, path: `${path}.text`, text: alias.text, hasContext }];
  if (alias.plural === true) {
    forms.push({ key: `${key}s`, path: `${path}.plural`, text: `${alias.text}s`, hasContext });
  }
  return forms;
}

export function checkFact(
  fact: unknown,
  path: string,
  reviewed: number | undefined,
  reviewedText: unknown,
  report: Report,
  ids: ReadonlyMap<string, unknown>,
): void {
  if (!isRecord(fact)) {
    report(path, 'must be an object');
    return;
  }
  for (const key of Object.keys(fact)) {
    if (!FACT_KEYS.includes(key)) report(`${path}.${key}`, 'unknown property');
  }
  if (!('date' in fact)) report(`${path}.date`, 'is missing');
  else if (typeof fact.date !== 'string') report(`${path}.date`, 'must be a string');
  else {
    const day = parseIsoDate(fact.date);
    if (typeof day === 'string') report(`${path}.date`, day);
    else if (reviewed !== undefined && day > reviewed) {
      report(
        `${path}.date`,
        `${fact.date} is after the entry's reviewed date ${String(reviewedText)}`,
      );
    }
  }
  for (const lang of LANGS) {
    if (!(lang in fact)) report(`${path}.${lang}`, `missing ${LANG_NAMES[lang]} text`);
    else checkText(fact[lang], `${path}.${lang}`, LIMITS.fact, report);
  }
  if (!('source' in fact)) report(`${path}.source`, 'is missing');
  else {
    const problem = httpsProblem(fact.source);
    if (problem) report(`${path}.source`, problem);
  }
  if (!('confidence' in fact)) report(`${path}.confidence`, 'is missing');
  else if (!(CONFIDENCES as readonly unknown[]).includes(fact.confidence)) {
    report(
      `${path}.confidence`,
      `must be one of ${CONFIDENCES.join(', ')} (got ${quote(fact.confidence)})`,
    );
  }
  if (!('accessed' in fact)) {
    // Required by the truth rules for the bundled glossary, not for the reader's own entries.
  } else if (typeof fact.accessed !== 'string' || !DAY_PATTERN.test(fact.accessed)) {
    report(`${path}.accessed`, `must be an ISO day YYYY-MM-DD (got ${quote(fact.accessed)})`);
  } else {
    const accessed = parseIsoDate(fact.accessed);
    if (typeof accessed === 'string') report(`${path}.accessed`, accessed);
    else if (typeof fact.date === 'string') {
      const day = parseIsoDate(fact.date);
      if (typeof day === 'number' && day > accessed) {
        report(`${path}.accessed`, `${fact.accessed} is before the fact's date ${fact.date}`);
      }
    }
  }
  if ('figures' in fact) checkFigures(fact.figures, `${path}.figures`, report, ids);
}

function checkFigures(
  figures: unknown,
  path: string,
  report: Report,
  ids: ReadonlyMap<string, unknown>,
): void {
  if (!Array.isArray(figures)) {
    report(path, 'must be an array of {value, unit, subject}');
    return;
  }
  figures.forEach((figure: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isRecord(figure)) {
      report(at, 'must be an object with "value", "unit" and "subject"');
      return;
    }
    for (const key of Object.keys(figure)) {
      if (!FIGURE_KEYS.includes(key)) report(`${at}.${key}`, 'unknown property');
    }
    if (typeof figure.value !== 'number' || !Number.isFinite(figure.value)) {
      report(`${at}.value`, `must be a number (got ${quote(figure.value)})`);
    }
    checkText(figure.unit, `${at}.unit`, LIMITS.contextCue, report);
    if (typeof figure.subject !== 'string') report(`${at}.subject`, 'must be an entry id');
    else if (!ids.has(figure.subject)) {
      report(`${at}.subject`, `no entry has the id ${quote(figure.subject)}`);
    }
  });
}

/** `textSources`: a non-empty list of `facts[N]` references to existing facts or https URLs. */
export function checkTextSources(raw: Json, report: Report): void {
  if (!('textSources' in raw)) return;
  const sources = raw.textSources;
  if (!Array.isArray(sources) || sources.length === 0) {
    report('textSources', 'must be a non-empty array of facts[N] references or https URLs');
    return;
  }
  const factCount = Array.isArray(raw.facts) ? raw.facts.length : 0;
  sources.forEach((source: unknown, i: number) => {
    const path = `textSources[${i}]`;
    const ref = typeof source === 'string' ? FACT_REF.exec(source) : null;
    if (ref) {
      if (Number(ref[1]) >= factCount) report(path, `points at ${source}, which does not exist`);
      return;
    }
    const problem = httpsProblem(source);
    if (problem) report(path, `must be facts[N] or an https URL: ${problem}`);
  });
}

const MAX_NAMED_COLLISIONS = 3;

/**
 * One surface form in two places (two entries, or twice in one) is an accident unless
 * every occurrence carries context cues that tell the matcher which one is meant.
 * Reported on each occurrence that lacks cues.
 */
export function checkAliasCollisions(
  aliases: Map<string, AliasOccurrence[]>,
  add: (order: number, entry: string, path: string, message: string) => void,
): void {
  for (const [key, occurrences] of aliases) {
    if (occurrences.length < 2) continue;
    for (const occurrence of occurrences) {
      if (occurrence.hasContext) continue;
      // At most a few others named, so that a form shared by thousands stays linear.
      const named: string[] = [];
      for (const other of occurrences) {
        if (other === occurrence) continue;
        if (named.length === MAX_NAMED_COLLISIONS) break;
        const where = other.entry === occurrence.entry ? 'this entry' : other.entry;
        named.push(`${quote(other.text)} in ${where} ${other.path}`);
      }
      const rest = occurrences.length - 1 - named.length;
      const others = named.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
      add(
        occurrence.order,
        occurrence.entry,
        occurrence.path,
        `alias ${quote(occurrence.text)} collides with ${others} (same form ${quote(key)}); ` +
          'give every occurrence context cues, or keep the form in one place',
      );
    }
  }
}
