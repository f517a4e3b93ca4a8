import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { createSearchIndex, foldForSearch } from '../../../src/glossary/search';
import type { Entry } from '../../../src/glossary/types';

const index = createSearchIndex(bundledGlossary().entries);
const ids = (query: string, limit?: number): string[] =>
  index.search(query, limit).map((hit) => hit.entry.id);

describe('foldForSearch', () => {
  it('lowers case, removes accents and turns punctuation into single spaces', () => {
    expect(foldForSearch('  Souveraineté  Technologique ')).toBe('souverainete technologique');
    expect(foldForSearch('l’UE')).toBe('l ue');
    expect(foldForSearch('Trainium-2')).toBe('trainium 2');
    expect(foldForSearch('« Chips Act »')).toBe('chips act');
  });
});

describe('createSearchIndex on the bundled glossary', () => {
  it.each([
    ['trainum', 'trainium'],
    ['nvdia', 'nvidia'],
    ['souverainete', 'technological-sovereignty'],
    ['loi europeenne puces', 'eu-chips-act'],
  ])('finds the right entry first despite typos or missing accents: %s', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it.each([
    ['Arm', 'arm'],
    ['TPU', 'google-tpu'],
    ['Trainium 2', 'trainium-2'],
    ['trainium', 'trainium'],
  ])('ranks the exact name or alias hit first: %s', (query, id) => {
    const hits = index.search(query);
    expect(hits[0]?.entry.id).toBe(id);
    expect(hits[0]?.tier).toBe(0);
  });

  it('ranks exact hits above prefix hits and prefix hits above fuzzy ones', () => {
    const hits = index.search('Trainium');
    expect(hits.map((h) => h.entry.id).slice(0, 3)).toEqual([
      'trainium',
      'trainium-2',
      'trainium-3',
    ]);
    const tiers = hits.map((h) => h.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      if (a.tier === b.tier) expect(a.score).toBeLessThanOrEqual(b.score);
    }
  });

  it('ranks the spaced name "Trainium 2" as an exact hit on trainium-2, not trainium', () => {
    const hits = index.search('Trainium 2');
    expect(hits[0]?.entry.id).toBe('trainium-2');
    const trainium = hits.find((h) => h.entry.id === 'trainium');
    if (trainium) expect(trainium.tier).toBeGreaterThan(0);
  });

  it('finds entries by their English and their French names', () => {
    expect(ids('technological sovereignty')[0]).toBe('technological-sovereignty');
    expect(ids('Souveraineté technologique')[0]).toBe('technological-sovereignty');
    expect(ids('European Chips Act')[0]).toBe('eu-chips-act');
    expect(ids('Loi européenne sur les puces')[0]).toBe('eu-chips-act');
    expect(ids('règlement européen sur les semi-conducteurs')[0]).toBe('eu-chips-act');
  });

  it('ignores case and accents', () => {
    const expected = ids('nvidia');
    expect(expected[0]).toBe('nvidia');
    for (const query of ['NVIDIA', 'Nvidia', 'nvídia', 'NVÌDIA'])
      expect(ids(query)).toEqual(expected);
    expect(ids('SOUVERAINETÉ')).toEqual(ids('souverainete'));
  });

  it('returns nothing for an empty or blank query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search(' - ’ ')).toEqual([]);
  });

  it('returns nothing for a query that matches no entry', () => {
    expect(index.search('zzzzqqqxxk')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.search('a', 3).length).toBeLessThanOrEqual(3);
    expect(index.search('nvidia', 2)).toHaveLength(2);
    expect(index.search('nvidia', 1).map((h) => h.entry.id)).toEqual(['nvidia']);
    expect(index.search('chip').length).toBeLessThanOrEqual(20);
  });

  it('returns each entry at most once', () => {
    for (const query of ['nvidia', 'chips act', 'tpu', 'souverainete']) {
      const found = ids(query, 100);
      expect(new Set(found).size).toBe(found.length);
    }
  });
});

describe('createSearchIndex on small data', () => {
  function entry(id: string, en: string, fr: string, aliases: string[] = []): Entry {
    const text = { en: `${en} summary`, fr: `${fr} résumé` };
    return {
      id,
      kind: 'company',
      name: { en, fr },
      summary: text,
      dependency: text,
      sovereignty: text,
      jurisdiction: ['US'],
      aliases: aliases.map((a) => ({ text: a })),
      facts: [],
      relations: [],
      reviewed: '2025-01-01',
    };
  }

  it('finds an entry by an alias only', () => {
    const small = createSearchIndex([
      entry('alpha', 'Alpha', 'Alpha', ['Zeta Corp']),
      entry('beta', 'Beta', 'Bêta'),
    ]);
    expect(small.search('zeta corp').map((h) => h.entry.id)).toEqual(['alpha']);
    expect(small.search('zeta corp')[0]?.tier).toBe(0);
  });

  it('finds an entry by its French name with or without accents', () => {
    const small = createSearchIndex([entry('beta', 'Beta', 'Bêtà Société')]);
    expect(small.search('beta societe')[0]?.entry.id).toBe('beta');
    expect(small.search('BÊTÀ SOCIÉTÉ')[0]?.tier).toBe(0);
  });
});
