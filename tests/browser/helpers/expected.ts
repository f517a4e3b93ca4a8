import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { compileMatcher } from '../../../src/glossary/compile';
import { commonWords } from '../../../scripts/word-lists';
import { collectText } from '../../../src/page/collect-text';
import { findArticleRoot } from '../../../src/page/find-article';
import { highlightName } from '../../../src/page/highlights';
import { scanBlocks } from '../../../src/page/scan-blocks';
import { scanHtml } from '../../../scripts/scan';
import type { HighlightedRange } from './probes';

const matcher = compileMatcher(bundledGlossary().entries, { isCommonWord: commonWords() });
const kinds = new Map(bundledGlossary().entries.map((e) => [e.id, e.kind]));

/**
 * What the page should show for a fixture: the same matcher and text model run in Node
 * (linkedom), as highlight names and texts in document order. For the whole page this is
 * exactly what `npm run scan` reports (scripts/scan.ts, `scanHtml`).
 */
export function expectedHighlights(
  fixture: string,
  scope: 'article' | 'page' = 'page',
): HighlightedRange[] {
  return expectedMentions(fixture, scope).map(({ name, text }) => ({ name, text }));
}

/** Like `expectedHighlights`, with each mention's entry id. */
export function expectedMentions(
  fixture: string,
  scope: 'article' | 'page' = 'page',
): (HighlightedRange & { id: string })[] {
  const html = readFileSync(resolve('tests/fixtures', fixture), 'utf8');
  const named = (m: { id: string; text: string }): HighlightedRange & { id: string } => ({
    id: m.id,
    name: highlightName(kinds.get(m.id)!),
    text: m.text,
  });
  if (scope === 'page') return scanHtml(matcher, html).mentions.map(named);
  const { document } = parseHTML(html);
  const root = findArticleRoot(document as unknown as Document);
  const blocks = collectText(root as unknown as Node, { visibility: 'ignore' });
  return scanBlocks(matcher, blocks).flatMap((mentions) => mentions.map(named));
}
