/**
 * Prints a reproducible random sample of the glossary's facts for a person to check by hand
 * against their sources, with a Markdown table to fill in (docs/glossary/audits/README.md).
 *
 *   npm run glossary:audit -- --sample 30 --seed 7 [--accessed-since 2026-11-01]
 *                             [--ids rhea,asml] [--json] [--glossary PATH]
 *
 * The same seed on the same data gives the same sample (mulberry32, a seeded PRNG).
 */
import { pathToFileURL } from 'node:url';
import { GLOSSARY_DIR, loadGlossary } from '../src/glossary/load-glossary';
import { resolveToday } from '../src/glossary/truth-rules';
import type { Fact, Glossary } from '../src/glossary/types';

export interface AuditOptions {
  sample: number;
  seed: number;
  /** Only facts whose `accessed` day is on or after this YYYY-MM-DD. */
  accessedSince?: string;
  /** Only the facts of these entries. */
  ids?: string[];
}

export interface AuditArgs extends AuditOptions {
  json: boolean;
  glossary: string;
}

export interface AuditFact {
  entry: string;
  /** `facts[N]`. */
  path: string;
  fact: Fact;
}

export const VERDICTS = ['correct', 'wrong', 'overstated', 'source-unreadable'] as const;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The facts an audit draws from, in id then fact order, after the filters. */
export function auditPopulation(glossary: Glossary, options: AuditOptions): AuditFact[] {
  const known = new Set(glossary.entries.map((e) => e.id));
  const unknown = (options.ids ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`glossary:audit: no entry ${unknown.join(', ')}`);
  const ids = options.ids ? new Set(options.ids) : undefined;
  const since = options.accessedSince;
  return [...glossary.entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((entry) => !ids || ids.has(entry.id))
    .flatMap((entry) =>
      entry.facts.map((fact, i) => ({ entry: entry.id, path: `facts[${i}]`, fact })),
    )
    .filter(({ fact }) => since === undefined || (fact.accessed ?? '') >= since);
}

/**
 * A random sample of `sample` facts (all of them when there are fewer), drawn by a partial
 * Fisher-Yates shuffle seeded with `seed`, listed in id then fact order.
 */
export function sampleFacts(glossary: Glossary, options: AuditOptions): AuditFact[] {
  const population = auditPopulation(glossary, options);
  const order = population.map((_, i) => i);
  const random = mulberry32(options.seed);
  const size = Math.min(options.sample, order.length);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => population[i]!);
}

const USAGE =
  'usage: npm run glossary:audit -- --sample 30 --seed N [--accessed-since YYYY-MM-DD] [--ids a,b,c] [--json] [--glossary PATH]';

export function parseArgs(argv: readonly string[]): AuditArgs {
  const args: AuditArgs = { sample: 30, seed: Number.NaN, json: false, glossary: GLOSSARY_DIR };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--sample') args.sample = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--accessed-since') args.accessedSince = value();
    else if (flag === '--ids') args.ids = value().split(',').filter(Boolean);
    else if (flag === '--glossary') args.glossary = value();
    else if (flag === '--json') args.json = true;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(args.sample) || args.sample < 1) {
    throw new Error(`--sample must be a positive integer\n${USAGE}`);
  }
  if (!Number.isInteger(args.seed) || args.seed < 0 || args.seed > 0xffffffff) {
    throw new Error(`--seed must be an integer from 0 to 4294967295\n${USAGE}`);
  }
  if (args.accessedSince !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.accessedSince)) {
    throw new Error(`--accessed-since must be YYYY-MM-DD\n${USAGE}`);
  }
  return args;
}

/** The command that reproduces this sample. */
export function auditCommand(args: AuditArgs): string {
  const parts = ['npm run glossary:audit --', `--sample ${args.sample}`, `--seed ${args.seed}`];
  if (args.accessedSince) parts.push(`--accessed-since ${args.accessedSince}`);
  if (args.ids) parts.push(`--ids ${args.ids.join(',')}`);
  if (args.glossary !== GLOSSARY_DIR) parts.push(`--glossary ${args.glossary}`);
  return parts.join(' ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function formatText(
  args: AuditArgs,
  facts: AuditFact[],
  population: number,
  today: string,
): string {
  const lines = [
    `Glossary audit sample, ${today}: seed ${args.seed}, ${facts.length} of ${population} facts (${args.glossary})`,
    `Command: ${auditCommand(args)}`,
    '',
  ];
  facts.forEach(({ entry, path, fact }, n) => {
    const figures = (fact.figures ?? []).map((f) => `${f.value} ${f.unit} (${f.subject})`);
    lines.push(
      `${n + 1}. ${entry} ${path}`,
      `   date:       ${fact.date}`,
      `   en:         ${fact.en}`,
      `   fr:         ${fact.fr}`,
      `   source:     ${fact.source}`,
      `   confidence: ${fact.confidence}`,
      `   accessed:   ${fact.accessed ?? '(none)'}`,
      `   figures:    ${figures.join('; ') || '(none)'}`,
      '',
    );
  });
  lines.push(
    `Verdicts: ${VERDICTS.join(' / ')}`,
    '',
    '| entry | fact | verdict | note |',
    '| ----- | ---- | ------- | ---- |',
    ...facts.map(({ entry, path }) => `| ${cell(entry)} | ${path} |  |  |`),
  );
  return lines.join('\n');
}

/** The audit's output for command-line arguments (text, or JSON with --json). */
export function runAudit(argv: readonly string[], today: string): string {
  const args = parseArgs(argv);
  const glossary = loadGlossary(args.glossary);
  const population = auditPopulation(glossary, args).length;
  const facts = sampleFacts(glossary, args);
  if (!args.json) return formatText(args, facts, population, today);
  return JSON.stringify(
    {
      date: today,
      seed: args.seed,
      command: auditCommand(args),
      population,
      sampleSize: facts.length,
      facts: facts.map(({ entry, path, fact }) => ({ entry, path, ...fact })),
    },
    null,
    2,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(runAudit(process.argv.slice(2), resolveToday(process.env.SL_TODAY)));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
