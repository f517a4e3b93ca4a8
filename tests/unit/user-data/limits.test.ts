import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { ownValue } from '../../../src/glossary/own';
import { validateGlossary } from '../../../src/glossary/validate';
import { importUserDataFile } from '../../../src/user-data/import';
import { USER_DATA_LIMITS } from '../../../src/user-data/limits';
import { readUserData, userDataItem } from '../../../src/user-data/store';
import { emptyUserData } from '../../../src/user-data/types';
import { parseImportFile } from '../../../src/user-data/validate-user-data';

const valid = JSON.parse(readFileSync('tests/fixtures/imports/valid.json', 'utf8')) as {
  version: number;
  entries: Record<string, unknown>[];
};
const bundled = bundledGlossary();
const messages = (text: string) => parseImportFile(text, bundled).problems.map((p) => p.message);

describe('import limits', () => {
  it('refuses a file nested 20,000 levels deep with a message, without throwing', () => {
    const deep = `{"version":1,"entries":[${'['.repeat(20_000)}${']'.repeat(20_000)}]}`;
    expect(() => parseImportFile(deep, bundled)).not.toThrow();
    expect(messages(deep)).toEqual([
      `the file nests objects and arrays more than ${USER_DATA_LIMITS.nesting} levels deep`,
    ]);
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const entry = { ...valid.entries[0], summary: { en: '[[[[[[[[[[[[[[[[[[[[{{{{', fr: 'x' } };
    const text = JSON.stringify({ version: 1, entries: [entry] });
    expect(messages(text)).not.toContainEqual(expect.stringMatching(/levels deep/));
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `{"version":1,"entries":[],"x":"${'a'.repeat(USER_DATA_LIMITS.fileCharacters)}"}`;
    expect(messages(big)[0]).toMatch(/characters long \(max 1,000,000\)/);
  });

  it('refuses more entries than the limit, naming it', () => {
    const entries = Array.from({ length: USER_DATA_LIMITS.entries + 1 }, (_, i) => ({
      ...valid.entries[0],
      id: `mine-${i}`,
    }));
    expect(messages(JSON.stringify({ version: 1, entries }))).toEqual([
      `holds ${USER_DATA_LIMITS.entries + 1} entries (max ${USER_DATA_LIMITS.entries})`,
    ]);
  });

  it('refuses more aliases than the limit, naming it', () => {
    const aliases = Array.from({ length: 50 }, (_, i) => ({ text: `Alias Number ${i}` }));
    const count = Math.ceil(USER_DATA_LIMITS.aliases / 50) + 1;
    const entries = Array.from({ length: count }, (_, i) => ({
      ...valid.entries[0],
      id: `mine-${i}`,
      aliases,
    }));
    expect(messages(JSON.stringify({ version: 1, entries }))[0]).toMatch(
      /aliases in all \(max 2000\)/,
    );
  });

  it('names a few colliding aliases, not all of thousands (linear messages)', () => {
    const entries = Array.from({ length: 4_000 }, (_, i) => ({
      ...valid.entries[0],
      id: `same-${i}`,
      aliases: [{ text: 'Shared Name' }],
      relations: [],
    }));
    const { problems } = validateGlossary({ version: 1, entries });
    const collisions = problems.filter((p) => p.message.includes('collides'));
    expect(collisions).toHaveLength(4_000);
    expect(collisions[0]!.message).toMatch(/and 3996 more/);
    expect(Math.max(...collisions.map((p) => p.message.length))).toBeLessThan(500);
  });

  it('refuses the import with the reason when storage refuses it, and keeps the data', async () => {
    await userDataItem.setValue(emptyUserData());
    const before = await readUserData();
    const original = userDataItem.setValue;
    userDataItem.setValue = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      const result = await importUserDataFile(JSON.stringify(valid), before.data, bundled);
      expect(result.imported).toBe(0);
      expect(result.problems.map((p) => p.message)).toEqual([
        'the import failed: QUOTA_BYTES quota exceeded',
      ]);
    } finally {
      userDataItem.setValue = original;
    }
    expect(await readUserData()).toEqual(before);
  });
});

describe('ownValue', () => {
  it('reads own keys only: "constructor" is not a note', () => {
    const notes: Record<string, string> = { cuda: 'mine' };
    expect(ownValue(notes, 'cuda')).toBe('mine');
    expect(ownValue(notes, 'constructor')).toBeUndefined();
    expect(ownValue(notes, 'toString')).toBeUndefined();
    expect(ownValue({ constructor: 'a note' }, 'constructor')).toBe('a note');
  });
});
