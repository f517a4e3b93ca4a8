/**
 * Validates the glossary and prints a report on its contents.
 *
 *   npm run glossary:check [-- path]      (default data/glossary/, one file per entry)
 *
 * Exit code 1, with one line per problem, when the glossary is invalid.
 */
import { dependencyChain, type DependencyChain } from '../src/glossary/chain';
import { indexGlossary } from '../src/glossary/glossary-index';
import { GLOSSARY_DIR, loadGlossary } from '../src/glossary/load-glossary';
import type { Glossary } from '../src/glossary/types';
import { MIN_FACTS } from '../src/glossary/validate';

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

const path = process.argv[2] ?? GLOSSARY_DIR;
try {
  report(loadGlossary(path), path);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
