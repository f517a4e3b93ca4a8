import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Mention } from '../../../src/glossary/matcher';
import { labelSource, type ExpectedMention } from '../../../scripts/label-fixtures';
import { DEFAULT_GLOSSARY, loadEntries, scanHtml } from '../../../scripts/scan';

/**
 * Accuracy of the REAL glossary's matcher on the hand-labelled articles
 * (tests/fixtures/articles/NAME.html + NAME.expected.json, generated from src/ by
 * `npm run fixtures:label`). A mention is correct when its id, start and end equal an
 * expected one.
 */
const ARTICLES = new URL('../../fixtures/articles/', import.meta.url).pathname;
const THRESHOLD = 0.97;

function articleNames(): string[] {
  if (!existsSync(ARTICLES)) return [];
  return readdirSync(ARTICLES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

const key = (m: { id: string; start: number; end: number }): string =>
  `${m.id}@${m.start}-${m.end}`;

function snippet(text: string, m: Mention | ExpectedMention): string {
  const around = `${text.slice(Math.max(0, m.start - 30), m.start)}[${m.text}]${text.slice(m.end, m.end + 30)}`;
  return around.replace(/\s+/g, ' ');
}

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

  it(`finds the labelled mentions with precision and recall of at least ${THRESHOLD}`, () => {
    const matcher = compileMatcher(loadEntries(DEFAULT_GLOSSARY));
    let truePositives = 0;
    const problems: string[] = [];
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const name of articleNames()) {
      const { text, mentions } = scanHtml(
        matcher,
        readFileSync(join(ARTICLES, `${name}.html`), 'utf8'),
      );
      const expected = JSON.parse(
        readFileSync(join(ARTICLES, `${name}.expected.json`), 'utf8'),
      ) as ExpectedMention[];
      const expectedKeys = new Set(expected.map(key));
      const foundKeys = new Set(mentions.map(key));
      for (const m of mentions) {
        if (expectedKeys.has(key(m))) truePositives++;
        else {
          falsePositives++;
          problems.push(`FP ${name} ${m.id}: ${snippet(text, m)}`);
        }
      }
      for (const m of expected) {
        if (foundKeys.has(key(m))) continue;
        falseNegatives++;
        problems.push(`FN ${name} ${m.id}: ${snippet(text, m)}`);
      }
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    console.log(
      `accuracy: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${truePositives} correct, ${falsePositives} false positives, ${falseNegatives} false negatives)`,
    );
    if (problems.length > 0) {
      console.log(problems.slice(0, 30).join('\n'));
      if (problems.length > 30) console.log(`... and ${problems.length - 30} more`);
    }
    expect(truePositives, 'no expected mention was found').toBeGreaterThan(0);
    expect(precision).toBeGreaterThanOrEqual(THRESHOLD);
    expect(recall).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
