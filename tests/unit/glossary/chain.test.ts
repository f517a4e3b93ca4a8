import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyChain, relationsOf, type DependencyChain } from '../../../src/glossary/chain';
import { indexGlossary } from '../../../src/glossary/glossary-index';
import { assembleEntryFiles, readEntryFiles } from '../../../src/glossary/load-glossary';
import type { Entry, Glossary, Kind, Relation } from '../../../src/glossary/types';
import { validateGlossary } from '../../../src/glossary/validate';

function entry(
  id: string,
  kind: Kind,
  jurisdiction: string[],
  relations: [Relation['type'], string][] = [],
): Entry {
  const text = { en: `${id} (en)`, fr: `${id} (fr)` };
  const fact = (n: number) => ({
    date: '2025',
    en: `Fact ${n}.`,
    fr: `Fait ${n}.`,
    source: `https://example.org/${id}/${n}`,
    confidence: 'verified' as const,
  });
  return {
    id,
    kind,
    name: { en: `Name ${id}`, fr: `Nom ${id}` },
    summary: text,
    dependency: text,
    sovereignty: text,
    jurisdiction,
    aliases: [{ text: `Alias ${id}` }],
    facts: [fact(1), fact(2)],
    relations: relations.map(([type, target]) => ({ type, target })),
    reviewed: '2026-11-28',
  };
}

/**
 * chip -> designer -> parent -> chip (cycle through the root)
 * chip -> foundry -> litho -> toolmaker -> foundry (cycle away from the root)
 * chip -> memory -> foundry (reached twice)
 * chip -> stack -> other-chip (runsOn: an alternative platform, not a dependency)
 */
const small: Glossary = {
  version: 1,
  entries: [
    entry(
      'chip',
      'chip',
      ['US'],
      [
        ['competesWith', 'rival'],
        ['uses', 'stack'],
        ['dependsOn', 'memory'],
        ['manufacturedBy', 'foundry'],
        ['designedBy', 'designer'],
        ['subjectTo', 'law'],
      ],
    ),
    entry('designer', 'company', ['IL'], [['ownedBy', 'parent']]),
    entry(
      'parent',
      'company',
      ['US'],
      [
        ['dependsOn', 'chip'],
        ['fundedBy', 'investor'],
      ],
    ),
    entry('foundry', 'company', ['TW'], [['dependsOn', 'litho']]),
    entry('litho', 'technology', ['NL'], [['manufacturedBy', 'toolmaker']]),
    entry('toolmaker', 'company', ['NL'], [['dependsOn', 'foundry']]),
    entry('memory', 'technology', ['KR', 'US'], [['manufacturedBy', 'foundry']]),
    entry('rival', 'chip', ['CN']),
    entry('investor', 'company', ['JP']),
    entry('law', 'policy', ['US']),
    entry(
      'stack',
      'software',
      ['US'],
      [
        ['runsOn', 'chip'],
        ['runsOn', 'other-chip'],
        ['ownedBy', 'parent'],
      ],
    ),
    entry('other-chip', 'chip', ['US'], [['manufacturedBy', 'foundry']]),
  ],
};

const ids = (chain: DependencyChain | undefined): string[] =>
  chain?.steps.map((step) => step.id) ?? [];

describe('dependencyChain on a small glossary', () => {
  it('starts from a fixture that passes validation', () => {
    expect(validateGlossary(small).problems).toEqual([]);
  });

  it('lists dependencies breadth-first: designer, maker, needs, then theirs', () => {
    const chain = dependencyChain(small, 'chip');
    expect(chain?.steps.map(({ id, via, depth, parent }) => ({ id, via, depth, parent }))).toEqual([
      { id: 'designer', via: 'designedBy', depth: 1, parent: 'chip' },
      { id: 'foundry', via: 'manufacturedBy', depth: 1, parent: 'chip' },
      { id: 'memory', via: 'dependsOn', depth: 1, parent: 'chip' },
      { id: 'parent', via: 'ownedBy', depth: 2, parent: 'designer' },
      { id: 'litho', via: 'dependsOn', depth: 2, parent: 'foundry' },
      { id: 'toolmaker', via: 'manufacturedBy', depth: 3, parent: 'litho' },
    ]);
  });

  it('survives cycles and lists each entry once, never the root', () => {
    const chain = dependencyChain(small, 'toolmaker');
    expect(ids(chain)).toEqual(['foundry', 'litho']);
    expect(ids(dependencyChain(small, 'chip'))).not.toContain('chip');
  });

  it('gives each step its name, kind and jurisdiction for the card', () => {
    const chain = dependencyChain(small, 'chip');
    expect(chain?.root).toEqual({
      id: 'chip',
      name: { en: 'Name chip', fr: 'Nom chip' },
      kind: 'chip',
      jurisdiction: ['US'],
    });
    expect(chain?.steps[0]).toMatchObject({
      name: { en: 'Name designer', fr: 'Nom designer' },
      kind: 'company',
      jurisdiction: ['IL'],
    });
  });

  it('summarises jurisdictions in order of first appearance, the root first', () => {
    expect(dependencyChain(small, 'chip')?.jurisdictions).toEqual(['US', 'IL', 'TW', 'KR', 'NL']);
  });

  it('follows neither competesWith, fundedBy, subjectTo nor uses', () => {
    const chain = dependencyChain(small, 'chip');
    expect(ids(chain)).not.toContain('law');
    expect(ids(chain)).not.toContain('rival');
    expect(ids(chain)).not.toContain('investor');
    expect(ids(chain)).not.toContain('stack');
  });

  it('follows runsOn from the root only', () => {
    expect(ids(dependencyChain(small, 'stack'))).toEqual([
      'chip',
      'other-chip',
      'parent',
      'designer',
      'foundry',
      'memory',
      'litho',
      'toolmaker',
    ]);
    const withStack = dependencyChain(small, 'chip', {
      types: ['uses', 'designedBy', 'runsOn'],
    });
    expect(ids(withStack)).toEqual(['stack', 'designer']);
  });

  it('stops at maxDepth', () => {
    const chain = dependencyChain(small, 'chip', { maxDepth: 1 });
    expect(ids(chain)).toEqual(['designer', 'foundry', 'memory']);
    expect(chain?.jurisdictions).toEqual(['US', 'IL', 'TW', 'KR']);
  });

  it('carries relation notes', () => {
    const noted: Glossary = structuredClone(small);
    noted.entries[0]!.relations[3]!.note = { en: 'N5 process', fr: 'procédé N5' };
    expect(dependencyChain(noted, 'chip')?.steps[1]).toMatchObject({
      id: 'foundry',
      note: { en: 'N5 process', fr: 'procédé N5' },
    });
  });

  it('skips relations to missing entries and returns undefined for an unknown id', () => {
    const dangling: Glossary = structuredClone(small);
    dangling.entries[0]!.relations.push({ type: 'dependsOn', target: 'ghost' });
    expect(ids(dependencyChain(dangling, 'chip'))).not.toContain('ghost');
    expect(dependencyChain(small, 'ghost')).toBeUndefined();
  });

  it('accepts a prebuilt index', () => {
    const index = indexGlossary(small);
    expect(dependencyChain(index, 'chip')).toEqual(dependencyChain(small, 'chip'));
  });
});

describe('relationsOf', () => {
  it('lists outgoing relations in data order and incoming ones in entry order', () => {
    const relations = relationsOf(small, 'foundry');
    expect(relations?.outgoing.map(({ type, id }) => `${type} ${id}`)).toEqual(['dependsOn litho']);
    expect(relations?.incoming.map(({ type, id }) => `${id} ${type}`)).toEqual([
      'chip manufacturedBy',
      'toolmaker dependsOn',
      'memory manufacturedBy',
      'other-chip manufacturedBy',
    ]);
    expect(relations?.incoming[0]?.entry?.name.en).toBe('Name chip');
  });

  it('includes relations that are not dependencies', () => {
    expect(relationsOf(small, 'rival')?.incoming).toMatchObject([
      { type: 'competesWith', id: 'chip' },
    ]);
  });

  it('returns undefined for an unknown id', () => {
    expect(relationsOf(small, 'ghost')).toBeUndefined();
  });
});

describe('dependency chains of the real glossary', () => {
  // Read without validation so that each chain is checked even when another entry is broken
  // (validity has its own test in validate.test.ts).
  const glossary = assembleEntryFiles(
    readEntryFiles(fileURLToPath(new URL('../../../data/glossary', import.meta.url))),
  ).data as unknown as Glossary;
  const index = indexGlossary(glossary);

  function reached(id: string): Map<string, string[]> {
    const chain = dependencyChain(index, id);
    if (!chain) throw new Error(`data/glossary has no entry ${id}`);
    return new Map(chain.steps.map((step) => [step.id, step.jurisdiction]));
  }

  it('tsmc depends on ASML lithography, so chips made by TSMC reach ASML (NL)', () => {
    expect(reached('tsmc').get('asml')).toEqual(['NL']);
  });

  it.each([
    ['trainium-2', 'annapurna-labs'],
    ['google-tpu', 'google'],
    ['microsoft-maia', 'microsoft'],
    ['rhea', 'sipearl'],
  ])('%s chain shows its designer %s, reaches tsmc (TW) and asml (NL)', (chip, designer) => {
    const steps = reached(chip);
    expect(steps.has(designer)).toBe(true);
    expect(steps.get('tsmc')).toEqual(['TW']);
    expect(steps.get('asml')).toEqual(['NL']);
  });

  it('trainium-2 chain reaches Amazon (US) and HBM makers in Korea', () => {
    const chain = dependencyChain(index, 'trainium-2');
    expect(ids(chain)).toContain('amazon');
    expect(ids(chain)).toContain('hbm');
    expect(chain?.jurisdictions).toEqual(expect.arrayContaining(['US', 'TW', 'NL', 'KR']));
  });

  it('trainium-2 chain lists neither its sibling chips nor its competitors', () => {
    const chain = ids(dependencyChain(index, 'trainium-2'));
    expect(chain).not.toContain('inferentia');
    expect(chain).not.toContain('trainium-3');
    expect(chain).not.toContain('nvidia-hopper');
  });

  it('rhea chain shows a European designer (FR) and Arm (GB, JP)', () => {
    const steps = reached('rhea');
    expect(steps.get('sipearl')).toEqual(['FR']);
    expect(steps.has('arm')).toBe(true);
  });

  it('cuda chain reaches nvidia (US), the gpu and tsmc (TW)', () => {
    const chain = dependencyChain(index, 'cuda');
    expect(chain?.steps[0]).toMatchObject({ id: 'nvidia', via: 'designedBy', depth: 1 });
    expect(ids(chain)).toContain('gpu');
    expect(reached('cuda').get('tsmc')).toEqual(['TW']);
  });
});
