/**
 * Matcher benchmark, independent of Node: the caller gives the glossary entries, the
 * article paragraphs and a clock, so the same code can run in a real browser page.
 * bench/node-matcher.ts runs it in Node.
 */
import {
  aliasTokens,
  compileMatcher,
  compilePattern,
  matcherFromCompiled,
  type CompiledGlossary,
  type Matcher,
} from '../src/glossary/matcher';
import { aliasKey, stripSeparators } from '../src/glossary/normalise';
import { scanBlocks } from '../src/page/scan-blocks';
import type { Entry } from '../src/glossary/types';

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
}

export interface MatcherBenchRow {
  /** What was measured: "compile" or a matcher variant. */
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

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs every block of an article through a matcher; returns the mention count. */
function scanAll(matcher: Pick<Matcher, 'findMentions'>, blocks: string[]): number {
  const whole = (matcher as { scanAll?: (blocks: string[]) => number }).scanAll;
  if (whole) return whole(blocks);
  let count = 0;
  for (const block of blocks) count += matcher.findMentions(block).length;
  return count;
}

interface AutomatonNode {
  next: Map<string, AutomatonNode>;
  terminal: boolean;
}

/**
 * The alternative the matcher was measured against: a trie automaton walked in
 * JavaScript from every word start (same tokens as the pattern: optional separators
 * between letters and digits, separator runs between words, apostrophe variants), with
 * the same key lookup on each candidate. Case, language and context rules are left out,
 * which only flatters it.
 */
export function compileAutomaton(entries: Entry[]): Pick<Matcher, 'findMentions'> {
  const root: AutomatonNode = { next: new Map(), terminal: false };
  const keys = new Map<string, string>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const variants = alias.plural
        ? [aliasTokens(alias.text), [...aliasTokens(alias.text), 's']]
        : [aliasTokens(alias.text)];
      for (const tokens of variants) {
        let node = root;
        for (const raw of tokens) {
          const token = raw.startsWith('\u0004') ? raw.slice(1).toLowerCase() : raw.toLowerCase();
          let child = node.next.get(token);
          if (!child) node.next.set(token, (child = { next: new Map(), terminal: false }));
          node = child;
        }
        node.terminal = true;
      }
      keys.set(aliasKey(alias.text), entry.id);
      if (alias.plural) keys.set(`${aliasKey(alias.text)}s`, entry.id);
    }
  }
  const isWord = (c: string | undefined): boolean =>
    c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
  const isSep = (c: string | undefined): boolean =>
    c !== undefined && /[\s\-\u2010\u2011]/u.test(c);
  const isApos = (c: string | undefined): boolean =>
    c !== undefined && /['\u2019\u2018\u02BC]/.test(c);
  // Longest end reachable from `node` at `i`, or -1.
  const walk = (lower: string, text: string, node: AutomatonNode, i: number): number => {
    let best = node.terminal && !isWord(text[i]) ? i : -1;
    const c = lower[i];
    if (c === undefined) return best;
    const literal = node.next.get(c);
    if (literal) best = Math.max(best, walk(lower, text, literal, i + 1));
    const apos = node.next.get('\u0003');
    if (apos && isApos(c)) best = Math.max(best, walk(lower, text, apos, i + 1));
    const wordSep = node.next.get('\u0001');
    if (wordSep && isSep(c)) {
      let j = i;
      while (isSep(text[j])) j++;
      best = Math.max(best, walk(lower, text, wordSep, j));
    }
    const optSep = node.next.get('\u0002');
    if (optSep) {
      best = Math.max(best, walk(lower, text, optSep, i));
      if (isSep(c)) best = Math.max(best, walk(lower, text, optSep, i + 1));
    }
    return best;
  };
  return {
    findMentions(text: string) {
      const lower = text.toLowerCase();
      const mentions = [];
      let i = 0;
      while (i < text.length) {
        if (isWord(text[i - 1]) || !root.next.has(lower[i]!)) {
          i++;
          continue;
        }
        const end = walk(lower, text, root, i);
        const id = end > i ? keys.get(stripSeparators(lower.slice(i, end))) : undefined;
        if (id) {
          mentions.push({ id, start: i, end, text: text.slice(i, end) });
          i = end;
        } else i++;
      }
      return mentions;
    },
  };
}

/** Measures glossary compile time and matcher throughput; returns one row per case. */
export function benchMatcher(options: MatcherBenchOptions): MatcherBenchRow[] {
  const now = options.now ?? (() => performance.now());
  const runs = options.runs ?? 5;
  const rows: MatcherBenchRow[] = [];

  // Cold start as in a content script: a pre-built pattern (JSON) to a working matcher.
  const compiled = JSON.parse(JSON.stringify(compilePattern(options.entries))) as CompiledGlossary;
  const t0 = now();
  matcherFromCompiled(compiled).findMentions('Nvidia warms the pattern up.');
  const coldStart = now() - t0;
  rows.push({
    case: 'pre-built pattern -> first findMentions, cold',
    sizeMb: 0,
    ms: coldStart,
    mbPerSecond: 0,
    mentionsPerSecond: 0,
    mentions: 0,
  });

  const compileTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    compileMatcher(options.entries).findMentions('warm');
    compileTimes.push(now() - t0);
  }
  rows.push({
    case: 'compileMatcher (entries -> matcher), first',
    sizeMb: 0,
    ms: compileTimes[0]!,
    mbPerSecond: 0,
    mentionsPerSecond: 0,
    mentions: 0,
  });
  rows.push({
    case: 'compile, warm median',
    sizeMb: 0,
    ms: median(compileTimes),
    mbPerSecond: 0,
    mentionsPerSecond: 0,
    mentions: 0,
  });
  const patternTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    compilePattern(options.entries);
    patternTimes.push(now() - t0);
  }
  rows.push({
    case: 'compilePattern only, median',
    sizeMb: 0,
    ms: median(patternTimes),
    mbPerSecond: 0,
    mentionsPerSecond: 0,
    mentions: 0,
  });

  const variants: [string, Pick<Matcher, 'findMentions'>][] = [
    ['pattern, JS left boundary (default)', compileMatcher(options.entries)],
    ['pattern, lookbehind', compileMatcher(options.entries, { leftBoundary: 'lookbehind' })],
    ['JS trie automaton', compileAutomaton(options.entries)],
  ];
  // The page's way: every block with its neighbours as context (scanBlocks).
  const shipped = variants[0]![1] as Matcher;
  variants.push([
    'scanBlocks (default, with context windows)',
    {
      findMentions: () => [],
      scanAll: (blocks: string[]) =>
        scanBlocks(
          shipped,
          blocks.map((text) => ({ text, lang: null })),
        ).reduce((n, mentions) => n + mentions.length, 0),
    } as Pick<Matcher, 'findMentions'>,
  ]);
  for (const sizeMb of options.sizesMb ?? [1, 5]) {
    const blocks = generateArticle(options.paragraphs, sizeMb);
    const chars = blocks.reduce((n, b) => n + b.length, 0);
    for (const [name, matcher] of variants) {
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
  return rows;
}

/** Formats benchmark rows as a plain-text table. */
export function formatBenchTable(rows: MatcherBenchRow[]): string {
  const header = ['case', 'size', 'ms', 'ms/MB', 'MB/s', 'mentions/s', 'mentions'];
  const lines = rows.map((r) =>
    r.sizeMb === 0
      ? [r.case, '-', r.ms.toFixed(2), '-', '-', '-', '-']
      : [
          r.case,
          `${r.sizeMb} MB`,
          r.ms.toFixed(1),
          (r.ms / r.sizeMb).toFixed(1),
          r.mbPerSecond.toFixed(1),
          Math.round(r.mentionsPerSecond).toLocaleString('en'),
          String(r.mentions),
        ],
  );
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
