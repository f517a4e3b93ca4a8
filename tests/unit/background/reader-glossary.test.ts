import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReaderGlossary } from '../../../src/background/reader-glossary';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { matcherFromCompiled } from '../../../src/glossary/matcher';
import { saveUserData } from '../../../src/user-data/store';
import { parseImportFile } from '../../../src/user-data/validate-user-data';

const valid = parseImportFile(
  readFileSync('tests/fixtures/imports/valid.json', 'utf8'),
  bundledGlossary(),
).data!;

describe('ReaderGlossary', () => {
  it('serves the bundled glossary when the reader has no data', async () => {
    const reader = new ReaderGlossary();
    const data = await reader.cardData();
    expect(data.glossary.entries.map((e) => e.id)).toEqual(
      bundledGlossary().entries.map((e) => e.id),
    );
    expect(data.userIds).toEqual([]);
    const matcher = matcherFromCompiled(await reader.compiled());
    expect(matcher.findMentions('Nvidia and AWS Trainium 2').map((m) => m.id)).toEqual([
      'nvidia',
      'aws',
      'trainium-2',
    ]);
  });

  it('merges the reader’s entries, notes and hidden entries, after a change too', async () => {
    const reader = new ReaderGlossary();
    reader.watch();
    await reader.cardData(); // built before the change
    expect(await saveUserData({ ...valid, hidden: ['cuda'], notes: { cuda: 'mine' } })).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    const data = await reader.cardData();
    expect(data.userIds).toEqual(['rivage-semiconducteurs']);
    expect(data.notes).toEqual({ cuda: 'mine' });
    const matcher = matcherFromCompiled(await reader.compiled());
    const ids = matcher.findMentions('Rivage Semiconducteurs ships; CUDA does not count.');
    expect(ids.map((m) => m.id)).toEqual(['rivage-semiconducteurs']);
    expect((await reader.compiled()).kinds['rivage-semiconducteurs']).toBe(valid.entries[0]!.kind);
  });

  it('resolves a selected text by a mention first, else by search', async () => {
    const reader = new ReaderGlossary();
    expect(await reader.resolve('the new Trainium2 racks')).toBe('trainium-2');
    expect(await reader.resolve('souverainete technologique')).toBe('technological-sovereignty');
    expect(await reader.resolve('zzzz qqqq')).toBeNull();
  });
});
