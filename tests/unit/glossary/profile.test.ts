import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { indexGlossary } from '../../../src/glossary/glossary-index';
import { jurisdictionProfile } from '../../../src/glossary/profile';
import type { Entry, Glossary } from '../../../src/glossary/types';

function entry(id: string, jurisdiction: string[]): Entry {
  const text = { en: id, fr: id };
  return {
    id,
    kind: 'company',
    name: text,
    summary: text,
    dependency: text,
    sovereignty: text,
    jurisdiction,
    aliases: [],
    facts: [],
    relations: [],
    reviewed: '2025-01-01',
  };
}

const glossary: Glossary = {
  version: 1,
  entries: [
    entry('us-1', ['US']),
    entry('us-2', ['US']),
    entry('us-3', ['US', 'EU']),
    entry('tw-1', ['TW']),
    entry('eu-1', ['EU']),
    entry('cn-1', ['CN']),
    entry('none', []),
  ],
};
const index = indexGlossary(glossary);

describe('jurisdictionProfile', () => {
  it('counts each entity once, under its first jurisdiction, largest share first', () => {
    expect(jurisdictionProfile(['us-1', 'tw-1', 'us-3', 'us-2', 'eu-1'], index)).toEqual({
      total: 5,
      shares: [
        { code: 'US', count: 3 },
        { code: 'EU', count: 1 },
        { code: 'TW', count: 1 },
      ],
    });
  });

  it('counts a repeated id once', () => {
    expect(jurisdictionProfile(['us-1', 'us-1', 'us-1'], index)).toEqual({
      total: 1,
      shares: [{ code: 'US', count: 1 }],
    });
  });

  it('orders equal shares by code', () => {
    const profile = jurisdictionProfile(['tw-1', 'cn-1', 'eu-1'], index);
    expect(profile.shares.map((s) => s.code)).toEqual(['CN', 'EU', 'TW']);
  });

  it('skips unknown ids and entries without a jurisdiction', () => {
    expect(jurisdictionProfile(['missing', 'none', 'cn-1'], index)).toEqual({
      total: 1,
      shares: [{ code: 'CN', count: 1 }],
    });
  });

  it('returns an empty profile for no ids', () => {
    expect(jurisdictionProfile([], index)).toEqual({ total: 0, shares: [] });
  });

  it('accepts any iterable of ids', () => {
    const ids = new Set(['us-1', 'eu-1']);
    expect(jurisdictionProfile(ids.values(), index).total).toBe(2);
  });

  it('adds up to the total on the bundled glossary', () => {
    const bundled = indexGlossary(bundledGlossary());
    const ids = bundledGlossary().entries.map((e) => e.id);
    const profile = jurisdictionProfile(ids, bundled);
    expect(profile.total).toBe(ids.length);
    expect(profile.shares.reduce((sum, s) => sum + s.count, 0)).toBe(profile.total);
    const counts = profile.shares.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
