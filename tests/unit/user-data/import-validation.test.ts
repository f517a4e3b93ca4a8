import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { userDataItem } from '../../../src/user-data/store';
import {
  exportUserData,
  mergeImport,
  parseImportFile,
} from '../../../src/user-data/validate-user-data';
import type { UserData } from '../../../src/user-data/types';

const DIR = 'tests/fixtures/imports';
const expected = JSON.parse(readFileSync(join(DIR, 'expected-problems.json'), 'utf8')) as Record<
  string,
  { entry: string; path: string; message: string }
>;
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** What the import button does: parse, merge into the current data, validate whole, store. */
async function importFile(text: string): Promise<string[]> {
  const current = (await userDataItem.getValue()) ?? { entries: [], notes: {}, hidden: [] };
  const parsed = parseImportFile(text, bundledGlossary());
  if (!parsed.data) return parsed.problems.map((p) => `${p.entry} ${p.path}: ${p.message}`);
  const merged = mergeImport(current, parsed.data, bundledGlossary());
  if (!merged.data) return merged.problems.map((p) => `${p.entry} ${p.path}: ${p.message}`);
  await userDataItem.setValue(merged.data);
  return [];
}

describe('import validation', () => {
  it('has an expectation for every broken fixture', () => {
    const files = readdirSync(DIR).filter(
      (f) => f.endsWith('.json') && f !== 'valid.json' && f !== 'expected-problems.json',
    );
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it('accepts the valid file with its notes and hidden entries', () => {
    const result = parseImportFile(read('valid.json'), bundledGlossary());
    expect(result.problems).toEqual([]);
    expect(result.data?.entries.map((e) => e.id)).toEqual(['rivage-semiconducteurs']);
    expect(result.data?.notes).toEqual({ nvidia: 'Check the H20 export rules.' });
    expect(result.data?.hidden).toEqual(['cuda']);
  });

  for (const [file, problem] of Object.entries(expected)) {
    it(`refuses ${file}, naming the entry and the field, and changes nothing stored`, async () => {
      const stored: UserData = {
        entries: [],
        notes: { cuda: 'Kept before the import.' },
        hidden: ['tsmc'],
      };
      await userDataItem.setValue(stored);
      const before = await fakeBrowser.storage.local.get();
      const problems = await importFile(read(file));
      expect(problems.length).toBeGreaterThan(0);
      const match = problems.find((p) => p.startsWith(`${problem.entry} ${problem.path}:`));
      expect(match, problems.join('\n')).toBeDefined();
      expect(match).toContain(problem.message);
      expect(await fakeBrowser.storage.local.get()).toEqual(before);
    });
  }

  it('lists every problem of a file at once', () => {
    const text = JSON.stringify({
      version: 1,
      entries: [
        {
          ...JSON.parse(read('valid.json')).entries[0],
          kind: 'planet',
          relations: [{ type: 'dependsOn', target: 'nowhere' }],
        },
      ],
      hidden: ['Nowhere either'],
    });
    const { problems } = parseImportFile(text, bundledGlossary());
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['kind', 'relations[0].target', 'hidden[0]']),
    );
  });

  it('lets relations of user entries point at bundled entries and at each other', () => {
    const valid = JSON.parse(read('valid.json')).entries[0];
    const second = {
      ...valid,
      id: 'rivage-r1',
      kind: 'company',
      name: { en: 'Rivage R1', fr: 'Rivage R1' },
      aliases: [{ text: 'Rivage R1' }],
      relations: [
        { type: 'designedBy', target: 'rivage-semiconducteurs' },
        { type: 'manufacturedBy', target: 'tsmc' },
      ],
    };
    const { problems } = parseImportFile(
      JSON.stringify({ version: 1, entries: [valid, second] }),
      bundledGlossary(),
    );
    expect(problems).toEqual([]);
  });
});

describe('export and import', () => {
  it('loses nothing in a round trip', async () => {
    const original = parseImportFile(read('valid.json'), bundledGlossary()).data!;
    await userDataItem.setValue(original);
    const exported = exportUserData((await userDataItem.getValue())!);
    await userDataItem.setValue({ entries: [], notes: {}, hidden: [] });
    expect(await importFile(exported)).toEqual([]);
    expect(await userDataItem.getValue()).toEqual(original);
    expect(exportUserData((await userDataItem.getValue())!)).toBe(exported);
  });

  it('writes the glossary schema: version and entries, then notes and hidden', () => {
    const data = parseImportFile(read('valid.json'), bundledGlossary()).data!;
    const file = JSON.parse(exportUserData(data)) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['version', 'entries', 'notes', 'hidden']);
    expect(file.version).toBe(1);
  });

  it('replaces an entry with the same id and keeps the others on import', () => {
    const data = parseImportFile(read('valid.json'), bundledGlossary()).data!;
    const other = {
      ...data.entries[0]!,
      id: 'rivage-two',
      name: { en: 'Rivage Two', fr: 'Rivage Deux' },
      aliases: [{ text: 'Rivage Two' }],
    };
    const current: UserData = { entries: [other, data.entries[0]!], notes: {}, hidden: [] };
    const updated = { ...data.entries[0]!, summary: { en: 'Updated.', fr: 'Mise à jour.' } };
    const merged = mergeImport(current, { ...data, entries: [updated] }, bundledGlossary());
    expect(merged.data?.entries.map((e) => e.id)).toEqual(['rivage-two', 'rivage-semiconducteurs']);
    expect(merged.data?.entries[1]?.summary.en).toBe('Updated.');
  });
});

describe('notes and hidden ids of entries the reader does not have now', () => {
  it('are kept: a pack’s entry, or one of a pack since removed, loses nothing', () => {
    const text = JSON.stringify({
      version: 1,
      entries: [],
      notes: { furiosaai: 'Ask the desk about their Korean customers.' },
      hidden: ['rebellions'],
    });
    const { data, problems } = parseImportFile(text, bundledGlossary());
    expect(problems).toEqual([]);
    expect(data?.notes).toEqual({ furiosaai: 'Ask the desk about their Korean customers.' });
    expect(data?.hidden).toEqual(['rebellions']);
  });
});
