import { describe, expect, it } from 'vitest';
import { compareVersions, type InstalledPack } from '../../../src/packs/pack-format';
import { installPack, removePack } from '../../../src/packs/install';
import { installed, testPack } from './pack-fixtures';

const NOW = '2026-12-04T12:00:00.000Z';
const first = installed(testPack({ id: 'first', title: 'First' }));
const second = installed(testPack({ id: 'second', title: 'Second', version: '1.2.0' }));
const third = installed(testPack({ id: 'third', title: 'Third' }));
const list = (): InstalledPack[] => structuredClone([first, second, third]);

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0', '10.0.0', -1],
    ['0.9.9', '1.0.0', -1],
    ['12345678901234567890.0.0', '12345678901234567891.0.0', -1],
  ])('compares %s with %s numerically', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });
});

describe('installPack', () => {
  it('adds a new pack last, stamped with the time, every entry added', () => {
    const before = list();
    const pack = testPack({ id: 'fourth', title: 'Fourth' });
    const result = installPack(before, pack, NOW);
    expect(result.packs?.map((p) => p.id)).toEqual(['first', 'second', 'third', 'fourth']);
    expect(result.packs?.[3]).toEqual({ ...pack, installedAt: NOW });
    expect(result.change).toEqual({
      kind: 'added',
      added: ['chip-a', 'designer-b', 'foundry-c'],
      changed: [],
      removed: [],
      retired: [],
    });
    expect(before).toEqual(list());
  });

  it('replaces an older version in place, keeping its precedence, and says what changed', () => {
    const before = list();
    const [chip, designer, foundry] = structuredClone(second.entries);
    chip!.summary = { en: 'Changed.', fr: 'Modifié.' };
    const added = { ...structuredClone(foundry!), id: 'foundry-d' };
    const pack = testPack({
      id: 'second',
      title: 'Second',
      version: '1.10.0',
      entries: [chip!, added, designer!],
      retired: ['foundry-c'],
    });
    const result = installPack(before, pack, NOW);
    expect(result.packs?.map((p) => `${p.id} ${p.version}`)).toEqual([
      'first 1.0.0',
      'second 1.10.0',
      'third 1.0.0',
    ]);
    expect(result.packs?.[1]?.installedAt).toBe(NOW);
    expect(result.change).toEqual({
      kind: 'updated',
      from: '1.2.0',
      added: ['foundry-d'],
      changed: ['chip-a'],
      removed: [],
      retired: ['foundry-c'],
    });
    expect(before).toEqual(list());
  });

  it('tells entries dropped without retiring them from retired ones', () => {
    const pack = testPack({
      id: 'second',
      version: '2.0.0',
      entries: second.entries.slice(0, 1),
      retired: ['designer-b'],
    });
    const { change } = installPack(list(), pack, NOW);
    expect(change?.removed).toEqual(['foundry-c']);
    expect(change?.retired).toEqual(['designer-b']);
  });

  it('does not count a change of key order as a changed entry', () => {
    const reordered = second.entries.map(
      (entry) => Object.fromEntries(Object.entries(entry).reverse()) as typeof entry,
    );
    const pack = testPack({ id: 'second', version: '1.2.1', entries: reordered });
    expect(installPack(list(), pack, NOW).change?.changed).toEqual([]);
  });

  it('refuses the installed version, naming it and the title', () => {
    const before = list();
    const result = installPack(
      before,
      testPack({ id: 'second', title: 'Second', version: '1.2.0' }),
      NOW,
    );
    expect(result).toEqual({ refused: 'version 1.2.0 of Second is already installed' });
    expect(before).toEqual(list());
  });

  it('refuses an older version, naming both versions', () => {
    const result = installPack(
      list(),
      testPack({ id: 'second', title: 'Second', version: '1.1.9' }),
      NOW,
    );
    expect(result).toEqual({
      refused: 'version 1.1.9 of Second is older than the installed version 1.2.0',
    });
  });
});

describe('removePack', () => {
  it('returns a new list without the pack, the rest in order', () => {
    const before = list();
    expect(removePack(before, 'second').map((p) => p.id)).toEqual(['first', 'third']);
    expect(before).toEqual(list());
  });

  it('returns an equal copy when the pack is not installed', () => {
    const before = list();
    const after = removePack(before, 'nowhere');
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
  });
});
