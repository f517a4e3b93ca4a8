/**
 * Checks that unknown JSON is a well-formed `Glossary` (the shape of
 * `entry-shape.ts`, from which `data/glossary.schema.json` is written) and that it keeps the cross-entry rules a schema cannot
 * express. Every problem is reported at once, so one run of `npm run glossary:check`
 * lists everything an editor has to fix. Pure TypeScript: the build, the scripts, the
 * tests and the extension share it.
 */
import { knownKeys, SHAPES } from './entry-shape';
import { KIND_TABLE } from './kinds';
import { KINDS, RELATION_TYPES, type Glossary, type Kind } from './types';
import {
  LIMITS,
  DAY_PATTERN,
  isRecord,
  quote,
  parseIsoDate,
  httpsProblem,
  checkLocalized,
  checkAlias,
  checkFact,
  checkTextSources,
  checkAliasCollisions,
  type Problem,
  type Located,
  type AliasOccurrence,
} from './validate-fields';

export { LIMITS, aliasCollisionKey, type Problem } from './validate-fields';

export interface ValidationResult {
  /** The input, typed, when there is no problem. */
  glossary?: Glossary;
  problems: Problem[];
}

/** `Problem.entry` for problems with the file itself rather than one entry. */
export const ROOT_ENTRY = '$';

/** Kinds whose cards need dated evidence, with the minimum number of facts (kinds.ts). */
export const MIN_FACTS: Readonly<Partial<Record<Kind, number>>> = Object.fromEntries(
  KINDS.flatMap((kind) => {
    const min = KIND_TABLE[kind].minFacts;
    return min === undefined ? [] : [[kind, min]];
  }),
);

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const JURISDICTION_PATTERN = /^(?:[A-Z]{2}|EU|INT)$/;
const GLOSSARY_KEYS = knownKeys(SHAPES.glossary);
const ENTRY_KEYS = knownKeys(SHAPES.entry);
const RELATION_KEYS = knownKeys(SHAPES.relation);

/** One line per problem: `glossary: <entry> <path>: <message>` (`prefix` for another tool). */
export function formatProblems(problems: readonly Problem[], prefix = 'glossary'): string {
  return problems
    .map((p) =>
      p.path
        ? `${prefix}: ${p.entry} ${p.path}: ${p.message}`
        : `${prefix}: ${p.entry}: ${p.message}`,
    )
    .join('\n');
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
