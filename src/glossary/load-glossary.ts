/**
 * Node only: reads and validates the glossary (build hook, scripts, tests). The glossary
 * lives in `data/glossary/`, one `<id>.json` file per entry; a single JSON file holding a
 * whole `Glossary` (test fixtures, `npm run scan -- --glossary FILE`) is read too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Glossary } from './types';
import { formatProblems, validateGlossary, type Problem } from './validate';

/** The glossary folder, relative to the project root. */
export const GLOSSARY_DIR = 'data/glossary';
/** Format version of the assembled glossary. */
export const GLOSSARY_VERSION = 1;

/** An entry file as written: the entry plus an optional `$schema` for editors. */
export interface EntryFile {
  path: string;
  data: unknown;
}

/** The `.json` files of a glossary folder, sorted by name, parsed. Throws on unreadable JSON. */
export function readEntryFiles(dir: string): EntryFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      try {
        return { path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (error) {
        throw new Error(`glossary: ${path} is not valid JSON: ${(error as Error).message}`);
      }
    });
}

/**
 * Assembles entry files into glossary data (not yet validated), with the problems of the
 * files themselves: a file whose name is not its entry's id.
 */
export function assembleEntryFiles(files: readonly EntryFile[]): {
  data: { version: number; entries: unknown[] };
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const entries = files.map(({ path, data }) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
    const entry = { ...(data as Record<string, unknown>) };
    delete entry.$schema;
    const expected = basename(path, '.json');
    if (entry.id !== expected) {
      problems.push({
        entry: typeof entry.id === 'string' ? entry.id : expected,
        path: 'id',
        message: `must equal the file name ${JSON.stringify(expected)} (file ${path})`,
      });
    }
    return entry;
  });
  return { data: { version: GLOSSARY_VERSION, entries }, problems };
}

function fail(path: string, problems: readonly Problem[]): never {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new Error(`${path}: ${count}\n${formatProblems(problems)}`);
}

/**
 * Reads and validates a glossary folder (one file per entry) or a single glossary file.
 * Throws an Error listing every problem, one `glossary: <entry> <path>: <message>` line
 * each, when a file cannot be read, is not JSON or the glossary is not valid.
 */
export function loadGlossary(path: string = GLOSSARY_DIR): Glossary {
  let data: unknown;
  const fileProblems: Problem[] = [];
  try {
    if (statSync(path).isDirectory()) {
      const assembled = assembleEntryFiles(readEntryFiles(path));
      data = assembled.data;
      fileProblems.push(...assembled.problems);
    } else {
      data = JSON.parse(readFileSync(path, 'utf8'));
    }
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('glossary:')) throw error;
    if (error instanceof SyntaxError)
      throw new Error(`glossary: ${path} is not valid JSON: ${message}`);
    throw new Error(`glossary: cannot read ${path}: ${message}`);
  }
  const { glossary, problems } = validateGlossary(data);
  if (!glossary || fileProblems.length > 0) fail(path, [...fileProblems, ...problems]);
  return glossary;
}
