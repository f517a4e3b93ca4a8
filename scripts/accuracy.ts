/**
 * Node only: the matcher's precision and recall on the hand-labelled articles
 * (tests/fixtures/articles/NAME.html + NAME.expected.json, generated from src/ by
 * `npm run fixtures:label`). A mention is correct when its id, start and end equal an
 * expected one. Used by tests/unit/glossary/accuracy.test.ts and the benchmark.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matcher, Mention } from '../src/glossary/matcher';
import type { ExpectedMention } from './label-fixtures';
import { scanHtml } from './scan';

export const ARTICLES = fileURLToPath(new URL('../tests/fixtures/articles/', import.meta.url));

export interface Accuracy {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Per language of the article (its name ends in -en or -fr). */
  byLang: Record<string, { precision: number; recall: number }>;
  /** "FP name id: …[text]…" and "FN …" lines. */
  problems: string[];
}

/** The labelled articles' names, sorted. */
export function articleNames(dir = ARTICLES): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
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

const ratio = (good: number, bad: number): number => good / Math.max(1, good + bad);

/** Scans every labelled article with `matcher` and compares with the labels. */
export function labelledAccuracy(matcher: Matcher, dir = ARTICLES): Accuracy {
  const counts = new Map<string, [number, number, number]>();
  const problems: string[] = [];
  for (const name of articleNames(dir)) {
    const lang = /-(en|fr)$/.exec(name)?.[1] ?? 'other';
    const c = counts.get(lang) ?? [0, 0, 0];
    counts.set(lang, c);
    const { text, mentions } = scanHtml(matcher, readFileSync(join(dir, `${name}.html`), 'utf8'));
    const expected = JSON.parse(
      readFileSync(join(dir, `${name}.expected.json`), 'utf8'),
    ) as ExpectedMention[];
    const expectedKeys = new Set(expected.map(key));
    const foundKeys = new Set(mentions.map(key));
    for (const m of mentions) {
      if (expectedKeys.has(key(m))) c[0]++;
      else {
        c[1]++;
        problems.push(`FP ${name} ${m.id}: ${snippet(text, m)}`);
      }
    }
    for (const m of expected) {
      if (foundKeys.has(key(m))) continue;
      c[2]++;
      problems.push(`FN ${name} ${m.id}: ${snippet(text, m)}`);
    }
  }
  let [tp, fp, fn] = [0, 0, 0];
  const byLang: Accuracy['byLang'] = {};
  for (const [lang, [t, f, n]] of counts) {
    tp += t;
    fp += f;
    fn += n;
    byLang[lang] = { precision: ratio(t, f), recall: ratio(t, n) };
  }
  return {
    precision: ratio(tp, fp),
    recall: ratio(tp, fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    byLang,
    problems,
  };
}

/** One line: "precision 1.000, recall 0.995 (…); en 1.000/0.994, fr 1.000/1.000". */
export function formatAccuracy(a: Accuracy): string {
  const langs = Object.entries(a.byLang)
    .map(([lang, r]) => `${lang} ${r.precision.toFixed(3)}/${r.recall.toFixed(3)}`)
    .join(', ');
  return (
    `precision ${a.precision.toFixed(3)}, recall ${a.recall.toFixed(3)} ` +
    `(${a.truePositives} correct, ${a.falsePositives} false positives, ` +
    `${a.falseNegatives} false negatives; precision/recall by language: ${langs})`
  );
}
