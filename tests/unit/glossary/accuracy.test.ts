import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/glossary/compile';
import { commonWords } from '../../../scripts/word-lists';
import {
  ARTICLES,
  articleNames,
  formatAccuracy,
  labelledAccuracy,
} from '../../../scripts/accuracy';
import { labelSource } from '../../../scripts/label-fixtures';
import { DEFAULT_GLOSSARY, loadEntries } from '../../../scripts/scan';

/**
 * Accuracy of the REAL glossary's matcher on the hand-labelled articles
 * (tests/fixtures/articles/NAME.html + NAME.expected.json, generated from src/ by
 * `npm run fixtures:label`; scripts/accuracy.ts). A mention is correct when its id, start
 * and end equal an expected one.
 */
/** Issue 14: no false mark on the labelled articles, and at most 1% missed, per language. */
const PRECISION = 1;
const RECALL = 0.99;

describe('matcher accuracy on the labelled articles', () => {
  it('has labelled articles, each with its expected mentions', () => {
    const names = articleNames();
    expect(
      names.length,
      'no tests/fixtures/articles/*.html: run npm run fixtures:label',
    ).toBeGreaterThan(0);
    for (const name of names)
      expect(existsSync(join(ARTICLES, `${name}.expected.json`)), name).toBe(true);
  });

  it('keeps the labelled articles in step with their sources', () => {
    const srcDir = join(ARTICLES, 'src');
    const sources = existsSync(srcDir)
      ? readdirSync(srcDir).filter((f) => f.endsWith('.html'))
      : [];
    for (const file of sources) {
      const name = file.slice(0, -'.html'.length);
      const { html, expected } = labelSource(readFileSync(join(srcDir, file), 'utf8'));
      const stale = `${name} is stale: run npm run fixtures:label`;
      expect(existsSync(join(ARTICLES, `${name}.html`)), stale).toBe(true);
      expect(readFileSync(join(ARTICLES, `${name}.html`), 'utf8'), stale).toBe(html);
      const onDisk = JSON.parse(readFileSync(join(ARTICLES, `${name}.expected.json`), 'utf8'));
      expect(onDisk, stale).toEqual(expected);
    }
  });

  it(`finds the labelled mentions with precision ${PRECISION} and recall of at least ${RECALL}`, () => {
    const matcher = compileMatcher(loadEntries(DEFAULT_GLOSSARY), {
      isCommonWord: commonWords(),
    });
    const accuracy = labelledAccuracy(matcher);
    console.log(`accuracy: ${formatAccuracy(accuracy)}`);
    const { problems } = accuracy;
    if (problems.length > 0) {
      console.log(problems.slice(0, 30).join('\n'));
      if (problems.length > 30) console.log(`... and ${problems.length - 30} more`);
    }
    expect(accuracy.truePositives, 'no expected mention was found').toBeGreaterThan(0);
    for (const [lang, r] of Object.entries(accuracy.byLang)) {
      expect(r.precision, `precision (${lang})`).toBeGreaterThanOrEqual(PRECISION);
      expect(r.recall, `recall (${lang})`).toBeGreaterThanOrEqual(RECALL);
    }
  });
});
