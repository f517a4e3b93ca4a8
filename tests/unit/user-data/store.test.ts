import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledGlossary } from '../../../src/glossary/bundled';
import {
  keptAsideItem,
  loadUserData,
  readUserData,
  saveUserData,
  userDataItem,
} from '../../../src/user-data/store';
import { parseImportFile } from '../../../src/user-data/validate-user-data';

const valid = parseImportFile(
  readFileSync('tests/fixtures/imports/valid.json', 'utf8'),
  bundledGlossary(),
).data!;

describe('user data store', () => {
  it('starts empty', async () => {
    expect(await loadUserData()).toEqual({
      data: { entries: [], notes: {}, hidden: [] },
      corrupted: false,
    });
  });

  it('stores valid data in storage.local under one key', async () => {
    expect(await saveUserData(valid)).toEqual([]);
    const local = await fakeBrowser.storage.local.get('userData');
    expect(local.userData).toEqual(valid);
    expect((await loadUserData()).data).toEqual(valid);
  });

  it('refuses to store invalid data and leaves the stored data alone', async () => {
    await saveUserData(valid);
    const problems = await saveUserData({
      ...valid,
      entries: [{ ...valid.entries[0]!, id: 'nvidia' }],
    });
    expect(problems[0]).toMatchObject({ entry: 'nvidia', path: 'id' });
    expect(await userDataItem.getValue()).toEqual(valid);
  });

  it('keeps a corrupted value aside instead of wiping it, and says so', async () => {
    const broken = { entries: [{ id: 'Not An Id' }], notes: 'oops' };
    await fakeBrowser.storage.local.set({ userData: broken });
    expect((await readUserData()).problems.length).toBeGreaterThan(0);
    // Reading never writes.
    expect((await fakeBrowser.storage.local.get('userData')).userData).toEqual(broken);

    const loaded = await loadUserData();
    expect(loaded).toEqual({ data: { entries: [], notes: {}, hidden: [] }, corrupted: true });
    const kept = await keptAsideItem.getValue();
    expect(kept?.value).toEqual(broken);
    expect(kept?.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['notes']));
    expect((await fakeBrowser.storage.local.get('userDataKeptAside')).userDataKeptAside).toEqual(
      kept,
    );
    // Next load: the store is clean and the kept copy is still there.
    expect((await loadUserData()).corrupted).toBe(false);
    expect((await keptAsideItem.getValue())?.value).toEqual(broken);
  });

  it('keeps both values when the store is corrupted twice', async () => {
    await fakeBrowser.storage.local.set({ userData: 'first' });
    await loadUserData();
    await fakeBrowser.storage.local.set({ userData: ['second'] });
    await loadUserData();
    expect((await keptAsideItem.getValue())?.value).toEqual(['first', ['second']]);
  });
});
