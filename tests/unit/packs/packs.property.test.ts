import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import type { Alias, Entry } from '../../../src/glossary/types';
import { aliasCollisionKey } from '../../../src/glossary/validate';
import { applyPacks } from '../../../src/packs/apply-packs';
import { installPack, removePack } from '../../../src/packs/install';
import {
  compareVersions,
  exportPack,
  type InstalledPack,
  type Pack,
} from '../../../src/packs/pack-format';
import { parsePackFile } from '../../../src/packs/validate-pack';
import { copyOf, testPack, TODAY } from './pack-fixtures';

const bundled = bundledGlossary();
const bundledIds = new Set(bundled.entries.map((e) => e.id));

/** Bundled entries whose content the random entries borrow (test data under other ids). */
const BASES = ['cuda', 'tsmc', 'asml', 'gpu'];
/** Ids: two bundled, some shared between packs, one the reader also uses. */
const IDS = ['cuda', 'nvidia', 'test-1', 'test-2', 'test-3', 'test-4', 'test-5', 'mine-1'];
/** Aliases: some of bundled entries (one with cues there), some shared, one the reader's. */
const ALIASES = ['CUDA', 'GPUs', 'Adastra', 'Nvidia', 'Test One', 'test one', 'Test Two', 'Mine'];
const PACK_IDS = ['pack-a', 'pack-b', 'pack-c'];
const VERSIONS = ['0.9.9', '1.0.0', '1.2.0', '1.10.0', '2.0.0'];

const alias = fc.record({ text: fc.constantFrom(...ALIASES), cued: fc.boolean() });
const entrySpec = fc.record({
  id: fc.constantFrom(...IDS),
  base: fc.constantFrom(...BASES),
  aliases: fc.array(alias, { minLength: 1, maxLength: 3 }),
});

function toAlias({ text, cued }: { text: string; cued: boolean }): Alias {
  return cued ? { text, context: ['test cue'] } : { text };
}

/**
 * Entries valid together: one alias form per pack (later repeats dropped; an entry left
 * without one gets its own alias).
 */
function entriesOf(
  owner: string,
  specs: { id: string; base: string; aliases: { text: string; cued: boolean }[] }[],
): Entry[] {
  const seen = new Set<string>();
  return specs.map(({ id, base, aliases }) => {
    const kept = aliases.filter(({ text }) => {
      const key = aliasCollisionKey(text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const list = kept.length > 0 ? kept.map(toAlias) : [{ text: `Only ${owner} ${id}` }];
    return copyOf(base, id, list);
  });
}

const packArb = fc
  .record({
    id: fc.constantFrom(...PACK_IDS),
    version: fc.constantFrom(...VERSIONS),
    specs: fc.uniqueArray(entrySpec, { minLength: 1, maxLength: 4, selector: (s) => s.id }),
  })
  .map(({ id, version, specs }): Pack =>
    testPack({ id, title: `Title ${id}`, version, entries: entriesOf(id, specs) }),
  );

/** The reader's own entries: never a bundled id or a bundled alias. */
const userArb = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('mine-1', 'mine-2', 'test-1'),
      base: fc.constantFrom(...BASES),
      aliases: fc.array(
        fc.record({ text: fc.constantFrom('Mine', 'Test Two', 'Mine Two'), cued: fc.boolean() }),
        {
          minLength: 1,
          maxLength: 2,
        },
      ),
    }),
    { maxLength: 2, selector: (s) => s.id },
  )
  .map((specs) => entriesOf('user', specs));

const opArb = fc.oneof(
  { weight: 3, arbitrary: packArb.map((pack) => ({ install: pack })) },
  { weight: 1, arbitrary: fc.constantFrom(...PACK_IDS).map((id) => ({ remove: id })) },
);

/** The collision forms of an alias, computed here independently of the code under test. */
const formsOf = (a: Alias): string[] => {
  const key = aliasCollisionKey(a.text);
  return a.plural ? [key, `${key}s`] : [key];
};

/** Checks the invariants of applyPacks on one state. */
function checkApplied(packs: InstalledPack[], user: Entry[]): void {
  const { entries, origin, conflicts } = applyPacks(bundled, packs, user);
  // No two entries with one id, nor an id taken from the bundled or the reader's entries.
  const all = [...bundled.entries, ...user, ...entries].map((e) => e.id);
  expect(new Set(all).size).toBe(all.length);
  expect(origin.size).toBe(entries.length);

  for (const pack of packs) {
    for (const original of pack.entries) {
      const applied = origin.get(original.id)?.packId === pack.id;
      const idConflicts = conflicts.filter(
        (c) => c.kind === 'id' && c.packId === pack.id && c.entry === original.id,
      );
      // Nothing lost: applied, or reported, never both.
      expect(idConflicts.length).toBe(applied ? 0 : 1);
      if (!applied) continue;
      const result = entries.find((e) => e.id === original.id)!;
      const dropped = original.aliases.filter((a) => !result.aliases.includes(a));
      expect(result.aliases).toEqual(original.aliases.filter((a) => result.aliases.includes(a)));
      // No dropped alias without its conflict.
      const aliasConflicts = conflicts.filter(
        (c) => c.kind === 'alias' && c.packId === pack.id && c.entry === original.id,
      );
      expect(aliasConflicts.map((c) => c.alias)).toEqual(dropped.map((a) => a.text));
      expect(aliasConflicts.filter((c) => c.unmarked).length).toBe(
        result.aliases.length === 0 ? 1 : 0,
      );
    }
  }
  expect(conflicts.every((c) => c.message.length > 0)).toBe(true);

  // What pages mark: a form of a pack alias is shared only when every holder has cues.
  const holders = new Map<string, { entry: Entry; cued: boolean; pack: boolean }[]>();
  const applied = new Set(entries);
  for (const entry of [...bundled.entries, ...user, ...entries]) {
    for (const a of entry.aliases) {
      for (const key of formsOf(a)) {
        const list = holders.get(key) ?? [];
        list.push({ entry, cued: (a.context?.length ?? 0) > 0, pack: applied.has(entry) });
        holders.set(key, list);
      }
    }
  }
  for (const list of holders.values()) {
    if (list.length < 2 || !list.some((h) => h.pack)) continue;
    expect(list.every((h) => h.cued)).toBe(true);
  }
}

describe('packs, property-based', () => {
  it('builds valid packs (the generator)', () => {
    fc.assert(
      fc.property(packArb, (pack) => {
        const result = parsePackFile(exportPack(pack), { bundled, today: TODAY, mode: 'import' });
        expect(result.problems).toBeUndefined();
      }),
      { numRuns: 15 },
    );
  });

  it('installs whole or refuses with the list unchanged, and applies without losing anything', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), userArb, (ops, user) => {
        let list: InstalledPack[] = [];
        ops.forEach((op, step) => {
          const before = structuredClone(list);
          const now = `2026-12-04T10:00:${String(step).padStart(2, '0')}.000Z`;
          if ('install' in op) {
            const pack = op.install;
            const result = installPack(list, pack, now);
            expect(list).toEqual(before);
            const at = before.findIndex((p) => p.id === pack.id);
            if (result.refused !== undefined) {
              expect(at).toBeGreaterThanOrEqual(0);
              expect(compareVersions(pack.version, before[at]!.version)).toBeLessThanOrEqual(0);
              return;
            }
            const expected = structuredClone(before);
            if (at < 0) expected.push({ ...pack, installedAt: now });
            else {
              expect(compareVersions(pack.version, before[at]!.version)).toBeGreaterThan(0);
              expected[at] = { ...pack, installedAt: now };
            }
            expect(result.packs).toEqual(expected);
            expect(result.change.kind).toBe(at < 0 ? 'added' : 'updated');
            list = result.packs;
          } else {
            const after = removePack(list, op.remove);
            expect(list).toEqual(before);
            expect(after).toEqual(before.filter((p) => p.id !== op.remove));
            list = after;
          }
          expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
          checkApplied(list, user);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('orders versions as numbers', () => {
    const part = fc.nat({ max: 1000 });
    const version = fc.tuple(part, part, part);
    fc.assert(
      fc.property(version, version, (a, b) => {
        const expected = Math.sign(a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        expect(Math.sign(compareVersions(a.join('.'), b.join('.')))).toBe(expected);
      }),
    );
  });
});

// Guard for the pools above: the ids meant to be bundled are.
it('draws from bundled ids and aliases that exist', () => {
  expect(['cuda', 'nvidia', ...BASES].every((id) => bundledIds.has(id))).toBe(true);
});
