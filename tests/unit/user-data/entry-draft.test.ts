import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import {
  draftToEntry,
  emptyDraft,
  entryToDraft,
  slugify,
} from '../../../src/user-data/entry-draft';
import { validateUserEntries } from '../../../src/user-data/validate-user-data';

function frenchOnlyDraft() {
  const draft = emptyDraft('2026-05-01');
  draft.texts.name.fr = 'Fonderie Rivage';
  draft.texts.summary.fr = 'Une fonderie fictive.';
  draft.texts.dependency.fr = 'Dépend d’ASML.';
  draft.texts.sovereignty.fr = 'Contrôlée depuis la France.';
  draft.jurisdiction = 'fr';
  draft.aliases = [{ text: 'Fonderie Rivage', lang: '', case: '', plural: false, context: '' }];
  draft.relations = [{ type: 'dependsOn', target: 'asml' }];
  return draft;
}

describe('entry drafts', () => {
  it('fills a missing language with the given one', () => {
    const entry = draftToEntry(frenchOnlyDraft());
    expect(entry.name).toEqual({ en: 'Fonderie Rivage', fr: 'Fonderie Rivage' });
    expect(entry.summary.en).toBe('Une fonderie fictive.');
    expect(entry.id).toBe('fonderie-rivage');
    expect(entry.jurisdiction).toEqual(['FR']);
    expect(validateUserEntries([entry], bundledGlossary())).toEqual([]);
  });

  it('reports a text given in neither language', () => {
    const draft = frenchOnlyDraft();
    draft.texts.summary.fr = '';
    const problems = validateUserEntries([draftToEntry(draft)], bundledGlossary());
    expect(problems.map((p) => p.path)).toEqual(['summary.en', 'summary.fr']);
  });

  it('turns an entry back into the same draft', () => {
    const entry = draftToEntry(frenchOnlyDraft());
    expect(draftToEntry(entryToDraft(entry))).toEqual(entry);
    const bundled = bundledGlossary().entries.find((e) => e.id === 'trainium-2')!;
    expect(draftToEntry(entryToDraft(bundled))).toEqual(bundled);
  });

  it('makes kebab-case ids from names', () => {
    expect(slugify('Société Générale (SG)')).toBe('societe-generale-sg');
  });
});
