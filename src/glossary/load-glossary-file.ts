/** Node only: reads and validates a glossary file (build hook, scripts, tests). */
import { readFileSync } from 'node:fs';
import type { Glossary } from './types';
import { formatProblems, validateGlossary } from './validate';

/**
 * Reads a glossary JSON file and validates it. Throws an Error listing every problem,
 * one `glossary: <entry> <path>: <message>` line each, when the file cannot be read,
 * is not JSON or is not a valid glossary.
 */
export function loadGlossaryFile(path: string): Glossary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`glossary: cannot read ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`glossary: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const { glossary, problems } = validateGlossary(data);
  if (!glossary) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new Error(`${path}: ${count}\n${formatProblems(problems)}`);
  }
  return glossary;
}
