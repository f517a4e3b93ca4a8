/**
 * Validation of the reader's data, whole: an import file or the stored value is accepted
 * only when every entry passes the glossary's own validator (relations may point at
 * bundled entries), no entry reuses a bundled id, and every note and hidden id is an entry
 * id. Those ids need not name an entry the reader has now: a pack's entry, or one of a pack
 * since removed, whose note must not be lost. Pure: the same rules run in the page, the
 * tests and the store.
 */
import { ID_PATTERN, validateGlossary, ROOT_ENTRY, type Problem } from '../glossary/validate';
import type { Entry, Glossary } from '../glossary/types';
import { parseJsonText, userDataSizeProblems } from './limits';
import { NOTE_MAX, USER_DATA_VERSION, type UserData } from './types';

export type UserDataResult =
  { data: UserData; problems: [] } | { data?: undefined; problems: Problem[] };

/** The keys an export file may have: the glossary's own, plus the reader's notes and hidden ids. */
const FILE_KEYS = ['$schema', 'version', 'entries', 'notes', 'hidden'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks user entries against the bundled glossary: every schema rule, relation targets
 * among both sets, no bundled id reused, no alias taken from a bundled entry without
 * context cues on both sides.
 */
export function validateUserEntries(entries: unknown[], bundled: Glossary): Problem[] {
  const bundledIds = new Set(bundled.entries.map((e) => e.id));
  const userLabels = entries.map((raw, index) =>
    isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : `#${index}`,
  );
  const userLabelSet = new Set(userLabels);
  // User entries first, so their `#index` labels and duplicate messages count from 0.
  const { problems } = validateGlossary({
    version: 1,
    entries: [...entries, ...bundled.entries],
  });
  const out: Problem[] = [];
  userLabels.forEach((label, index) => {
    if (bundledIds.has(label)) {
      out.push({
        entry: label,
        path: 'id',
        message: `is the id of a bundled entry; choose another id (#${index})`,
      });
    }
  });
  for (const problem of problems) {
    if (!userLabelSet.has(problem.entry) || bundledIds.has(problem.entry)) continue;
    out.push(problem);
  }
  return out;
}

function checkNotes(notes: unknown, problems: Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (notes === undefined) return out;
  if (!isRecord(notes)) {
    problems.push({
      entry: ROOT_ENTRY,
      path: 'notes',
      message: 'must be an object of entry id -> text',
    });
    return out;
  }
  for (const [id, text] of Object.entries(notes)) {
    const path = `notes.${id}`;
    if (!ID_PATTERN.test(id))
      problems.push({ entry: id, path, message: `is not an entry id: ${JSON.stringify(id)}` });
    else if (typeof text !== 'string')
      problems.push({ entry: id, path, message: 'must be a string' });
    else if ([...text].length > NOTE_MAX) {
      problems.push({
        entry: id,
        path,
        message: `is ${[...text].length} characters long (max ${NOTE_MAX})`,
      });
    } else if (text.trim()) out[id] = text;
  }
  return out;
}

function checkHidden(hidden: unknown, problems: Problem[]): string[] {
  if (hidden === undefined) return [];
  if (!Array.isArray(hidden)) {
    problems.push({ entry: ROOT_ENTRY, path: 'hidden', message: 'must be an array of entry ids' });
    return [];
  }
  const out: string[] = [];
  hidden.forEach((id: unknown, i) => {
    const path = `hidden[${i}]`;
    if (typeof id !== 'string')
      problems.push({ entry: ROOT_ENTRY, path, message: 'must be an entry id' });
    else if (!ID_PATTERN.test(id))
      problems.push({ entry: id, path, message: `is not an entry id: ${JSON.stringify(id)}` });
    else if (!out.includes(id)) out.push(id);
  });
  return out;
}

/**
 * Validates parsed JSON in the export format: `{version, entries}` like the glossary,
 * optionally with `notes` and `hidden`. Returns the data only when there is no problem.
 */
export function validateUserData(raw: unknown, bundled: Glossary): UserDataResult {
  const problems: Problem[] = [];
  if (!isRecord(raw)) {
    return {
      problems: [
        { entry: ROOT_ENTRY, path: '', message: 'must be an object with "version" and "entries"' },
      ],
    };
  }
  for (const key of Object.keys(raw)) {
    if (!FILE_KEYS.includes(key))
      problems.push({ entry: ROOT_ENTRY, path: key, message: 'unknown property' });
  }
  if (!('version' in raw))
    problems.push({ entry: ROOT_ENTRY, path: 'version', message: 'is missing' });
  else if (!Number.isInteger(raw.version) || (raw.version as number) < 1) {
    problems.push({
      entry: ROOT_ENTRY,
      path: 'version',
      message: `must be a positive integer (got ${JSON.stringify(raw.version)})`,
    });
  } else if ((raw.version as number) > USER_DATA_VERSION) {
    problems.push({
      entry: ROOT_ENTRY,
      path: 'version',
      message: `version ${String(raw.version)} is newer than this extension reads (${USER_DATA_VERSION})`,
    });
  }
  if (!Array.isArray(raw.entries)) {
    problems.push({ entry: ROOT_ENTRY, path: 'entries', message: 'must be an array of entries' });
    return { problems };
  }
  const tooMuch = userDataSizeProblems(raw.entries);
  if (tooMuch.length > 0) return { problems: [...problems, ...tooMuch] };
  problems.push(...validateUserEntries(raw.entries, bundled));
  const notes = checkNotes(raw.notes, problems);
  const hidden = checkHidden(raw.hidden, problems);
  if (problems.length > 0) return { problems };
  return { data: { entries: raw.entries as Entry[], notes, hidden }, problems: [] };
}

/** Parses and validates the text of an import file. */
export function parseImportFile(text: string, bundled: Glossary): UserDataResult {
  const parsed = parseJsonText(text);
  if (parsed.problems) return { problems: parsed.problems };
  return validateUserData(parsed.raw, bundled);
}

/**
 * Adds an import to the current data: imported entries replace the reader's entries with
 * the same id, notes are merged (the import wins), hidden ids are joined. The result is
 * validated whole, so the merge cannot leave an invalid store.
 */
export function mergeImport(
  current: UserData,
  imported: UserData,
  bundled: Glossary,
): UserDataResult {
  const ids = new Set(imported.entries.map((e) => e.id));
  return validateUserData(
    {
      version: USER_DATA_VERSION,
      entries: [...current.entries.filter((e) => !ids.has(e.id)), ...imported.entries],
      notes: { ...current.notes, ...imported.notes },
      hidden: [...new Set([...current.hidden, ...imported.hidden])],
    },
    bundled,
  );
}

/** The export file: the glossary's schema (`version`, `entries`) plus `notes` and `hidden`. */
export function exportUserData(data: UserData): string {
  const file: Record<string, unknown> = { version: USER_DATA_VERSION, entries: data.entries };
  if (Object.keys(data.notes).length > 0) file.notes = data.notes;
  if (data.hidden.length > 0) file.hidden = data.hidden;
  return `${JSON.stringify(file, null, 2)}\n`;
}
