/**
 * Test packs: the entries of the truth-rule fixtures (chip-a, designer-b, foundry-c: test
 * data with example.org sources) or copies of bundled entries under new ids.
 */
import { readFileSync } from 'node:fs';
import { bundledGlossary } from '../../../src/glossary/bundled';
import type { Alias, Entry } from '../../../src/glossary/types';
import { PACK_FORMAT, type InstalledPack, type Pack } from '../../../src/packs/pack-format';

export const TODAY = '2026-12-04';

/** The entries of a glossary-truth fixture, e.g. `valid-base.json`. */
export function truthEntries(file: string): Entry[] {
  const path = `tests/fixtures/glossary-truth/${file}`;
  return (JSON.parse(readFileSync(path, 'utf8')) as { entries: Entry[] }).entries;
}

/** A valid pack of the base fixture's three entries. */
export function testPack(fields: Partial<Pack> = {}): Pack {
  return {
    format: PACK_FORMAT,
    id: 'test-pack',
    title: 'Test pack',
    publisher: 'Sovereignty Lens tests',
    version: '1.0.0',
    date: TODAY,
    entries: truthEntries('valid-base.json'),
    retired: [],
    ...fields,
  };
}

/** The pack's fields as a file would hold them, overridden (undefined drops a field). */
export function packFile(fields: Record<string, unknown> = {}): string {
  const file: Record<string, unknown> = { ...testPack(), ...fields };
  for (const key of Object.keys(file)) if (file[key] === undefined) delete file[key];
  return JSON.stringify(file, null, 2);
}

export function installed(pack: Pack, installedAt = '2026-12-04T10:00:00.000Z'): InstalledPack {
  return { ...pack, installedAt };
}

const bundledById = new Map(bundledGlossary().entries.map((entry) => [entry.id, entry]));

/** A copy of a bundled entry under another id, with the given aliases and no relations. */
export function copyOf(bundledId: string, id: string, aliases: (string | Alias)[]): Entry {
  const entry = structuredClone(bundledById.get(bundledId));
  if (!entry) throw new Error(`no bundled entry ${bundledId}`);
  return {
    ...entry,
    id,
    aliases: aliases.map((alias) => (typeof alias === 'string' ? { text: alias } : alias)),
    relations: [],
  };
}
