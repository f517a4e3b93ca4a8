/**
 * Generated benchmark pages: articles of a given size built from the block elements of
 * the fixture articles (paragraphs, headings, lists, quotes, code blocks, with their
 * inline markup and their article's language), in shuffled order, inside a realistic
 * page shell (site header and navigation, `main > article`, footer).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { seededRandom } from './matcher';

const ARTICLES = 'tests/fixtures/articles';
const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'blockquote', 'pre', 'figure', 'aside']);

export interface SourceBlock {
  html: string;
  /** Characters of text in the block. */
  chars: number;
}

/** The block elements of every fixture article (the labelled outputs, not src/). */
export function fixtureBlocks(root: string): SourceBlock[] {
  const dir = join(root, ARTICLES);
  const out: SourceBlock[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const { document } = parseHTML(readFileSync(join(dir, file), 'utf8'));
    const lang = document.documentElement.getAttribute('lang') ?? 'en';
    const article = document.querySelector('article') ?? document.querySelector('main');
    if (!article) continue;
    for (const child of Array.from(article.children)) {
      if (!BLOCK_TAGS.has(child.localName)) continue;
      child.setAttribute('lang', lang);
      out.push({ html: String(child), chars: (child.textContent ?? '').length });
    }
  }
  return out;
}

const SHELL_HEAD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Benchmark article</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif;color:#1d1d1b;background:#fbfaf7}
main{max-width:42em;margin:0 auto;padding:0 1rem}pre{overflow-x:auto;background:#eee}
header,footer{font-family:system-ui,sans-serif;font-size:14px;padding:.5rem 1rem;border-bottom:1px solid #ddd}</style>
</head><body>
<header><a href="/">The Compute Review</a><nav><ul><li><a href="/chips">Chips</a></li><li><a href="/cloud">Cloud</a></li><li><a href="/policy">Nvidia, AMD and Intel news</a></li></ul></nav></header>
<main><article><h1>A long read on compute sovereignty</h1>
`;
const SHELL_TAIL = `</article></main>
<footer><p>© The Compute Review. Topics: Nvidia, TSMC, ASML.</p></footer>
</body></html>
`;

/**
 * A page whose article holds about `chars` characters of text (1 MB = 2^20 characters),
 * built from the fixture blocks shuffled with a fixed seed.
 */
export function generatePage(blocks: SourceBlock[], chars: number, seed = 1): string {
  const random = seededRandom(seed);
  const parts: string[] = [SHELL_HEAD];
  let size = 0;
  while (size < chars) {
    const order = blocks.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const block of order) {
      parts.push(block.html, '\n');
      size += block.chars;
      if (size >= chars) break;
    }
  }
  parts.push(SHELL_TAIL);
  return parts.join('');
}
