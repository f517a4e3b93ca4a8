/**
 * Checks that unknown JSON is a well-formed `Glossary` (the shape of
 * `data/glossary.schema.json`) and that it keeps the cross-entry rules a schema cannot
 * express. Every problem is reported at once, so one run of `npm run glossary:check`
 * lists everything an editor has to fix. Pure TypeScript: the build, the scripts, the
 * tests and the extension share it.
 */
import {
  CONFIDENCES,
  KINDS,
  LANGS,
  RELATION_TYPES,
  type Glossary,
  type Kind,
  type Lang,
} from './types';

/** One thing wrong with the glossary. */
export interface Problem {
  /** The entry's id, `#<index>` when it has no usable id, or `$` for the file itself. */
  entry: string;
  /** Where in the entry (or file), e.g. `facts[1].source`. */
  path: string;
  message: string;
}

export interface ValidationResult {
  /** The input, typed, when there is no problem. */
  glossary?: Glossary;
  problems: Problem[];
}

/** `Problem.entry` for problems with the file itself rather than one entry. */
export const ROOT_ENTRY = '$';

/** Maximum lengths in characters (Unicode code points, as JSON Schema counts them). */
export const LIMITS = {
  id: 60,
  name: 80,
  summary: 400,
  dependency: 500,
  sovereignty: 500,
  fact: 300,
  note: 300,
  alias: 60,
  contextCue: 60,
} as const;

/** Kinds whose cards need dated evidence, with the minimum number of facts. */
export const MIN_FACTS: Readonly<Partial<Record<Kind, number>>> = {
  chip: 2,
  software: 2,
  policy: 2,
  project: 2,
};

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const JURISDICTION_PATTERN = /^(?:[A-Z]{2}|EU|INT)$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const GLOSSARY_KEYS = ['$schema', 'version', 'entries'];
const ENTRY_KEYS = [
  'id',
  'kind',
  'name',
  'summary',
  'dependency',
  'sovereignty',
  'textSources',
  'jurisdiction',
  'aliases',
  'facts',
  'relations',
  'website',
  'reviewed',
];
const ALIAS_KEYS = ['text', 'lang', 'case', 'plural', 'model', 'context'];
const CASE_RULES = ['exact', 'name', 'any'];
const FACT_KEYS = ['date', 'en', 'fr', 'source', 'confidence', 'accessed', 'figures'];
const FIGURE_KEYS = ['value', 'unit', 'subject'];
const FACT_REF = /^facts\[(\d+)\]$/;
const RELATION_KEYS = ['type', 'target', 'note'];
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

/** One line per problem: `glossary: <entry> <path>: <message>`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) =>
      p.path
        ? `glossary: ${p.entry} ${p.path}: ${p.message}`
        : `glossary: ${p.entry}: ${p.message}`,
    )
    .join('\n');
}

type Json = Record<string, unknown>;

interface Located extends Problem {
  /** Entry index (-1 for the file) so problems can be grouped by entry. */
  order: number;
}

interface AliasOccurrence {
  entry: string;
  order: number;
  path: string;
  text: string;
  hasContext: boolean;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function length(text: string): number {
  return [...text].length;
}

/** A value for a message: strings quoted and shortened, anything else as JSON. */
function quote(value: unknown): string {
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
function parseIsoDate(value: string): number | string {
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

function httpsProblem(value: unknown): string | undefined {
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

/**
 * Validates glossary data (parsed JSON). Returns the typed glossary only when there is
 * no problem; `problems` lists every problem found, grouped by entry in file order.
 */
export function validateGlossary(data: unknown): ValidationResult {
  const problems: Located[] = [];
  const add = (order: number, entry: string, path: string, message: string): void => {
    problems.push({ order, entry, path, message });
  };

  if (!isRecord(data)) {
    add(-1, ROOT_ENTRY, '', 'the glossary must be an object with "version" and "entries"');
    return { problems: strip(problems) };
  }
  for (const key of Object.keys(data)) {
    if (!GLOSSARY_KEYS.includes(key)) add(-1, ROOT_ENTRY, key, 'unknown property');
  }
  if ('$schema' in data && typeof data.$schema !== 'string') {
    add(-1, ROOT_ENTRY, '$schema', 'must be a string');
  }
  if (!('version' in data)) add(-1, ROOT_ENTRY, 'version', 'is missing');
  else if (!Number.isInteger(data.version) || (data.version as number) < 1) {
    add(-1, ROOT_ENTRY, 'version', `must be a positive integer (got ${quote(data.version)})`);
  }
  if (!Array.isArray(data.entries)) {
    add(-1, ROOT_ENTRY, 'entries', 'must be an array of entries');
    return { problems: strip(problems) };
  }
  const entries: unknown[] = data.entries;

  // Ids first: labels for the problems, relation targets and duplicates.
  const labels = entries.map((raw, index) =>
    isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : `#${index}`,
  );
  const indexesById = new Map<string, number[]>();
  entries.forEach((raw, index) => {
    if (isRecord(raw) && typeof raw.id === 'string') {
      indexesById.set(raw.id, [...(indexesById.get(raw.id) ?? []), index]);
    }
  });
  const aliases: Map<string, AliasOccurrence[]> = new Map();

  entries.forEach((raw, index) => {
    const entry = labels[index] ?? `#${index}`;
    const report = (path: string, message: string): void => add(index, entry, path, message);
    if (!isRecord(raw)) {
      report('', 'must be an object');
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!ENTRY_KEYS.includes(key)) report(key, 'unknown property');
    }

    // id
    if (!('id' in raw)) report('id', 'is missing');
    else if (typeof raw.id !== 'string') report('id', 'must be a string');
    else {
      if (!ID_PATTERN.test(raw.id)) report('id', `must be kebab-case (got ${quote(raw.id)})`);
      else if (raw.id.length > LIMITS.id) report('id', `is longer than ${LIMITS.id} characters`);
      const same = indexesById.get(raw.id) ?? [];
      if (same.length > 1 && same[0] !== index) {
        report('id', `duplicate id: entries ${same.map((i) => `#${i}`).join(', ')} share it`);
      }
    }

    // kind
    const kind = raw.kind;
    if (!('kind' in raw)) report('kind', 'is missing');
    else if (!(KINDS as readonly unknown[]).includes(kind)) {
      report('kind', `must be one of ${KINDS.join(', ')} (got ${quote(kind)})`);
    }

    // texts
    checkLocalized(raw, 'name', LIMITS.name, report);
    checkLocalized(raw, 'summary', LIMITS.summary, report);
    checkLocalized(raw, 'dependency', LIMITS.dependency, report);
    checkLocalized(raw, 'sovereignty', LIMITS.sovereignty, report);
    checkTextSources(raw, report);

    // jurisdiction
    if (!('jurisdiction' in raw)) report('jurisdiction', 'is missing');
    else if (!Array.isArray(raw.jurisdiction)) report('jurisdiction', 'must be an array of codes');
    else {
      if (raw.jurisdiction.length === 0) report('jurisdiction', 'must list at least one code');
      const seen = new Set<unknown>();
      raw.jurisdiction.forEach((code: unknown, i: number) => {
        const path = `jurisdiction[${i}]`;
        if (typeof code !== 'string' || !JURISDICTION_PATTERN.test(code)) {
          report(path, `must be an ISO 3166 alpha-2 code, "EU" or "INT" (got ${quote(code)})`);
        } else if (seen.has(code)) report(path, `duplicate code ${quote(code)}`);
        seen.add(code);
      });
    }

    // reviewed
    let reviewed: number | undefined;
    if (!('reviewed' in raw)) report('reviewed', 'is missing');
    else if (typeof raw.reviewed !== 'string' || !DAY_PATTERN.test(raw.reviewed)) {
      report('reviewed', `must be an ISO day YYYY-MM-DD (got ${quote(raw.reviewed)})`);
    } else {
      const parsed = parseIsoDate(raw.reviewed);
      if (typeof parsed === 'string') report('reviewed', parsed);
      else reviewed = parsed;
    }

    // website
    if ('website' in raw) {
      const problem = httpsProblem(raw.website);
      if (problem) report('website', problem);
    }

    // aliases
    if (!('aliases' in raw)) report('aliases', 'is missing');
    else if (!Array.isArray(raw.aliases)) report('aliases', 'must be an array');
    else {
      if (raw.aliases.length === 0) report('aliases', 'must list at least one surface form');
      raw.aliases.forEach((alias: unknown, i: number) => {
        const occurrences = checkAlias(alias, `aliases[${i}]`, report);
        for (const occurrence of occurrences) {
          const list = aliases.get(occurrence.key) ?? [];
          list.push({ ...occurrence, entry, order: index });
          aliases.set(occurrence.key, list);
        }
      });
    }

    // facts
    if (!('facts' in raw)) report('facts', 'is missing');
    else if (!Array.isArray(raw.facts)) report('facts', 'must be an array');
    else {
      raw.facts.forEach((fact: unknown, i: number) =>
        checkFact(fact, `facts[${i}]`, reviewed, raw.reviewed, report, indexesById),
      );
      const min = typeof kind === 'string' ? MIN_FACTS[kind as Kind] : undefined;
      if (min !== undefined && raw.facts.length < min) {
        report('facts', `a ${kind} entry needs at least ${min} facts (has ${raw.facts.length})`);
      }
    }

    // relations
    if (!('relations' in raw)) report('relations', 'is missing');
    else if (!Array.isArray(raw.relations)) report('relations', 'must be an array');
    else {
      const seen = new Map<string, number>();
      raw.relations.forEach((relation: unknown, i: number) => {
        const path = `relations[${i}]`;
        if (!isRecord(relation)) {
          report(path, 'must be an object with "type" and "target"');
          return;
        }
        for (const key of Object.keys(relation)) {
          if (!RELATION_KEYS.includes(key)) report(`${path}.${key}`, 'unknown property');
        }
        const { type, target } = relation;
        if (!('type' in relation)) report(`${path}.type`, 'is missing');
        else if (!(RELATION_TYPES as readonly unknown[]).includes(type)) {
          report(
            `${path}.type`,
            `must be one of ${RELATION_TYPES.join(', ')} (got ${quote(type)})`,
          );
        }
        if (!('target' in relation)) report(`${path}.target`, 'is missing');
        else if (typeof target !== 'string') report(`${path}.target`, 'must be an entry id');
        else if (target === raw.id) report(`${path}.target`, 'an entry cannot relate to itself');
        else if (!indexesById.has(target)) {
          report(`${path}.target`, `no entry has the id ${quote(target)}`);
        }
        if ('note' in relation) checkLocalized(relation, 'note', LIMITS.note, report, `${path}.`);
        if (typeof type === 'string' && typeof target === 'string') {
          const key = `${type} ${target}`;
          const first = seen.get(key);
          if (first !== undefined) {
            report(path, `duplicate relation ${type} -> ${target} (same as relations[${first}])`);
          } else seen.set(key, i);
        }
      });
    }
  });

  checkAliasCollisions(aliases, add);

  const sorted = strip(problems);
  if (sorted.length > 0) return { problems: sorted };
  return { glossary: data as unknown as Glossary, problems: [] };
}

/** Groups problems by entry (file problems first), keeping the order within an entry. */
function strip(problems: Located[]): Problem[] {
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => a.problem.order - b.problem.order || a.i - b.i)
    .map(({ problem: { entry, path, message } }) => ({ entry, path, message }));
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

function checkLocalized(parent: Json, key: string, max: number, report: Report, prefix = ''): void {
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
function checkAlias(alias: unknown, path: string, report: Report): AliasForm[] {
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
  if ('case' in alias && !CASE_RULES.includes(alias.case as string)) {
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

function checkFact(
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
function checkTextSources(raw: Json, report: Report): void {
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
function checkAliasCollisions(
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
