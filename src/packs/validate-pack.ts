/**
 * Validation of a glossary pack file (pack-format.ts): the pack's own fields, then its
 * entries by the glossary's validator and truth rules, as the bundled glossary is held to
 * them. Every problem is reported at once; a pack is accepted whole or refused.
 */
import { checkTruth } from '../glossary/truth-rules';
import type { Entry, Glossary } from '../glossary/types';
import { ID_PATTERN, LIMITS, ROOT_ENTRY, type Problem } from '../glossary/validate';
import { DAY_PATTERN, isRecord, parseIsoDate, quote } from '../glossary/validate-fields';
import { parseJsonText } from '../user-data/limits';
import { validateUserEntries } from '../user-data/validate-user-data';
import { PACK_FORMAT, PACK_KEYS, PACK_LIMITS, VERSION_PATTERN, type Pack } from './pack-format';

export interface PackOptions {
  /** The bundled glossary: relations may name its entries; its figures are compared. */
  bundled: Glossary;
  /** Today, YYYY-MM-DD. */
  today: string;
  /**
   * `import` (the reader installs a file): the truth rules judged against today are
   * warnings. `build` (`npm run pack`): they are errors, as in the glossary's build.
   */
  mode: 'import' | 'build';
}

export type PackResult =
  | { pack: Pack; warnings: Problem[]; problems?: undefined }
  | { problems: Problem[]; pack?: undefined; warnings?: undefined };

const FORMAT_PATTERN = /^sovereignty-lens-pack\/(\d+)$/;

/** Parses and validates the text of a pack file. */
export function parsePackFile(text: string, options: PackOptions): PackResult {
  const parsed = parseJsonText(text, PACK_LIMITS);
  if (parsed.problems) return { problems: parsed.problems };
  return validatePack(parsed.raw, options);
}

/** Validates a parsed pack file; the pack is returned only when nothing refuses it. */
export function validatePack(raw: unknown, options: PackOptions): PackResult {
  const today = parseIsoDate(options.today);
  if (typeof today === 'string' || !DAY_PATTERN.test(options.today)) {
    throw new Error(`today must be an ISO day YYYY-MM-DD (got ${quote(options.today)})`);
  }
  if (!isRecord(raw)) {
    return { problems: [rootProblem('', 'a pack must be an object with "format" and "entries"')] };
  }
  const formatProblem = checkFormat(raw);
  if (formatProblem) return { problems: [formatProblem] };

  const problems: Problem[] = [];
  const report = (path: string, message: string): void => {
    problems.push(rootProblem(path, message));
  };
  for (const key of Object.keys(raw)) {
    if (!(PACK_KEYS as readonly string[]).includes(key)) report(key, 'unknown property');
  }
  checkId(raw.id, 'id', report);
  const title = checkLabel(raw.title, 'title', report);
  const publisher = checkLabel(raw.publisher, 'publisher', report);
  checkVersion(raw.version, report);
  checkDate(raw.date, today, report);
  const entries = checkEntryList(raw.entries, report);
  const retired = checkRetired(raw.retired, entries ?? [], report);
  if (entries) problems.push(...entryProblems(entries, options.bundled));
  if (problems.length > 0) return { problems };

  const pack = { ...raw, title, publisher, retired } as Pack;
  const truth = truthProblems(pack, options);
  if (truth.errors.length > 0) return { problems: truth.errors };
  return { pack, warnings: truth.warnings };
}

function rootProblem(path: string, message: string): Problem {
  return { entry: ROOT_ENTRY, path, message };
}

/** A file that is not this format is refused on that alone: its other fields mean nothing. */
function checkFormat(raw: Record<string, unknown>): Problem | undefined {
  const { format } = raw;
  if (format === undefined && typeof raw.version === 'number' && Array.isArray(raw.entries)) {
    return rootProblem(
      '',
      'this file is an export of entries, not a pack: add its entries with "Import a JSON file" on the glossary page',
    );
  }
  if (format === PACK_FORMAT) return undefined;
  if (format === undefined) return rootProblem('format', `is missing (${quote(PACK_FORMAT)})`);
  const newer = typeof format === 'string' ? FORMAT_PATTERN.exec(format) : null;
  if (newer && Number(newer[1]) > 1) {
    return rootProblem(
      'format',
      `${quote(format)} is a newer pack format than this extension reads (${quote(PACK_FORMAT)}); update the extension`,
    );
  }
  return rootProblem('format', `must be ${quote(PACK_FORMAT)} (got ${quote(format)})`);
}

type Report = (path: string, message: string) => void;

function checkId(value: unknown, path: string, report: Report): void {
  if (value === undefined) report(path, 'is missing');
  else if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    report(path, `must be kebab-case like an entry id (got ${quote(value)})`);
  } else if (value.length > LIMITS.id) report(path, `is longer than ${LIMITS.id} characters`);
}

/** `title` and `publisher`: plain text on one line; returned trimmed. */
function checkLabel(value: unknown, path: string, report: Report): string {
  if (value === undefined) report(path, 'is missing');
  else if (typeof value !== 'string') report(path, 'must be a string');
  else {
    const text = value.trim();
    const length = [...text].length;
    if (text === '') report(path, 'is empty');
    else if (length > PACK_LIMITS.label) {
      report(path, `is ${length} characters long (max ${PACK_LIMITS.label})`);
    } else if (/\p{Cc}/u.test(text))
      report(path, 'must be one line of text, without control characters');
    return text;
  }
  return '';
}

function checkVersion(value: unknown, report: Report): void {
  if (value === undefined) report('version', 'is missing');
  else if (typeof value !== 'string' || !VERSION_PATTERN.test(value)) {
    report(
      'version',
      `must be MAJOR.MINOR.PATCH, such as "1.2.0", without leading zeros (got ${quote(value)})`,
    );
  }
}

/** A real day, at most one day after today (the publisher's time zone may be ahead). */
function checkDate(value: unknown, today: number, report: Report): void {
  if (value === undefined) report('date', 'is missing');
  else if (typeof value !== 'string' || !DAY_PATTERN.test(value)) {
    report('date', `must be an ISO day YYYY-MM-DD (got ${quote(value)})`);
  } else {
    const day = parseIsoDate(value);
    if (typeof day === 'string') report('date', day);
    else if (day > today + 1) report('date', `${value} is in the future`);
  }
}

function checkEntryList(value: unknown, report: Report): unknown[] | undefined {
  if (value === undefined) report('entries', 'is missing');
  else if (!Array.isArray(value)) report('entries', 'must be an array of entries');
  else if (value.length === 0) report('entries', 'must hold at least one entry');
  else if (value.length > PACK_LIMITS.entries) {
    report('entries', `holds ${value.length} entries (max ${PACK_LIMITS.entries})`);
  } else return value;
  return undefined;
}

function idOf(raw: unknown): string | undefined {
  return isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
}

function checkRetired(value: unknown, entries: unknown[], report: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report('retired', 'must be an array of entry ids');
    return [];
  }
  const current = new Set(entries.map(idOf));
  const seen = new Set<unknown>();
  value.forEach((id: unknown, i) => {
    const path = `retired[${i}]`;
    checkId(id, path, report);
    if (seen.has(id)) report(path, `duplicate id ${quote(id)}`);
    else if (current.has(id as string)) {
      report(path, `${quote(id)} is retired but still one of the pack's entries`);
    }
    seen.add(id);
  });
  return value as string[];
}

/**
 * The pack's entries checked by the glossary's validator the way the reader's own are
 * (validateUserEntries): relations and figures may name bundled entries. The bundled
 * entries are there as targets only, without the ids the pack redefines and without
 * aliases: an id or alias the pack shares with them is a conflict, settled when packs are
 * applied (apply-packs.ts), not a reason to refuse the file.
 */
function entryProblems(entries: unknown[], bundled: Glossary): Problem[] {
  const ids = new Set(entries.map(idOf));
  const targets = bundled.entries
    .filter((entry) => !ids.has(entry.id))
    .map((entry): Entry => ({ ...entry, aliases: [] }));
  return validateUserEntries(entries, { version: bundled.version, entries: targets });
}

/**
 * The truth rules on the pack's entries; the bundled entries (but those the pack
 * redefines) are there for the one rule that compares entries, the same figure everywhere.
 *
 * Which rules refuse a pack at import: those that say the same whatever the day (sources
 * and hosts, `accessed` present, `textSources`, French typography, figures). Those judged
 * against today (`dated`: a named future that has passed, `accessed` after today, an old
 * review or an undated future in an old fact) are warnings there: they appear with time
 * alone, or on a reader's clock behind the publisher's, and `npm run pack` already held
 * the pack to them on the day it was built; a pack must not break because it aged.
 */
function truthProblems(
  pack: Pack,
  { bundled, today, mode }: PackOptions,
): { errors: Problem[]; warnings: Problem[] } {
  const ids = new Set(pack.entries.map((entry) => entry.id));
  const others = bundled.entries.filter((entry) => !ids.has(entry.id));
  const { errors, warnings } = checkTruth(
    { version: bundled.version, entries: pack.entries },
    { today, others },
  );
  if (mode === 'build') return { errors, warnings };
  return {
    errors: errors.filter((problem) => !problem.dated),
    warnings: [...errors.filter((problem) => problem.dated), ...warnings],
  };
}
