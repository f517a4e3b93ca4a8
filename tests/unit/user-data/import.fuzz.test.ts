import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { importUserDataFile } from '../../../src/user-data/import';
import { readUserData, saveUserData, userDataItem } from '../../../src/user-data/store';
import type { UserData } from '../../../src/user-data/types';

const VALID = readFileSync('tests/fixtures/imports/valid.json', 'utf8');
const STORED: UserData = {
  entries: [],
  notes: { tsmc: 'A note the reader wrote before the import.' },
  hidden: ['meta'],
};

/** A copy of the valid file with one random field removed, replaced or retyped. */
const mutatedValid = fc
  .tuple(fc.nat(), fc.oneof(fc.constant(undefined), fc.jsonValue()))
  .map(([pick, value]) => {
    const file = JSON.parse(VALID) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      if (node && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          const next = [...path, Array.isArray(node) ? Number(key) : key];
          paths.push(next);
          walk(child, next);
        }
      }
    };
    walk(file, []);
    const path = paths[pick % paths.length]!;
    let parent: Record<string | number, unknown> = file;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    return JSON.stringify(file);
  });

describe('importing random files', () => {
  it('never changes the stored data unless the whole file is valid', async () => {
    let cases = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.json(), mutatedValid, fc.constant(VALID)),
        async (text) => {
          cases++;
          await userDataItem.removeValue();
          expect(await saveUserData(STORED)).toEqual([]);
          const before = await userDataItem.getValue();
          const { problems } = await importUserDataFile(text, STORED, bundledGlossary());
          const after = await userDataItem.getValue();
          if (problems.length > 0) {
            expect(after).toEqual(before);
          } else {
            accepted++;
            // A valid import keeps what was there and is itself valid.
            const { data, problems: stored } = await readUserData();
            expect(stored).toEqual([]);
            expect(data.notes.tsmc).toBe(STORED.notes.tsmc);
            expect(data.hidden).toContain('meta');
          }
        },
      ),
      { numRuns: 300 },
    );
    console.log(
      `import fuzz: ${cases} files tried, ${accepted} accepted, ${cases - accepted} refused`,
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
