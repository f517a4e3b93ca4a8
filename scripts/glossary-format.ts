/**
 * Rewrites the glossary's entry files in their canonical form: French typography applied
 * to every French text (src/glossary/french-typography.ts), then Prettier's JSON layout.
 *
 *   npm run glossary:format [-- DIR | FILE...]      (default data/glossary/)
 *
 * Prints the files it changed. `npm run glossary:check` fails on any file this would change
 * in its French texts.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { formatFrench } from '../src/glossary/french-typography';
import { frenchTexts } from '../src/glossary/french-texts';
import { GLOSSARY_DIR, readEntryFiles } from '../src/glossary/load-glossary';

const args = process.argv.slice(2);
const files =
  args.length === 0 || statSync(args[0]!).isDirectory()
    ? readEntryFiles(args[0] ?? GLOSSARY_DIR)
    : args.map((path) => ({ path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }));
let changed = 0;
for (const { path, data } of files) {
  for (const text of frenchTexts(data)) text.set(formatFrench(text.value));
  const options = { ...(await resolveConfig(path)), parser: 'json', filepath: path };
  const next = await format(JSON.stringify(data), options);
  if (next !== readFileSync(path, 'utf8')) {
    writeFileSync(path, next);
    console.log(`formatted ${path}`);
    changed++;
  }
}
console.log(`${changed} file(s) changed`);
