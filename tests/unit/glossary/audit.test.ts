import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  auditCommand,
  mulberry32,
  parseArgs,
  runAudit,
  sampleFacts,
} from '../../../scripts/glossary-audit';
import type { Glossary } from '../../../src/glossary/types';

const base = fileURLToPath(
  new URL('../../fixtures/glossary-truth/valid-base.json', import.meta.url),
);

/** A glossary of `entries` entries with `facts` facts each, accessed on consecutive days. */
function glossary(entries: number, facts: number): Glossary {
  return {
    version: 1,
    entries: Array.from({ length: entries }, (_, e) => ({
      id: `entry-${String(e).padStart(2, '0')}`,
      facts: Array.from({ length: facts }, (_, f) => ({
        date: '2025',
        en: `Fact ${e}.${f}`,
        fr: `Fait ${e}.${f}`,
        source: `https://example.org/${e}/${f}`,
        confidence: 'verified',
        accessed: `2026-11-${String(1 + f).padStart(2, '0')}`,
      })),
    })),
  } as unknown as Glossary;
}

const keys = (sample: { entry: string; path: string }[]): string[] =>
  sample.map((f) => `${f.entry} ${f.path}`);

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('sampleFacts', () => {
  const data = glossary(20, 10);

  it('draws the same sample for the same seed and data', () => {
    const one = sampleFacts(data, { sample: 30, seed: 7 });
    const two = sampleFacts(structuredClone(data), { sample: 30, seed: 7 });
    expect(one).toHaveLength(30);
    expect(keys(two)).toEqual(keys(one));
    expect(new Set(keys(one)).size).toBe(30);
  });

  it('does not depend on the order of the entries', () => {
    const reversed = { ...data, entries: [...data.entries].reverse() };
    expect(keys(sampleFacts(reversed, { sample: 30, seed: 7 }))).toEqual(
      keys(sampleFacts(data, { sample: 30, seed: 7 })),
    );
  });

  it('draws another sample for another seed', () => {
    expect(keys(sampleFacts(data, { sample: 30, seed: 8 }))).not.toEqual(
      keys(sampleFacts(data, { sample: 30, seed: 7 })),
    );
  });

  it('lists the sample in id then fact order', () => {
    const sample = keys(sampleFacts(data, { sample: 50, seed: 3 }));
    const index = (key: string): number => {
      const [, entry, fact] = /entry-(\d+) facts\[(\d+)\]/.exec(key)!;
      return Number(entry) * 100 + Number(fact);
    };
    expect(sample.map(index)).toEqual([...sample.map(index)].sort((a, b) => a - b));
  });

  it('takes every fact when the sample is larger than the population', () => {
    expect(sampleFacts(glossary(2, 3), { sample: 30, seed: 1 })).toHaveLength(6);
  });

  it('filters by entry ids and by accessed date', () => {
    const sample = sampleFacts(data, {
      sample: 100,
      seed: 1,
      ids: ['entry-03', 'entry-11'],
      accessedSince: '2026-11-09',
    });
    expect(keys(sample)).toEqual([
      'entry-03 facts[8]',
      'entry-03 facts[9]',
      'entry-11 facts[8]',
      'entry-11 facts[9]',
    ]);
    expect(() => sampleFacts(data, { sample: 1, seed: 1, ids: ['nope'] })).toThrow(/no entry nope/);
  });
});

describe('glossary:audit arguments and output', () => {
  it('parses the options and rebuilds the command', () => {
    const args = parseArgs(['--sample', '40', '--seed', '12', '--ids', 'rhea,asml', '--json']);
    expect(args).toMatchObject({ sample: 40, seed: 12, ids: ['rhea', 'asml'], json: true });
    expect(auditCommand(args)).toBe(
      'npm run glossary:audit -- --sample 40 --seed 12 --ids rhea,asml',
    );
  });

  it('requires a seed and rejects unknown arguments', () => {
    expect(() => parseArgs(['--sample', '30'])).toThrow(/--seed/);
    expect(() => parseArgs(['--seed', '1', '--simple', '3'])).toThrow(/unknown argument --simple/);
    expect(() => parseArgs(['--seed', '1', '--accessed-since', '2026-11'])).toThrow(/YYYY-MM-DD/);
  });

  it('prints each fact with its source and a table to fill in', () => {
    const output = runAudit(['--sample', '2', '--seed', '5', '--glossary', base], '2026-12-04');
    expect(output).toContain('seed 5, 2 of 3 facts');
    expect(output).toMatch(/source: {5}https:\/\/example\.org\/source-\d/);
    expect(output).toContain('accessed:   2026-11-28');
    expect(output).toContain('| entry | fact | verdict | note |');
    expect(output.match(/^\| [a-z-]+ \| facts\[\d\] \| {2}\| {2}\|$/gm)).toHaveLength(2);
    expect(runAudit(['--sample', '2', '--seed', '5', '--glossary', base], '2026-12-04')).toBe(
      output,
    );
  });

  it('prints JSON with the seed, the command and the facts', () => {
    const output = JSON.parse(
      runAudit(['--sample', '3', '--seed', '9', '--json', '--glossary', base], '2026-12-04'),
    ) as { seed: number; sampleSize: number; population: number; facts: { entry: string }[] };
    expect(output).toMatchObject({ seed: 9, sampleSize: 3, population: 3 });
    expect(output.facts.map((f) => f.entry)).toEqual(['chip-a', 'chip-a', 'designer-b']);
  });
});
