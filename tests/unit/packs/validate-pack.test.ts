import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import type { Problem } from '../../../src/glossary/validate';
import { exportPack, PACK_LIMITS } from '../../../src/packs/pack-format';
import { parsePackFile, type PackOptions } from '../../../src/packs/validate-pack';
import { copyOf, installed, packFile, testPack, TODAY, truthEntries } from './pack-fixtures';

const bundled = bundledGlossary();
const options = (mode: PackOptions['mode'] = 'import'): PackOptions => ({
  bundled,
  today: TODAY,
  mode,
});
const parse = (text: string, mode: PackOptions['mode'] = 'import') =>
  parsePackFile(text, options(mode));
const lines = (problems: readonly Problem[] | undefined): string[] =>
  (problems ?? []).map((p) => `${p.entry} ${p.path}: ${p.message}`);
/** The problems of a file with some fields replaced. */
const refusal = (fields: Record<string, unknown>): string[] => {
  const result = parse(packFile(fields));
  expect(result.pack).toBeUndefined();
  return lines(result.problems);
};
const entries = () => truthEntries('valid-base.json');

describe('parsePackFile accepts', () => {
  it('a valid pack, in both modes, with no warning', () => {
    for (const mode of ['import', 'build'] as const) {
      const result = parse(packFile(), mode);
      expect(result.problems).toBeUndefined();
      expect(result.pack).toEqual(testPack());
      expect(result.warnings).toEqual([]);
    }
  });

  it('trims the title and the publisher, and defaults retired to none', () => {
    const result = parse(packFile({ title: '  Spaced  ', publisher: '\tP ', retired: undefined }));
    expect(result.pack?.title).toBe('Spaced');
    expect(result.pack?.publisher).toBe('P');
    expect(result.pack?.retired).toEqual([]);
  });

  it('relations and figures naming bundled entries', () => {
    const list = entries();
    list[0]!.relations.push({ type: 'dependsOn', target: 'cuda' });
    list[0]!.facts[0]!.figures = [
      { value: 500000, unit: 'Trainium2 chips', subject: 'project-rainier' },
    ];
    expect(parse(packFile({ entries: list })).problems).toBeUndefined();
  });

  it('an entry with a bundled id and an alias of a bundled entry: conflicts, not errors', () => {
    const list = [
      ...entries(),
      copyOf('cuda', 'cuda', ['CUDA']),
      copyOf('cuda', 'cuda-two', ['CUDA Toolkit']),
    ];
    expect(parse(packFile({ entries: list })).problems).toBeUndefined();
  });

  it('a date one day after today (a time zone ahead), and the export it writes', () => {
    const result = parse(packFile({ date: '2026-12-05' }));
    expect(result.problems).toBeUndefined();
    const again = parse(exportPack(installed(result.pack!)));
    expect(again.pack).toEqual(result.pack);
    expect(Object.keys(JSON.parse(exportPack(installed(result.pack!))) as object)).not.toContain(
      'installedAt',
    );
  });
});

describe('parsePackFile refuses', () => {
  it('a file that is not JSON, saying where', () => {
    const result = parse('{\n  "format": "sovereignty-lens-pack/1",\n}');
    expect(lines(result.problems)).toEqual([
      expect.stringMatching(/^\$ : is not valid JSON \(.*\bline 3 column 1\b.*\)$/),
    ]);
  });

  it('a file that is not an object', () => {
    expect(lines(parse('[]').problems)).toEqual([
      '$ : a pack must be an object with "format" and "entries"',
    ]);
  });

  it('an export of the reader entries, saying it is not a pack', () => {
    const text = JSON.stringify({ version: 1, entries: entries(), notes: {} });
    expect(lines(parse(text).problems)).toEqual([
      '$ : this file is an export of entries, not a pack: add its entries with "Import a JSON file" on the glossary page',
    ]);
  });

  it.each([
    [undefined, 'format: is missing ("sovereignty-lens-pack/1")'],
    ['sovereignty-lens-pack/2', 'format: "sovereignty-lens-pack/2" is a newer pack format'],
    ['sovereignty-lens/1', 'format: must be "sovereignty-lens-pack/1" (got "sovereignty-lens/1")'],
    [1, 'format: must be "sovereignty-lens-pack/1" (got 1)'],
  ])('format %j, on that alone', (format, message) => {
    const problems = refusal({ format, title: '' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`$ ${message}`);
  });

  it('unknown top-level keys, naming each', () => {
    expect(refusal({ homepage: 'https://example.org', $schema: 'x' })).toEqual([
      '$ homepage: unknown property',
      '$ $schema: unknown property',
    ]);
  });

  it.each([
    [{ id: undefined }, '$ id: is missing'],
    [{ id: 'Test_Pack' }, '$ id: must be kebab-case like an entry id (got "Test_Pack")'],
    [{ id: 'a'.repeat(61) }, '$ id: is longer than 60 characters'],
    [{ title: '   ' }, '$ title: is empty'],
    [{ title: 't'.repeat(101) }, '$ title: is 101 characters long (max 100)'],
    [{ title: 'Two\nlines' }, '$ title: must be one line of text, without control characters'],
    [{ publisher: 42 }, '$ publisher: must be a string'],
    [{ publisher: undefined }, '$ publisher: is missing'],
    [{ version: '1.02.0' }, '$ version: must be MAJOR.MINOR.PATCH'],
    [{ version: '1.2' }, '$ version: must be MAJOR.MINOR.PATCH'],
    [{ version: 'v1.2.0' }, '$ version: must be MAJOR.MINOR.PATCH'],
    [{ version: 1 }, '$ version: must be MAJOR.MINOR.PATCH'],
    [{ date: '2026-02-30' }, '$ date: is not a calendar date (got "2026-02-30")'],
    [{ date: '2026-12' }, '$ date: must be an ISO day YYYY-MM-DD (got "2026-12")'],
    [{ date: '2026-12-06' }, '$ date: 2026-12-06 is in the future'],
    [{ entries: undefined }, '$ entries: is missing'],
    [{ entries: {} }, '$ entries: must be an array of entries'],
    [{ entries: [] }, '$ entries: must hold at least one entry'],
    [{ retired: 'chip-z' }, '$ retired: must be an array of entry ids'],
    [{ retired: ['Chip Z'] }, '$ retired[0]: must be kebab-case like an entry id (got "Chip Z")'],
    [{ retired: ['chip-z', 'chip-z'] }, '$ retired[1]: duplicate id "chip-z"'],
    [
      { retired: ['chip-a'] },
      `$ retired[0]: "chip-a" is retired but still one of the pack's entries`,
    ],
  ])('%j', (fields, message) => {
    const problems = refusal(fields);
    expect(problems).toContainEqual(expect.stringContaining(message));
  });

  it('more entries than the limit, without validating each', () => {
    const problems = refusal({
      entries: Array.from({ length: PACK_LIMITS.entries + 1 }, () => ({})),
    });
    expect(problems).toEqual(['$ entries: holds 2001 entries (max 2000)']);
  });

  it('a file over the size limit, before parsing it', () => {
    const text = packFile({ title: 'x'.repeat(PACK_LIMITS.fileCharacters) });
    expect(lines(parse(text).problems)).toEqual([
      expect.stringMatching(/^\$ : the file is 5,\d{3},\d{3} characters long \(max 5,000,000\)$/),
    ]);
  });

  it('a file nested deeper than the limit', () => {
    const text = `{"format":"sovereignty-lens-pack/1","entries":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(lines(parse(text).problems)).toEqual([
      '$ : the file nests objects and arrays more than 16 levels deep',
    ]);
  });

  it('an entry breaking the schema, naming the entry and the field', () => {
    const list = entries();
    Object.assign(list[1]!, { kind: 'planet' });
    delete (list[2] as Partial<(typeof list)[number]>).summary;
    const problems = refusal({ entries: list });
    expect(problems).toContainEqual(expect.stringMatching(/^designer-b kind: must be one of/));
    expect(problems).toContainEqual('foundry-c summary: is missing');
  });

  it('checks an entry that reuses a bundled id like any other', () => {
    const cuda = { ...copyOf('cuda', 'cuda', ['CUDA']), kind: 'planet' };
    expect(refusal({ entries: [cuda] })).toContainEqual(expect.stringMatching(/^cuda kind:/));
  });

  it('a relation to an id neither the pack nor the bundled glossary has', () => {
    const list = entries();
    list[0]!.relations[0]!.target = 'designer-z';
    expect(refusal({ entries: list })).toEqual([
      'chip-a relations[0].target: no entry has the id "designer-z"',
    ]);
  });

  it('two entries with one id, and one alias in two entries without cues', () => {
    const list = entries();
    list[2]!.id = 'designer-b';
    list[1]!.aliases.push({ text: 'chip a 2' });
    const problems = refusal({ entries: list });
    expect(problems).toContainEqual(expect.stringMatching(/^designer-b id: duplicate id/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^designer-b aliases\[1\]\.text: alias "chip a 2" collides/),
    );
  });

  it.each([
    ['denied-host-verified.json', 'chip-a facts[1].source: cites www.boursorama.com'],
    ['wiki-reported.json', 'designer-b facts[0].source: cites'],
    ['missing-accessed.json', 'chip-a facts[0].accessed: is missing'],
    ['missing-text-sources.json', 'foundry-c textSources: is missing'],
    ['french-typography.json', 'foundry-c summary.fr:'],
  ])('truth errors that do not depend on the day, at import too (%s)', (file, message) => {
    expect(refusal({ entries: truthEntries(file) })).toEqual([expect.stringContaining(message)]);
  });

  it('a figure that disagrees with the bundled glossary', () => {
    const list = entries();
    list[0]!.facts[0]!.figures = [
      { value: 1, unit: 'Trainium2 chips', subject: 'project-rainier' },
    ];
    const problems = refusal({ entries: list });
    expect(problems).toContainEqual(
      expect.stringContaining(
        'chip-a facts[0].figures[0]: 1 Trainium2 chips for project-rainier disagrees with 500000 Trainium2 chips in project-rainier facts[0]',
      ),
    );
    expect(problems.every((line) => line.startsWith('chip-a facts[0].figures[0]: '))).toBe(true);
  });
});

describe('truth rules judged against today', () => {
  it.each([
    ['stale-fact.json', ['chip-a facts[1].en', 'chip-a facts[1].fr']],
    ['stale-text.json', ['designer-b dependency.en', 'designer-b dependency.fr']],
    ['accessed-after-today.json', ['designer-b facts[0].accessed']],
  ])('%s: warnings at import, errors in the build', (file, where) => {
    const text = packFile({ entries: truthEntries(file) });
    const imported = parse(text, 'import');
    expect(imported.pack).toBeDefined();
    expect(imported.warnings?.map((p) => `${p.entry} ${p.path}`)).toEqual(where);
    const built = parse(text, 'build');
    expect(built.pack).toBeUndefined();
    expect(built.problems?.map((p) => `${p.entry} ${p.path}`)).toEqual(where);
  });

  it('an old review is a warning in both modes', () => {
    const list = entries();
    list[2]!.reviewed = '2026-01-04';
    for (const mode of ['import', 'build'] as const) {
      expect(lines(parse(packFile({ entries: list }), mode).warnings)).toEqual([
        expect.stringMatching(/^foundry-c reviewed: 2026-01-04 is more than 6 months before/),
      ]);
    }
  });

  it('refuses at import a pack with both kinds, for the error that does not depend on the day', () => {
    const list = truthEntries('stale-fact.json');
    list[2]!.summary.fr = 'Une fonderie: à Taïwan.';
    expect(refusal({ entries: list }).map((line) => line.split(':')[0])).toEqual([
      'foundry-c summary.fr',
    ]);
  });
});
