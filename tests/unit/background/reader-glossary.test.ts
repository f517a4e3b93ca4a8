import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReaderGlossary } from '../../../src/background/reader-glossary';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { compiledKinds, matcherFromCompiled } from '../../../src/glossary/matcher';
import { saveUserData } from '../../../src/user-data/store';
import { parseImportFile } from '../../../src/user-data/validate-user-data';

const valid = parseImportFile(
  readFileSync('tests/fixtures/imports/valid.json', 'utf8'),
  bundledGlossary(),
).data!;

describe('ReaderGlossary', () => {
  it('serves one card: the entry, its chain and related entries, no note', async () => {
    const reader = new ReaderGlossary();
    const data = (await reader.cardData('trainium-2'))!;
    const ids = data.entries.map((e) => e.id);
    expect(ids[0]).toBe('trainium-2');
    // The chain reaches the designer, the foundry and the lithography supplier.
    expect(ids).toEqual(expect.arrayContaining(['annapurna-labs', 'tsmc', 'asml']));
    // Nothing unrelated travels with it.
    expect(ids).not.toContain('ovhcloud');
    expect(ids.length).toBeLessThan(bundledGlossary().entries.length / 2);
    expect(data.note).toBeNull();
    expect(data.userIds).toEqual([]);
    expect(await reader.cardData('no-such-entry')).toBeNull();
    expect(await reader.cardData('constructor')).toBeNull();
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
    await reader.cardData('nvidia'); // built before the change
    const notes = { nvidia: 'mine', asml: 'secret' };
    expect(await saveUserData({ ...valid, hidden: ['cuda'], notes })).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    const data = (await reader.cardData('rivage-semiconducteurs'))!;
    expect(data.userIds).toEqual(['rivage-semiconducteurs']);
    expect(data.note).toBeNull();
    // The note of the entry asked for, and no other.
    const nvidia = (await reader.cardData('nvidia'))!;
    expect(nvidia.note).toBe('mine');
    expect(JSON.stringify(nvidia)).not.toContain('secret');
    const matcher = matcherFromCompiled(await reader.compiled());
    const ids = matcher.findMentions('Rivage Semiconducteurs ships; CUDA does not count.');
    expect(ids.map((m) => m.id)).toEqual(['rivage-semiconducteurs']);
    expect(compiledKinds(await reader.compiled())['rivage-semiconducteurs']).toBe(
      valid.entries[0]!.kind,
    );
  });

  it('resolves a selected text by a mention first, else by search', async () => {
    const reader = new ReaderGlossary();
    expect(await reader.resolve('the new Trainium2 racks')).toBe('trainium-2');
    expect(await reader.resolve('souverainete technologique')).toBe('technological-sovereignty');
    expect(await reader.resolve('zzzz qqqq')).toBeNull();
  });
});
