import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGlossary, readEntryFiles } from '../../../src/glossary/load-glossary';
import type { Glossary } from '../../../src/glossary/types';
import {
  aliasCollisionKey,
  formatProblems,
  LIMITS,
  validateGlossary,
  type Problem,
} from '../../../src/glossary/validate';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/glossary-broken/${name}`, import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const realGlossaryPath = fileURLToPath(new URL('../../../data/glossary', import.meta.url));

/** A fresh copy of the valid three-entry glossary the broken fixtures derive from. */
const base = (): Glossary => readJson(fixture('valid-base.json')) as Glossary;

function problemsOf(data: unknown): Problem[] {
  return validateGlossary(data).problems;
}

function entry(glossary: Glossary, index: number) {
  const found = glossary.entries[index];
  if (!found) throw new Error(`fixture has no entry #${index}`);
  return found;
}

describe('validateGlossary on the broken fixtures', () => {
  it('accepts the valid base fixture and returns it typed', () => {
    const data = base();
    const result = validateGlossary(data);
    expect(result.problems).toEqual([]);
    expect(result.glossary).toBe(data);
  });

  it.each([
    ['missing-french.json', 'chip-a', 'summary.fr', 'missing French text'],
    ['dangling-relation.json', 'chip-a', 'relations[2].target', 'no entry has the id "nowhere"'],
    [
      'http-source.json',
      'chip-a',
      'facts[1].source',
      'must be an https URL (got "http://example.org/source-2")',
    ],
    ['duplicate-id.json', 'designer-b', 'id', 'duplicate id: entries #1, #3 share it'],
    ['duplicate-alias.json', 'foundry-c', 'aliases[2].text', 'alias "alpha-2" collides with'],
    ['bad-date.json', 'chip-a', 'facts[0].date', 'is not a calendar date (got "2026-02-30")'],
    ['empty-summary.json', 'chip-a', 'summary.en', 'is empty'],
    ['long-summary.json', 'chip-a', 'summary.en', 'is 401 characters long (max 400)'],
    ['chip-one-fact.json', 'chip-a', 'facts', 'a chip entry needs at least 2 facts (has 1)'],
  ])('rejects %s with one problem on %s %s', (file, entryId, path, message) => {
    const result = validateGlossary(readJson(fixture(file)));
    expect(result.glossary).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ entry: entryId, path });
    expect(result.problems[0]?.message).toContain(message);
  });

  it('names the other occurrence and the shared form in an alias collision', () => {
    const [problem] = problemsOf(readJson(fixture('duplicate-alias.json')));
    expect(problem?.message).toContain('"Alpha 2" in chip-a aliases[1].text');
    expect(problem?.message).toContain('same form "alpha2"');
  });

  it('reports every problem of a file at once, grouped by entry', () => {
    const problems = problemsOf(readJson(fixture('several-problems.json')));
    expect(problems.map(({ entry, path }) => `${entry} ${path}`)).toEqual([
      'chip-a summary.fr',
      'chip-a facts[1].source',
      'designer-b relations[1].target',
      'designer-b aliases[0].text',
      'foundry-c reviewed',
      'foundry-c aliases[2].text',
    ]);
  });
});

describe('validateGlossary rules', () => {
  it('rejects a relation to the entry itself', () => {
    const data = base();
    entry(data, 1).relations.push({ type: 'partOf', target: 'designer-b' });
    expect(problemsOf(data)).toEqual([
      {
        entry: 'designer-b',
        path: 'relations[1].target',
        message: 'an entry cannot relate to itself',
      },
    ]);
  });

  it('rejects the same relation twice', () => {
    const data = base();
    entry(data, 1).relations.push({ type: 'dependsOn', target: 'foundry-c' });
    expect(problemsOf(data)).toEqual([
      {
        entry: 'designer-b',
        path: 'relations[1]',
        message: 'duplicate relation dependsOn -> foundry-c (same as relations[0])',
      },
    ]);
  });

  it('accepts two relation types to the same target', () => {
    const data = base();
    entry(data, 1).relations.push({ type: 'ownedBy', target: 'foundry-c' });
    expect(problemsOf(data)).toEqual([]);
  });

  it('rejects a fact dated after the entry was reviewed, at any precision', () => {
    const data = base();
    entry(data, 0).facts[0]!.date = '2026-11-29';
    entry(data, 0).facts[1]!.date = '2027';
    expect(problemsOf(data).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "facts[0].date: 2026-11-29 is after the entry's reviewed date 2026-11-28",
      "facts[1].date: 2027 is after the entry's reviewed date 2026-11-28",
    ]);
  });

  it('accepts a fact in the month or year of the review', () => {
    const data = base();
    entry(data, 0).facts[0]!.date = '2026-11';
    entry(data, 0).facts[1]!.date = '2026-11-28';
    expect(problemsOf(data)).toEqual([]);
  });

  it('accepts 29 February only in leap years', () => {
    const data = base();
    entry(data, 0).facts[0]!.date = '2024-02-29';
    entry(data, 0).facts[1]!.date = '2025-02-29';
    expect(problemsOf(data)).toEqual([
      {
        entry: 'chip-a',
        path: 'facts[1].date',
        message: 'is not a calendar date (got "2025-02-29")',
      },
    ]);
  });

  it('rejects dates that are not ISO', () => {
    const data = base();
    entry(data, 0).facts[0]!.date = '03/12/2024';
    entry(data, 0).reviewed = '2026-11';
    expect(problemsOf(data).map((p) => p.path)).toEqual(['reviewed', 'facts[0].date']);
  });

  it('rejects a non-kebab id, an unknown kind and a bad jurisdiction code', () => {
    const data = base() as unknown as { entries: Record<string, unknown>[] };
    Object.assign(data.entries[2]!, { id: 'Foundry_C', kind: 'fab', jurisdiction: ['TWN', 'EU'] });
    expect(problemsOf(data).map((p) => `${p.entry} ${p.path}`)).toEqual([
      // The two relations to foundry-c now dangle.
      'chip-a relations[1].target',
      'designer-b relations[0].target',
      'Foundry_C id',
      'Foundry_C kind',
      'Foundry_C jurisdiction[0]',
    ]);
  });

  it('rejects unknown properties, so misspelt fields do not go unnoticed', () => {
    const data = base() as unknown as { entries: Record<string, unknown>[] };
    data.entries[1]!.relation = [];
    expect(problemsOf(data)).toEqual([
      { entry: 'designer-b', path: 'relation', message: 'unknown property' },
    ]);
  });

  it('rejects missing and blank texts in either language', () => {
    const data = base();
    entry(data, 1).name = { en: 'Designer B', fr: '' };
    entry(data, 1).facts[0]!.en = ' \n';
    expect(problemsOf(data).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'name.fr: is empty',
      'facts[0].en: is empty',
    ]);
  });

  it('bounds names, facts, aliases and relation notes', () => {
    const data = base();
    entry(data, 0).name.fr = 'é'.repeat(LIMITS.name + 1);
    entry(data, 0).facts[0]!.fr = 'x'.repeat(LIMITS.fact + 1);
    entry(data, 2).aliases[0]!.text = 'y'.repeat(LIMITS.alias + 1);
    entry(data, 0).relations[1]!.note = { en: 'z'.repeat(LIMITS.note + 1), fr: 'note' };
    expect(problemsOf(data).map((p) => `${p.entry} ${p.path}: ${p.message}`)).toEqual([
      'chip-a name.fr: is 81 characters long (max 80)',
      'chip-a facts[0].fr: is 301 characters long (max 300)',
      'chip-a relations[1].note.en: is 301 characters long (max 300)',
      'foundry-c aliases[0].text: is 61 characters long (max 60)',
    ]);
  });

  it('counts characters, not UTF-16 code units', () => {
    const data = base();
    entry(data, 0).summary.en = '😀'.repeat(LIMITS.summary);
    expect(problemsOf(data)).toEqual([]);
  });

  it('rejects an http website and a source that is not a URL', () => {
    const data = base();
    entry(data, 0).website = 'http://example.org';
    entry(data, 0).facts[0]!.source = 'example.org/page';
    expect(problemsOf(data).map((p) => p.path)).toEqual(['website', 'facts[0].source']);
  });

  it('rejects an unknown confidence, case rule, alias language and a non-boolean model flag', () => {
    const data = base() as unknown as { entries: { facts: object[]; aliases: object[] }[] };
    Object.assign(data.entries[0]!.facts[0]!, { confidence: 'rumour' });
    Object.assign(data.entries[2]!.aliases[0]!, { case: 'upper', lang: 'de', model: 'no' });
    expect(problemsOf(data).map((p) => `${p.entry} ${p.path}`)).toEqual([
      'chip-a facts[0].confidence',
      'foundry-c aliases[0].lang',
      'foundry-c aliases[0].case',
      'foundry-c aliases[0].model',
    ]);
  });

  it('allows one surface form in two entries when both carry context cues', () => {
    const data = base();
    entry(data, 2).aliases.push({ text: 'alpha2', context: ['foundry', 'fonderie'] });
    expect(problemsOf(data)).toEqual([]);
  });

  it('reports both occurrences of a form repeated in one entry without cues', () => {
    const data = base();
    entry(data, 2).aliases.push({ text: 'FOUNDRY C' });
    expect(problemsOf(data).map((p) => `${p.entry} ${p.path}`)).toEqual([
      'foundry-c aliases[0].text',
      'foundry-c aliases[2].text',
    ]);
  });

  it('treats the plural of an alias as one of its surface forms', () => {
    const data = base();
    entry(data, 0).aliases[0]!.plural = true;
    entry(data, 2).aliases.push({ text: 'Chip A2s', context: ['foundry'] });
    expect(problemsOf(data)).toEqual([
      {
        entry: 'chip-a',
        path: 'aliases[0].plural',
        message: expect.stringContaining(
          '"Chip A 2s" collides with "Chip A2s" in foundry-c',
        ) as string,
      },
    ]);
  });

  it('requires at least two facts for software, policy and project entries, not for companies', () => {
    const data = base();
    entry(data, 1).kind = 'software';
    entry(data, 2).kind = 'institution';
    expect(problemsOf(data)).toEqual([
      {
        entry: 'designer-b',
        path: 'facts',
        message: 'a software entry needs at least 2 facts (has 1)',
      },
    ]);
  });

  it('names an entry without an id by its index', () => {
    const data = base() as unknown as { entries: Record<string, unknown>[] };
    delete data.entries[2]!.id;
    const problems = problemsOf(data);
    expect(problems).toContainEqual({ entry: '#2', path: 'id', message: 'is missing' });
  });

  it('reports problems with the file itself under "$"', () => {
    expect(problemsOf([])).toEqual([
      {
        entry: '$',
        path: '',
        message: 'the glossary must be an object with "version" and "entries"',
      },
    ]);
    expect(problemsOf({ version: 0, entries: {} })).toEqual([
      { entry: '$', path: 'version', message: 'must be a positive integer (got 0)' },
      { entry: '$', path: 'entries', message: 'must be an array of entries' },
    ]);
  });
});

describe('aliasCollisionKey', () => {
  it('joins a letter and a digit across a space or a hyphen', () => {
    expect(aliasCollisionKey('Trainium 2')).toBe('trainium2');
    expect(aliasCollisionKey('trainium-2')).toBe('trainium2');
    expect(aliasCollisionKey('Rhea1')).toBe('rhea1');
    expect(aliasCollisionKey('2 nm')).toBe('2nm');
  });

  it('folds accents as the matcher does, keeps spaces between words and hyphens between letters', () => {
    expect(aliasCollisionKey('Commission  européenne')).toBe('commission europeenne');
    expect(aliasCollisionKey('RISC-V')).toBe('risc-v');
    expect(aliasCollisionKey('Commission europeenne')).toBe(
      aliasCollisionKey('Commission européenne'),
    );
  });
});

describe('formatProblems', () => {
  it('writes one line per problem naming entry and path', () => {
    expect(
      formatProblems([
        { entry: 'chip-a', path: 'facts[1].source', message: 'must be an https URL' },
        { entry: '$', path: '', message: 'the glossary must be an object' },
      ]),
    ).toBe(
      'glossary: chip-a facts[1].source: must be an https URL\n' +
        'glossary: $: the glossary must be an object',
    );
  });
});

describe('loadGlossary', () => {
  it('throws an error listing every problem of the file', () => {
    expect(() => loadGlossary(fixture('several-problems.json'))).toThrowError(
      /6 problems\nglossary: chip-a summary\.fr: missing French text\n(.+\n){4}glossary: foundry-c aliases\[2\]\.text: /,
    );
  });

  it('throws for a missing file', () => {
    expect(() => loadGlossary(fixture('no-such-file.json'))).toThrowError(/cannot read/);
  });
});

describe('data/glossary', () => {
  it('passes validation', () => {
    expect(() => loadGlossary(realGlossaryPath)).not.toThrow();
  });

  it('points editors to the entry schema in every file', () => {
    for (const { path, data } of readEntryFiles(realGlossaryPath)) {
      expect(data, path).toMatchObject({ $schema: '../entry.schema.json' });
    }
  });
});

describe('loadGlossary on a folder', () => {
  it('names the file whose name is not its entry id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    const base = readJson(fixture('valid-base.json')) as { entries: { id: string }[] };
    for (const entry of base.entries) {
      writeFileSync(join(dir, `${entry.id}.json`), JSON.stringify(entry));
    }
    expect(() => loadGlossary(dir)).not.toThrow();
    const first = base.entries[0]!;
    renameSync(join(dir, `${first.id}.json`), join(dir, 'renamed.json'));
    expect(() => loadGlossary(dir)).toThrowError(
      new RegExp(`glossary: ${first.id} id: must equal the file name "renamed"`),
    );
  });

  it('names the file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    expect(() => loadGlossary(dir)).toThrowError(/broken\.json is not valid JSON/);
  });
});
