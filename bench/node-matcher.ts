/**
 * npx tsx bench/node-matcher.ts [--glossary PATH] [--runs N] [--sizes 1,5]
 *
 * Matcher throughput in Node on generated 1 MB and 5 MB articles built from the fixture
 * articles' paragraphs, and the glossary's compile time. The real budgets are measured
 * in Chromium by `npm run bench`; this is the quick check while working on the matcher.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { collectText } from '../src/page/collect-text';
import { loadEntries } from '../scripts/scan';
import { benchMatcher, formatBenchTable } from './matcher';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Paragraph texts of the fixture articles (labelled outputs, else their sources). */
function fixtureParagraphs(): string[] {
  const dirs = ['tests/fixtures/articles', 'tests/fixtures/articles/src', 'tests/fixtures/pages'];
  for (const dir of dirs.map((d) => join(ROOT, d))) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    if (files.length === 0) continue;
    const paragraphs: string[] = [];
    for (const file of files) {
      // Sources hold {{id|surface}} labels: keep the surface text.
      const html = readFileSync(join(dir, file), 'utf8').replace(
        /\{\{[a-z0-9-]+\|([\s\S]*?)\}\}/g,
        '$1',
      );
      const { document } = parseHTML(html);
      for (const block of collectText(document as unknown as Document)) paragraphs.push(block.text);
    }
    return paragraphs;
  }
  throw new Error('no fixture articles found');
}

const glossary = option('--glossary') ?? join(ROOT, 'data/glossary');
const entries = loadEntries(glossary);
const paragraphs = fixtureParagraphs();
const rows = benchMatcher({
  entries,
  paragraphs,
  runs: Number(option('--runs') ?? 5),
  sizesMb: (option('--sizes') ?? '1,5').split(',').map(Number),
});
const aliases = entries.reduce((n, e) => n + e.aliases.length, 0);
console.log(
  `Node ${process.version}; ${entries.length} entries, ${aliases} aliases; ${paragraphs.length} fixture paragraphs`,
);
console.log(formatBenchTable(rows));
