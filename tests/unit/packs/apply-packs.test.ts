import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import type { Entry } from '../../../src/glossary/types';
import { applyPacks } from '../../../src/packs/apply-packs';
import type { InstalledPack } from '../../../src/packs/pack-format';
import { copyOf, installed, testPack } from './pack-fixtures';

const bundled = bundledGlossary();

/** An installed test pack `id` titled "Pack <id>" holding `entries`. */
const pack = (id: string, entries: Entry[]): InstalledPack =>
  installed(testPack({ id, title: `Pack ${id}`, entries }));
const ids = (entries: Entry[]) => entries.map((e) => e.id);
const aliasesOf = (entries: Entry[], id: string) =>
  entries.find((e) => e.id === id)?.aliases.map((a) => a.text);

describe('applyPacks: ids', () => {
  it('applies entries with new ids and says where each comes from', () => {
    const a = pack('a', [copyOf('cuda', 'test-cuda-a', ['Test CUDA A'])]);
    const result = applyPacks(bundled, [a], []);
    expect(ids(result.entries)).toEqual(['test-cuda-a']);
    expect(result.entries[0]).toBe(a.entries[0]);
    expect(result.conflicts).toEqual([]);
    expect(result.origin).toEqual(
      new Map([
        [
          'test-cuda-a',
          { packId: 'a', title: 'Pack a', publisher: 'Sovereignty Lens tests', version: '1.0.0' },
        ],
      ]),
    );
  });

  it('does not apply an entry whose id is bundled, and reports it', () => {
    const result = applyPacks(bundled, [pack('a', [copyOf('cuda', 'cuda', ['Test CUDA'])])], []);
    expect(result.entries).toEqual([]);
    expect(result.origin.size).toBe(0);
    expect(result.conflicts).toEqual([
      {
        kind: 'id',
        packId: 'a',
        entry: 'cuda',
        heldBy: { source: 'bundled', entry: 'cuda' },
        message:
          'The entry "cuda" of the pack "Pack a" is not applied: the bundled entry "cuda" has the same id.',
      },
    ]);
  });

  it('lets the pack installed first keep an id, whatever the order', () => {
    const a = pack('a', [copyOf('cuda', 'shared', ['Test A'])]);
    const b = pack('b', [copyOf('tsmc', 'shared', ['Test B'])]);
    for (const [winner, loser] of [
      [a, b],
      [b, a],
    ] as const) {
      const result = applyPacks(bundled, [winner, loser], []);
      expect(result.entries).toEqual(winner.entries);
      expect(result.origin.get('shared')?.packId).toBe(winner.id);
      expect(result.conflicts).toEqual([
        expect.objectContaining({
          kind: 'id',
          packId: loser.id,
          entry: 'shared',
          heldBy: { source: 'pack', packId: winner.id, entry: 'shared' },
          message: `The entry "shared" of the pack "Pack ${loser.id}" is not applied: the entry "shared" of the pack "Pack ${winner.id}" has the same id.`,
        }),
      ]);
    }
  });

  it("never displaces the reader's own entry", () => {
    const own = copyOf('cuda', 'my-cuda', ['My CUDA']);
    const result = applyPacks(
      bundled,
      [pack('a', [copyOf('tsmc', 'my-cuda', ['Pack CUDA'])])],
      [own],
    );
    expect(result.entries).toEqual([]);
    expect(result.conflicts[0]).toMatchObject({
      kind: 'id',
      heldBy: { source: 'user', entry: 'my-cuda' },
      message: expect.stringContaining('your own entry "my-cuda" has the same id'),
    });
  });
});

describe('applyPacks: aliases', () => {
  it('drops an alias a bundled entry marks, keeps the others, and reports it', () => {
    const a = pack('a', [copyOf('cuda', 'test-cuda', ['CUDA', 'Test CUDA'])]);
    const result = applyPacks(bundled, [a], []);
    expect(aliasesOf(result.entries, 'test-cuda')).toEqual(['Test CUDA']);
    expect(result.conflicts).toEqual([
      {
        kind: 'alias',
        packId: 'a',
        entry: 'test-cuda',
        alias: 'CUDA',
        heldBy: { source: 'bundled', entry: 'cuda' },
        message:
          'The alias "CUDA" of the entry "test-cuda" of the pack "Pack a" is dropped: the bundled entry "cuda" already marks that text.',
      },
    ]);
    expect(a.entries[0]?.aliases).toHaveLength(2);
  });

  it('compares the collision forms: case, accents, spacing and plurals', () => {
    const a = pack('a', [copyOf('gpu', 'test-gpu', ['gpus', 'Cúda', 'Test GPU'])]);
    const result = applyPacks(bundled, [a], []);
    expect(aliasesOf(result.entries, 'test-gpu')).toEqual(['Test GPU']);
    expect(result.conflicts.map((c) => `${c.alias} ${c.heldBy.entry}`)).toEqual([
      'gpus gpu',
      'Cúda cuda',
    ]);
  });

  it('keeps an alias when both it and the winner carry context cues', () => {
    const cued = { text: 'Adastra', context: ['rocket'] };
    const result = applyPacks(bundled, [pack('a', [copyOf('cuda', 'test-rocket', [cued])])], []);
    expect(aliasesOf(result.entries, 'test-rocket')).toEqual(['Adastra']);
    expect(result.conflicts).toEqual([]);
  });

  it('drops an alias with cues when the winner has none, and one without cues when it has', () => {
    const cued = { text: 'CUDA', context: ['rocket'] };
    const bare = 'Adastra';
    const result = applyPacks(
      bundled,
      [pack('a', [copyOf('cuda', 'test-two', [cued, bare, 'Test Two'])])],
      [],
    );
    expect(aliasesOf(result.entries, 'test-two')).toEqual(['Test Two']);
    expect(result.conflicts.map((c) => c.heldBy.entry)).toEqual(['cuda', 'adastra']);
  });

  it('keeps an entry left without aliases, reported as no longer marked', () => {
    const result = applyPacks(
      bundled,
      [pack('a', [copyOf('cuda', 'test-cuda', ['CUDA', 'TSMC'])])],
      [],
    );
    expect(ids(result.entries)).toEqual(['test-cuda']);
    expect(result.entries[0]?.aliases).toEqual([]);
    expect(result.conflicts.map((c) => c.unmarked)).toEqual([undefined, true]);
    expect(result.conflicts[1]?.message).toBe(
      'The alias "TSMC" of the entry "test-cuda" of the pack "Pack a" is dropped: the bundled entry "tsmc" already marks that text. "test-cuda" has no alias left: it stays in search, cards and the graph, but pages do not mark it.',
    );
  });

  it('lets an earlier pack keep its alias, and the reader keep theirs', () => {
    const a = pack('a', [copyOf('cuda', 'test-a', ['Shared Name'])]);
    const b = pack('b', [copyOf('cuda', 'test-b', ['Shared Name', 'Own Name', 'Test B'])]);
    const own = copyOf('cuda', 'my-entry', ['Own Name']);
    const result = applyPacks(bundled, [a, b], [own]);
    expect(aliasesOf(result.entries, 'test-a')).toEqual(['Shared Name']);
    expect(aliasesOf(result.entries, 'test-b')).toEqual(['Test B']);
    expect(result.conflicts.map((c) => c.heldBy)).toEqual([
      { source: 'pack', packId: 'a', entry: 'test-a' },
      { source: 'user', entry: 'my-entry' },
    ]);
    expect(result.conflicts[0]?.message).toContain('the entry "test-a" of the pack "Pack a"');
  });

  it('does not let an entry that was not applied, or an alias that was dropped, hold anything', () => {
    const a = pack('a', [
      copyOf('cuda', 'cuda', ['Lost Name']),
      copyOf('tsmc', 'test-a', ['CUDA', 'A']),
    ]);
    const b = pack('b', [copyOf('cuda', 'test-b', ['Lost Name', 'CUDA', 'B'])]);
    const result = applyPacks(bundled, [a, b], []);
    expect(aliasesOf(result.entries, 'test-b')).toEqual(['Lost Name', 'B']);
    expect(result.conflicts.map((c) => `${c.entry} ${c.kind} ${c.heldBy.source}`)).toEqual([
      'cuda id bundled',
      'test-a alias bundled',
      'test-b alias bundled',
    ]);
  });
});
