/**
 * The built extension's sizes, for the README and for reviews of glossary growth:
 *
 *   npm run build:chrome && npm run size [-- --dir .output/chrome-mv3] [-- --glossary data/glossary]
 *
 * Prints each script of the build (bytes and gzipped) and the glossary as the build
 * embeds it (the assembled entries as minified JSON): where it goes (the background and the
 * extension pages carry the whole glossary; the annotator only the matcher's table, no card
 * text; the loader none of it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assembleEntryFiles, GLOSSARY_DIR, readEntryFiles } from '../src/glossary/load-glossary';
import { outputDir } from './targets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const dir = option('--dir') ?? outputDir('chromium', ROOT);
const glossaryDir = option('--glossary') ?? GLOSSARY_DIR;
const { data } = assembleEntryFiles(readEntryFiles(glossaryDir));
const json = Buffer.from(JSON.stringify(data));
console.log(
  `glossary ${relative(ROOT, glossaryDir) || glossaryDir}: ${data.entries.length} entries, ${kb(json.length)} as minified JSON (${kb(gzipSync(json).length)} gzipped)`,
);
console.log(`build ${relative(ROOT, dir) || dir}:`);
for (const path of scripts(dir).sort()) {
  const bytes = readFileSync(path);
  console.log(
    `  ${relative(dir, path).padEnd(36)} ${kb(bytes.length).padStart(10)} ${kb(gzipSync(bytes).length).padStart(10)} gzipped`,
  );
}
