/**
 * Validates the glossary, checks its truth rules (src/glossary/truth-rules.ts) and prints a
 * report on its contents.
 *
 *   npm run glossary:check [-- path]      (default data/glossary/, one file per entry)
 *
 * Exit code 1, with one line per problem, when the glossary is invalid or breaks a truth
 * rule; warnings are printed but do not fail. Today is the current date, or SL_TODAY
 * (YYYY-MM-DD) when set.
 */
import { dependencyChain, type DependencyChain } from '../src/glossary/chain';
import { aliasRules } from '../src/glossary/compile';
import { indexGlossary } from '../src/glossary/glossary-index';
import { GLOSSARY_DIR, loadGlossary } from '../src/glossary/load-glossary';
import type { Glossary } from '../src/glossary/types';
import { HOST_CATEGORIES, hostCategory } from '../src/glossary/source-hosts';
import { checkTruth, resolveToday } from '../src/glossary/truth-rules';
import { formatProblems, MIN_FACTS, type Problem } from '../src/glossary/validate';
import { commonWords } from './word-lists';

/** Entries that are foundries: a chain reaching one of them reaches silicon. */
const FOUNDRY_IDS = new Set(['tsmc', 'samsung', 'intel']);

function count<T>(items: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

function line(label: string, pairs: [string, number][]): string {
  return `${label}: ${pairs.map(([key, n]) => `${key} ${n}`).join(', ') || '(none)'}`;
}

/** "trainium-2: AWS Trainium2 (US) -> Annapurna Labs (IL), TSMC (TW) -> Amazon (US), ASML (NL)": one arrow per depth. */
function formatChain(chain: DependencyChain): string {
  const label = (node: { name: { en: string }; jurisdiction: string[] }): string =>
    `${node.name.en} (${node.jurisdiction.join(', ')})`;
  const levels: string[] = [label(chain.root)];
  for (const step of chain.steps) {
    const text = label(step);
    if (levels.length <= step.depth) levels.push(text);
    else levels[step.depth] += `, ${text}`;
  }
  return `${chain.root.id}: ${levels.join(' -> ')}`;
}

/**
 * Whether a chip's chain reaches silicon: a step that is a foundry (tsmc, samsung, intel) or
 * that makes its parent (`manufacturedBy`), unless the parent is a technology: HBM made by
 * SK hynix or Samsung, or EUV machines made by ASML, say nothing about who makes the chip.
 */
function reachesFoundry(chain: DependencyChain): boolean {
  const kinds = new Map([chain.root, ...chain.steps].map((node) => [node.id, node.kind]));
  return chain.steps.some(
    (step) =>
      (FOUNDRY_IDS.has(step.id) || step.via === 'manufacturedBy') &&
      kinds.get(step.parent) !== 'technology',
  );
}

function report(glossary: Glossary, path: string): void {
  const { entries } = glossary;
  const index = indexGlossary(glossary);
  console.log(`${path}: valid, ${entries.length} entries`);
  console.log(line('per kind', count(entries.map((e) => e.kind))));
  console.log(line('per jurisdiction', count(entries.flatMap((e) => e.jurisdiction))));
  console.log(
    line('facts per confidence', count(entries.flatMap((e) => e.facts.map((f) => f.confidence)))),
  );
  console.log(`facts total: ${entries.reduce((n, e) => n + e.facts.length, 0)}`);

  // The validator rejects these; listed so the report states it.
  const noFrench = entries.filter((e) =>
    [
      e.name,
      e.summary,
      e.dependency,
      e.sovereignty,
      ...e.facts,
      ...e.relations.map((r) => r.note),
    ].some((text) => text !== undefined && !text.fr?.trim()),
  );
  console.log(`lacking French: ${noFrench.map((e) => e.id).join(' ') || '(none)'}`);

  const orphans = entries.filter(
    (e) => e.relations.length === 0 && (index.incoming.get(e.id) ?? []).length === 0,
  );
  console.log(`orphans (no relation in or out): ${orphans.map((e) => e.id).join(' ') || '(none)'}`);

  const thin = entries.filter((e) => e.facts.length < (MIN_FACTS[e.kind] ?? 0));
  console.log(
    `chip/software/policy/project with < 2 facts: ${thin.map((e) => e.id).join(' ') || '(none)'}`,
  );

  // The alias rules the build applies (README, "Alias rules").
  const rules = aliasRules(entries, { isCommonWord: commonWords() });
  console.log(
    line(
      'alias case rules (as the build decides them)',
      count(rules.map((r) => (r.context && !r.model ? `${r.case}+cues` : r.case))),
    ),
  );
  const models = rules.filter((r) => r.model).map((r) => r.text);
  console.log(`model numbers (need a cue nearby): ${models.join(' ') || '(none)'}`);

  const chips = entries.filter((e) => e.kind === 'chip');
  console.log(`\ndependency chains of ${chips.length} chips:`);
  const noFoundry: string[] = [];
  for (const chip of chips) {
    const chain = dependencyChain(index, chip.id);
    if (!chain) continue;
    const foundry = reachesFoundry(chain);
    if (!foundry) noFoundry.push(chip.id);
    console.log(`${formatChain(chain)}${foundry ? '' : '   [no foundry]'}`);
  }
  console.log(`chips whose chain reaches no foundry: ${noFoundry.join(' ') || '(none)'}`);
}

/** What a warning is about, for the counts. */
function warningKind(problem: Problem): string {
  if (problem.path === 'reviewed') return 'reviewed over 6 months ago';
  if (problem.path.endsWith('.source')) return 'reported fact citing a denied host';
  return 'undated future in an old fact';
}

/** Prints the truth rules' errors and warnings; returns the number of errors. */
function truthReport(glossary: Glossary): number {
  const today = resolveToday(process.env.SL_TODAY);
  const { errors, warnings } = checkTruth(glossary, { today });
  const facts = glossary.entries.flatMap((e) => e.facts);
  const hosts = [...HOST_CATEGORIES, 'other'].map((category): [string, number] => [
    category,
    facts.filter((f) => (hostCategory(f.source) ?? 'other') === category).length,
  ]);
  console.log(`\ntruth rules, today ${today}:`);
  console.log(line('facts per source host category', hosts));
  console.log(line('warnings', count(warnings.map(warningKind))));
  if (warnings.length > 0) {
    console.log(formatProblems(warnings).replace(/^glossary:/gm, 'glossary warning:'));
  }
  console.log(`truth rules: ${errors.length} error(s), ${warnings.length} warning(s)`);
  if (errors.length > 0) console.error(formatProblems(errors));
  return errors.length;
}

const path = process.argv[2] ?? GLOSSARY_DIR;
try {
  const glossary = loadGlossary(path);
  report(glossary, path);
  if (truthReport(glossary) > 0) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
