/**
 * Merges the glossary drafts (data/drafts/group-*.json, JSON arrays of entries) into
 * data/glossary.json, sorted by id, then validates the result and prints its problems.
 * The drafts are left in place. Exit code 1 when a draft is unreadable or the merged
 * glossary has problems (the file is written anyway, so it can be inspected).
 *
 *   tsx scripts/merge-drafts.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { formatProblems, validateGlossary } from '../src/glossary/validate';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const draftsDir = join(root, 'data/drafts');
const outFile = join(root, 'data/glossary.json');

function idOf(entry: unknown): string | undefined {
  return typeof entry === 'object' &&
    entry !== null &&
    'id' in entry &&
    typeof entry.id === 'string'
    ? entry.id
    : undefined;
}

/** Ids listed in the temporary registry data/drafts/IDS.md, if it exists. */
function registeredIds(): Set<string> | undefined {
  const file = join(draftsDir, 'IDS.md');
  if (!existsSync(file)) return undefined;
  const ids = new Set<string>();
  for (const match of readFileSync(file, 'utf8').matchAll(/([a-z0-9]+(?:-[a-z0-9]+)*) \[/g)) {
    if (match[1]) ids.add(match[1]);
  }
  return ids;
}

let failed = false;
const entries: unknown[] = [];
const drafts = readdirSync(draftsDir)
  .filter((name) => /^group-\d+\.json$/.test(name))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
for (const name of drafts) {
  try {
    const data: unknown = JSON.parse(readFileSync(join(draftsDir, name), 'utf8'));
    if (!Array.isArray(data)) throw new Error('not a JSON array of entries');
    console.log(`${name}: ${data.length} entries`);
    entries.push(...data);
  } catch (error) {
    console.error(`${name}: skipped: ${(error as Error).message}`);
    failed = true;
  }
}

// Stable sort: entries without an id keep their order, at the end.
entries.sort((a, b) => {
  const x = idOf(a);
  const y = idOf(b);
  if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
  return x < y ? -1 : x > y ? 1 : 0;
});
const glossary = { $schema: './glossary.schema.json', version: 1, entries };
// Formatted as `prettier --check` expects, so the generated file passes `npm run lint`.
const prettierOptions = { printWidth: 100, ...(await resolveConfig(outFile)), parser: 'json' };
writeFileSync(outFile, await format(JSON.stringify(glossary, null, 2), prettierOptions));
console.log(`data/glossary.json: ${entries.length} entries from ${drafts.length} drafts`);

const registry = registeredIds();
if (registry) {
  const present = new Set(entries.map(idOf));
  const missing = [...registry].filter((id) => !present.has(id));
  const unregistered = [...present].filter((id) => id !== undefined && !registry.has(id));
  if (missing.length > 0) {
    console.log(`not written yet (${missing.length}, from IDS.md): ${missing.join(' ')}`);
  }
  if (unregistered.length > 0) console.log(`not in IDS.md: ${unregistered.join(' ')}`);
}

const { problems } = validateGlossary(glossary);
if (problems.length > 0) {
  console.error(`\n${problems.length} problems:\n${formatProblems(problems)}`);
  failed = true;
} else {
  console.log('valid');
}
process.exitCode = failed ? 1 : 0;
