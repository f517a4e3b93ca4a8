/**
 * Matcher benchmark, independent of Node: the caller gives the glossary entries, the
 * article paragraphs and a clock. bench/node-matcher.ts runs it in Node and prints the
 * budgets of issue 14; "before" rows run the RegExp matcher the project shipped before
 * (bench/legacy-matcher.ts) on the same texts.
 */
import { aliasRules, compilePattern, type CompileOptions } from '../src/glossary/compile';
import { matcherFromCompiled, type CompiledGlossary, type Matcher } from '../src/glossary/matcher';
import { scanBlocks } from '../src/page/scan-blocks';
import type { Alias, Entry, Kind } from '../src/glossary/types';
import * as legacy from './legacy-matcher';

export interface MatcherBenchOptions {
  entries: Entry[];
  /** Article paragraphs (one block's text each) to build the generated articles from. */
  paragraphs: string[];
  /** Sizes of the generated articles in MB (1 MB = 2^20 UTF-16 code units). Default [1, 5]. */
  sizesMb?: number[];
  /** Timed runs per case (after one warm-up run); the median is reported. Default 5. */
  runs?: number;
  /** Milliseconds clock; default performance.now. */
  now?: () => number;
  /** The word-list test of the build (scripts/word-lists.ts). */
  isCommonWord?: CompileOptions['isCommonWord'];
  /** Names (aliases) of the synthetic glossary. Default 2,000. */
  syntheticNames?: number;
}

export interface MatcherBenchRow {
  case: string;
  sizeMb: number;
  /** Median wall time of one run in ms. */
  ms: number;
  mbPerSecond: number;
  mentionsPerSecond: number;
  mentions: number;
}

/** A small deterministic PRNG (mulberry32), so generated articles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds an article of about `sizeMb` MB by repeating the paragraphs in shuffled order;
 * returns its blocks (paragraph texts).
 */
export function generateArticle(paragraphs: string[], sizeMb: number, seed = 1): string[] {
  const usable = paragraphs.filter((p) => p.trim().length > 0);
  if (usable.length === 0) throw new Error('no paragraphs to build an article from');
  const target = sizeMb * 1024 * 1024;
  const random = seededRandom(seed);
  const blocks: string[] = [];
  let size = 0;
  while (size < target) {
    const order = usable.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const paragraph of order) {
      blocks.push(paragraph);
      size += paragraph.length + 2;
      if (size >= target) break;
    }
  }
  return blocks;
}

const SYLLABLES =
  'ka ve tor lin mar qua zen dri pho lux sel tra vex nor bal cor fin gal hex ion'.split(' ');
const SUFFIXES = ['Systems', 'Labs', 'Cloud', 'Compute', 'Semiconductor', 'Technologies', 'AI'];
const COMMON =
  'Harbor Falcon Summit Beacon Anchor Meridian Atlas Nova Orbit Pilot Vector Zenith'.split(' ');
const KIND_LIST: Kind[] = ['chip', 'company', 'cloud', 'software', 'project', 'technology'];

/**
 * The real glossary plus synthetic entries until it holds `names` aliases, shaped like the
 * real ones: distinctive names, names with a suffix, acronyms, model numbers with
 * digits, French phrases, and about one ambiguous name in six (a dictionary word with
 * 8-14 context cues drawn from the real cue vocabulary), each entry related to others.
 */
export function syntheticGlossary(entries: Entry[], names = 2000, seed = 7): Entry[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cueVocabulary = [
    ...new Set(entries.flatMap((e) => e.aliases.flatMap((a) => a.context ?? []))),
  ];
  const out = entries.slice();
  let count = entries.reduce((n, e) => n + e.aliases.length, 0);
  const used = new Set<string>();
  for (let n = 0; count < names; n++) {
    let stem = '';
    do {
      stem = '';
      for (let s = 2 + Math.floor(random() * 2); s > 0; s--) stem += pick(SYLLABLES);
    } while (used.has(stem));
    used.add(stem);
    const name = stem.charAt(0).toUpperCase() + stem.slice(1);
    const acronym = stem
      .replace(/[aeiou]/g, '')
      .slice(0, 3 + Math.floor(random() * 2))
      .toUpperCase();
    const aliases: Alias[] = [{ text: name }, { text: `${name} ${pick(SUFFIXES)}` }];
    if (random() < 0.6) aliases.push({ text: acronym });
    if (random() < 0.5)
      aliases.push({
        text: `${acronym.slice(0, 2)}${100 + Math.floor(random() * 900)}`,
        plural: true,
      });
    if (random() < 0.3) aliases.push({ text: `${name} ${1 + Math.floor(random() * 5)}` });
    if (random() < 0.25) aliases.push({ text: `plateforme ${name}`, lang: 'fr' });
    if (random() < 0.35) {
      const cues = new Set<string>();
      for (let k = 8 + Math.floor(random() * 7); k > 0; k--) cues.add(pick(cueVocabulary));
      aliases.push({ text: `${pick(COMMON)} ${name.slice(0, 3)}`, context: [...cues] });
    }
    const l = { en: name, fr: name };
    out.push({
      id: `synthetic-${n}`,
      kind: pick(KIND_LIST),
      name: l,
      summary: l,
      dependency: l,
      sovereignty: l,
      jurisdiction: ['INT'],
      aliases,
      facts: [],
      relations: [1, 2].map(() => ({ type: 'competesWith' as const, target: pick(out).id })),
      reviewed: '2026-12-04',
    });
    count += aliases.length;
  }
  return out;
}

/**
 * Surface forms as the benchmark counted them before issue 14 (the forms the RegExp
 * spelled out): three casings of a `name` alias, one of the others, twice with a plural.
 */
export function surfaceForms(entries: Entry[], options: CompileOptions = {}): number {
  return aliasRules(entries, options).reduce(
    (n, rule) => n + (rule.case === 'name' ? 3 : 1) * (rule.plural ? 2 : 1),
    0,
  );
}

/** The shipped size of a compiled table: its JSON, and the string literal the build emits. */
export function dataSize(compiled: unknown): { json: number; literal: number } {
  const json = JSON.stringify(compiled);
  return { json: Buffer.byteLength(json), literal: Buffer.byteLength(JSON.stringify(json)) };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Finder = Pick<Matcher, 'findMentions'> & { scanAll?: (blocks: string[]) => number };

function scanAll(matcher: Finder, blocks: string[]): number {
  if (matcher.scanAll) return matcher.scanAll(blocks);
  let count = 0;
  for (const block of blocks) count += matcher.findMentions(block).length;
  return count;
}

function pageWay(matcher: Matcher): Finder {
  return {
    findMentions: () => [],
    scanAll: (blocks) =>
      scanBlocks(
        matcher,
        blocks.map((text) => ({ text, lang: null })),
      ).reduce((n, mentions) => n + mentions.length, 0),
  };
}

/** Start-up from the shipped JSON string to a first findMentions: [first, median]. */
export function startup(
  json: string,
  legacyTable: boolean,
  runs: number,
  now: () => number,
): [number, number] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const m = legacyTable
      ? legacy.matcherFromCompiled(JSON.parse(json) as legacy.CompiledGlossary)
      : matcherFromCompiled(JSON.parse(json) as CompiledGlossary);
    m.findMentions('Nvidia warms the matcher up.');
    times.push(now() - t0);
  }
  return [times[0]!, median(times)];
}

export interface MatcherBench {
  rows: MatcherBenchRow[];
  /** Glossaries measured: today's and the synthetic one. */
  glossaries: {
    name: string;
    entries: number;
    aliases: number;
    surfaceForms: number;
    data: { json: number; literal: number };
    legacyData: { json: number; literal: number };
    startupMs: [number, number];
    legacyStartupMs: [number, number];
  }[];
}

/** Measures data size, start-up and throughput for today's glossary and a synthetic one. */
export function benchMatcher(options: MatcherBenchOptions): MatcherBench {
  const now = options.now ?? (() => performance.now());
  const runs = options.runs ?? 5;
  const compileOptions = { isCommonWord: options.isCommonWord };
  const glossaries = [
    {
      name: `${options.syntheticNames ?? 2000} names (synthetic)`,
      entries: syntheticGlossary(options.entries, options.syntheticNames),
    },
    { name: 'today', entries: options.entries },
  ];
  const rows: MatcherBenchRow[] = [];
  const measured: MatcherBench['glossaries'] = [];
  // The token matcher's rows first, the RegExp matcher's after: both share scanBlocks,
  // whose calls would turn polymorphic (and slower) for whichever runs second.
  const variants: [string, Finder][] = [];
  const before: [string, Finder][] = [];
  for (const g of glossaries) {
    const compiled = compilePattern(g.entries, compileOptions);
    const old = legacy.compilePattern(g.entries);
    const json = JSON.stringify(compiled);
    measured.push({
      name: g.name,
      entries: g.entries.length,
      aliases: g.entries.reduce((n, e) => n + e.aliases.length, 0),
      surfaceForms: surfaceForms(g.entries, compileOptions),
      data: dataSize(compiled),
      legacyData: dataSize(old),
      startupMs: startup(json, false, runs * 2, now),
      legacyStartupMs: startup(JSON.stringify(old), true, runs * 2, now),
    });
    const matcher = matcherFromCompiled(compiled);
    const oldMatcher = legacy.matcherFromCompiled(old);
    variants.push(
      [`${g.name}: findMentions`, matcher],
      [`${g.name}: scanBlocks (page)`, pageWay(matcher)],
    );
    before.push(
      [`${g.name}: before, RegExp findMentions`, oldMatcher],
      [`${g.name}: before, scanBlocks`, pageWay(oldMatcher as unknown as Matcher)],
    );
  }
  const articles = (options.sizesMb ?? [1, 5]).map((sizeMb) => {
    const blocks = generateArticle(options.paragraphs, sizeMb);
    return { sizeMb, blocks, chars: blocks.reduce((n, b) => n + b.length, 0) };
  });
  for (const [name, matcher] of [...variants, ...before]) {
    for (const { sizeMb, blocks, chars } of articles) {
      let mentions = scanAll(matcher, blocks);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = now();
        mentions = scanAll(matcher, blocks);
        times.push(now() - t0);
      }
      const ms = median(times);
      const mb = chars / (1024 * 1024);
      rows.push({
        case: name,
        sizeMb,
        ms,
        mbPerSecond: mb / (ms / 1000),
        mentionsPerSecond: mentions / (ms / 1000),
        mentions,
      });
    }
  }
  return { rows, glossaries: measured };
}

/** Formats benchmark rows as a plain-text table. */
export function formatBenchTable(rows: MatcherBenchRow[]): string {
  const header = ['case', 'size', 'ms', 'ms/MB', 'MB/s', 'mentions/s', 'mentions'];
  const lines = rows.map((r) => [
    r.case,
    `${r.sizeMb} MB`,
    r.ms.toFixed(1),
    (r.ms / r.sizeMb).toFixed(1),
    r.mbPerSecond.toFixed(1),
    Math.round(r.mentionsPerSecond).toLocaleString('en'),
    String(r.mentions),
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...all.map((l) => l[c]!.length)));
  return all
    .map((l) =>
      l
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n');
}
