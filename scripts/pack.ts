/**
 * Builds a glossary pack file (src/packs/) from a folder:
 *
 *   npm run pack -- DIR [--out FILE] [--today YYYY-MM-DD]
 *
 * DIR holds `pack.json` (the pack's fields but its entries) and `entries/<id>.json`, one
 * entry per file as in data/glossary/. The pack is validated as the extension will when a
 * reader installs it, against the bundled glossary, except that the truth rules judged
 * against today are errors, as in the glossary's build. Exit code 1, with one
 * `pack: <entry> <path>: <message>` line per problem, when anything is wrong; otherwise
 * prints the warnings and the conflicts with the bundled glossary, writes
 * `<id>-<version>.json` (or FILE) and a one-line summary. Today is the current date, or
 * --today, or SL_TODAY.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleEntryFiles, loadGlossary, readEntryFiles } from '../src/glossary/load-glossary';
import { resolveToday } from '../src/glossary/truth-rules';
import { formatProblems, ROOT_ENTRY, type Problem } from '../src/glossary/validate';
import { applyPacks } from '../src/packs/apply-packs';
import { exportPack } from '../src/packs/pack-format';
import { parsePackFile } from '../src/packs/validate-pack';

const USAGE = 'usage: npm run pack -- DIR [--out FILE] [--today YYYY-MM-DD]';
/** The bundled glossary, wherever the script is run from. */
const GLOSSARY = fileURLToPath(new URL('../data/glossary', import.meta.url));

interface Args {
  dir: string;
  out?: string;
  today: string;
}

function parseArgs(argv: string[]): Args {
  let dir: string | undefined;
  let out: string | undefined;
  let today: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out' || arg === '--today') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--out') out = value;
      else today = value;
    } else if (arg.startsWith('-') || dir !== undefined) {
      throw new Error(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
    } else dir = arg;
  }
  if (dir === undefined) throw new Error(USAGE);
  return { dir, out, today: resolveToday(today ?? process.env.SL_TODAY) };
}

/** pack.json and the entry files as one pack file's data, with the files' own problems. */
function readPackDir(dir: string): { data: Record<string, unknown>; problems: Problem[] } {
  const path = join(dir, 'pack.json');
  let fields: unknown;
  try {
    fields = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new Error(`${path} must be an object: the pack's fields but its entries`);
  }
  const problems: Problem[] = [];
  if ('entries' in fields) {
    problems.push({
      entry: ROOT_ENTRY,
      path: 'entries',
      message: `belongs in ${join(dir, 'entries')}/<id>.json, one file per entry, not in pack.json`,
    });
  }
  const assembled = assembleEntryFiles(readEntryFiles(join(dir, 'entries')));
  problems.push(...assembled.problems);
  return { data: { ...fields, entries: assembled.data.entries }, problems };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const bundled = loadGlossary(GLOSSARY);
  const { data, problems } = readPackDir(args.dir);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const result = parsePackFile(text, { bundled, today: args.today, mode: 'build' });
  const all = [...problems, ...(result.problems ?? [])];
  if (!result.pack || all.length > 0) {
    console.error(formatProblems(all, 'pack'));
    console.error(`pack: ${all.length} problem(s) in ${args.dir}; no file written`);
    return 1;
  }
  const { pack, warnings } = result;
  if (warnings.length > 0) console.log(formatProblems(warnings, 'pack warning'));
  const { conflicts } = applyPacks(bundled, [{ ...pack, installedAt: '' }], []);
  for (const conflict of conflicts) console.log(`pack conflict: ${conflict.message}`);
  const out = args.out ?? `${pack.id}-${pack.version}.json`;
  const file = exportPack(pack);
  writeFileSync(out, file);
  const bytes = Buffer.byteLength(file).toLocaleString('en');
  console.log(
    `pack: ${pack.id} ${pack.version}: ${pack.entries.length} entries, ${conflicts.length} conflicts, ${bytes} bytes -> ${out}`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`pack: ${(error as Error).message.replace(/^glossary: /, '')}`);
  process.exitCode = 1;
}
