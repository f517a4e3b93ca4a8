import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { compileMatcher } from '../../../src/glossary/compile';
import { createSearchIndex } from '../../../src/glossary/search';
import { readerGlossary } from '../../../src/reader/reader-glossary';
import { parseImportFile } from '../../../src/user-data/validate-user-data';

const data = parseImportFile(
  readFileSync('tests/fixtures/imports/valid.json', 'utf8'),
  bundledGlossary(),
).data!;

describe('readerGlossary', () => {
  it('appends the user entries after the bundled ones', () => {
    const merged = readerGlossary({
      bundled: bundledGlossary(),
      userData: { ...data, hidden: [] },
    }).marked;
    expect(merged.entries.length).toBe(bundledGlossary().entries.length + 1);
    expect(merged.entries.at(-1)?.id).toBe('rivage-semiconducteurs');
    expect(merged.version).toBe(bundledGlossary().version);
  });

  it('never lets a user entry replace a bundled one', () => {
    const fake = { ...data.entries[0]!, id: 'nvidia' };
    const merged = readerGlossary({
      bundled: bundledGlossary(),
      userData: { entries: [fake], notes: {}, hidden: [] },
    }).marked;
    expect(merged.entries.filter((e) => e.id === 'nvidia')).toHaveLength(1);
    expect(merged.entries.find((e) => e.id === 'nvidia')).toBe(
      bundledGlossary().entries.find((e) => e.id === 'nvidia'),
    );
  });

  it('keeps hidden entries for chains but drops their aliases', () => {
    const merged = readerGlossary({
      bundled: bundledGlossary(),
      userData: { ...data, hidden: ['cuda'] },
    }).marked;
    const cuda = merged.entries.find((e) => e.id === 'cuda');
    expect(cuda?.aliases).toEqual([]);
    expect(bundledGlossary().entries.find((e) => e.id === 'cuda')?.aliases.length).toBeGreaterThan(
      0,
    );
  });

  it('makes user entries findable by the matcher and the search', () => {
    const merged = readerGlossary({ bundled: bundledGlossary(), userData: data }).marked;
    const mentions = compileMatcher(merged.entries).findMentions(
      'Rivage Semiconducteurs relies on TSMC.',
    );
    expect(mentions.map((m) => m.id)).toEqual(['rivage-semiconducteurs', 'tsmc']);
    const search = createSearchIndex(merged.entries);
    expect(search.search('rivage semiconducteur')[0]?.entry.id).toBe('rivage-semiconducteurs');
  });

  it('leaves hidden entries unmarked by the matcher', () => {
    const merged = readerGlossary({
      bundled: bundledGlossary(),
      userData: { ...data, hidden: ['tsmc'] },
    }).marked;
    const mentions = compileMatcher(merged.entries).findMentions('Chips made by TSMC.');
    expect(mentions).toEqual([]);
  });

  it('keeps hidden entries with their names in the whole glossary, and knows the own ones', () => {
    const reader = readerGlossary({
      bundled: bundledGlossary(),
      userData: { ...data, hidden: ['cuda'] },
    });
    expect(reader.all.entries.find((e) => e.id === 'cuda')?.aliases.length).toBeGreaterThan(0);
    expect([...reader.userIds]).toEqual(['rivage-semiconducteurs']);
  });
});
