/**
 * How much of what real articles name has a glossary entry.
 *
 *   npm run glossary:coverage [-- --json] [-- --fixtures DIR] [-- --glossary DIR]
 *
 * Reads the hand-labelled article sample in tests/fixtures/coverage/<lang>/<slug>.json (each:
 * url, outlet, date, lang, title, text excerpt, actors [{ name, id, kind }]) and the glossary
 * folder, and prints per language: articles, distinct labelled actors, how many have an
 * entry (the label's id is an entry id), the share, and the missing actors ranked by how many
 * articles name them; then the matcher's accuracy on the same articles, per language (see
 * `sampleAccuracy`). `--json` prints the same as JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileMatcher } from '../src/glossary/compile';
import { assembleEntryFiles, GLOSSARY_DIR, readEntryFiles } from '../src/glossary/load-glossary';
import type { Matcher } from '../src/glossary/matcher';
import { loadEntries, scanPlainText } from './scan';
import { commonWords } from './word-lists';

export const COVERAGE_DIR = fileURLToPath(new URL('../tests/fixtures/coverage/', import.meta.url));

export interface LabelledActor {
  /** The surface form as the excerpt writes it ("Trainium 2"). */
  name: string;
  /** A glossary id, or the kebab-case id proposed for an entry that does not exist yet. */
  id: string;
  kind: string;
}

export interface CoverageArticle {
  url: string;
  outlet: string;
  /** Publication date as the page shows it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  lang: string;
  /** The headline as the stored page showed it; null when the excerpt did not show one. */
  title: string | null;
  text: string;
  actors: LabelledActor[];
}

export interface MissingActor {
  id: string;
  kind: string;
  /** How many articles of the language name it. */
  articles: number;
  /** One surface form, from the first article naming it. */
  sample: string;
}

export interface LanguageCoverage {
  lang: string;
  articles: number;
  /** Distinct labelled ids. */
  actors: number;
  /** Distinct labelled ids that are glossary entries. */
  covered: number;
  /** covered / actors in percent, one decimal; 100 when there is no actor. */
  share: number;
  /** Ranked: most articles first, then by id. */
  missing: MissingActor[];
}

/** Coverage per language (sorted by language code) of a labelled sample against entry ids. */
export function computeCoverage(
  articles: readonly CoverageArticle[],
  entryIds: ReadonlySet<string>,
): LanguageCoverage[] {
  const byLang = new Map<string, CoverageArticle[]>();
  for (const article of articles) {
    const list = byLang.get(article.lang) ?? [];
    list.push(article);
    byLang.set(article.lang, list);
  }
  return [...byLang.keys()].sort().map((lang) => {
    const list = byLang.get(lang) ?? [];
    const seen = new Map<string, MissingActor>();
    for (const article of list) {
      // An article counts once per id, however many surface forms it labels with it.
      const ids = new Set<string>();
      for (const actor of article.actors) {
        if (ids.has(actor.id)) continue;
        ids.add(actor.id);
        const known = seen.get(actor.id);
        if (known) known.articles += 1;
        else
          seen.set(actor.id, { id: actor.id, kind: actor.kind, articles: 1, sample: actor.name });
      }
    }
    const all = [...seen.values()];
    const missing = all
      .filter((actor) => !entryIds.has(actor.id))
      .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id));
    const covered = all.length - missing.length;
    const share = all.length === 0 ? 100 : Math.round((covered / all.length) * 1000) / 10;
    return { lang, articles: list.length, actors: all.length, covered, share, missing };
  });
}

export interface SampleAccuracy {
  lang: string;
  /** Labelled actors with an entry that the matcher marks in their article. */
  found: number;
  /** Entries the matcher marks in an article whose labels do not name them. */
  falsePositives: number;
  /** Labelled actors with an entry that the matcher does not mark. */
  missed: number;
  precision: number;
  recall: number;
  /** "FP url id" / "FN url id "name"", for the report. */
  problems: string[];
}

/**
 * The matcher on the labelled sample, actor by actor (the sample labels actors, not
 * offsets): per article, an entry it marks is correct when a label names it, and a
 * labelled actor that has an entry is found when the matcher marks it, or marks a longer
 * name that contains the label ("Intel" inside a marked "Intel Xeon Max": the reader sees
 * the name marked and the card leads there).
 */
export function sampleAccuracy(
  articles: readonly CoverageArticle[],
  matcher: Matcher,
  entryIds: ReadonlySet<string>,
): SampleAccuracy[] {
  const langs = [...new Set(articles.map((a) => a.lang))].sort();
  return langs.map((lang) => {
    let found = 0;
    let falsePositives = 0;
    let missed = 0;
    const problems: string[] = [];
    for (const article of articles.filter((a) => a.lang === lang)) {
      const { mentions } = scanPlainText(matcher, article.text);
      const marked = new Set(mentions.map((m) => m.id));
      const labelled = new Map(
        article.actors.filter((a) => entryIds.has(a.id)).map((a) => [a.id, a.name]),
      );
      for (const id of marked) {
        if (labelled.has(id)) continue;
        falsePositives += 1;
        problems.push(`FP ${article.url} ${id}`);
      }
      for (const [id, name] of labelled) {
        const inside = mentions.some((m) => m.text.toLowerCase().includes(name.toLowerCase()));
        if (marked.has(id) || inside) found += 1;
        else {
          missed += 1;
          problems.push(`FN ${article.url} ${id} "${name}"`);
        }
      }
    }
    const precision = found + falsePositives === 0 ? 1 : found / (found + falsePositives);
    const recall = found + missed === 0 ? 1 : found / (found + missed);
    return { lang, found, falsePositives, missed, precision, recall, problems };
  });
}

/** The product's matcher for a glossary folder, as `npm run scan` builds it. */
export function glossaryMatcher(dir: string = GLOSSARY_DIR): Matcher {
  return compileMatcher(loadEntries(dir), { isCommonWord: commonWords() });
}

/** The sample's articles: every `<lang>/<slug>.json` under the folder, sorted by path. */
export function readCoverageArticles(dir: string = COVERAGE_DIR): CoverageArticle[] {
  const articles: CoverageArticle[] = [];
  for (const lang of readdirSync(dir).sort()) {
    const langDir = join(dir, lang);
    if (!statSync(langDir).isDirectory()) continue;
    for (const name of readdirSync(langDir).sort()) {
      if (!name.endsWith('.json')) continue;
      const path = join(langDir, name);
      try {
        articles.push(JSON.parse(readFileSync(path, 'utf8')) as CoverageArticle);
      } catch (error) {
        throw new Error(`coverage: ${path} is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  return articles;
}

/** The entry ids of a glossary folder (file contents, not validated: entries being written count). */
export function readEntryIds(dir: string = GLOSSARY_DIR): Set<string> {
  const { data } = assembleEntryFiles(readEntryFiles(dir));
  const ids = new Set<string>();
  for (const entry of data.entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/** The report as text: one block per language, missing actors one per line. */
export function formatCoverage(report: readonly LanguageCoverage[]): string {
  const lines: string[] = [];
  for (const lang of report) {
    lines.push(
      `${lang.lang}: ${lang.articles} articles, ${lang.actors} distinct actors, ` +
        `${lang.covered} with an entry (${lang.share.toFixed(1)}%), ${lang.missing.length} missing`,
    );
    const width = Math.max(0, ...lang.missing.map((m) => m.id.length));
    for (const m of lang.missing) {
      lines.push(
        `  ${String(m.articles).padStart(3)}  ${m.id.padEnd(width)}  ${m.kind.padEnd(11)}  "${m.sample}"`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function argValue(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

export function main(args: readonly string[]): number {
  const fixtures = argValue(args, '--fixtures') ?? COVERAGE_DIR;
  const glossary = argValue(args, '--glossary') ?? GLOSSARY_DIR;
  const articles = readCoverageArticles(fixtures);
  const ids = readEntryIds(glossary);
  const report = computeCoverage(articles, ids);
  let accuracy: SampleAccuracy[] = [];
  try {
    accuracy = sampleAccuracy(articles, glossaryMatcher(glossary), ids);
  } catch (error) {
    // An entry being written may not validate yet: the coverage still prints.
    console.error(`no matcher accuracy: ${(error as Error).message.split('\n')[0]}`);
  }
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        { glossary: basename(glossary), entries: ids.size, languages: report, accuracy },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `glossary ${glossary}: ${ids.size} entries; sample ${fixtures}: ${articles.length} articles\n`,
    );
    console.log(formatCoverage(report));
    for (const a of accuracy) {
      console.log(
        `matcher on the ${a.lang} sample: precision ${a.precision.toFixed(3)}, recall ${a.recall.toFixed(3)} (${a.found} labelled actors marked, ${a.falsePositives} false positives, ${a.missed} missed)`,
      );
      for (const problem of a.problems) console.log(`  ${problem}`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
