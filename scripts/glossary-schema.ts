/**
 * Writes data/glossary.schema.json and data/entry.schema.json from the glossary's shape
 * (src/glossary/entry-shape.ts). `npm run glossary:schema -- --check` only compares, and
 * fails when a file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { glossarySchemaFiles } from '../src/glossary/json-schema';

const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(glossarySchemaFiles())) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: written below, or reported as out of date
  }
  if (current === text) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run glossary:schema`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
