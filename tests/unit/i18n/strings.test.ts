import { describe, expect, it } from 'vitest';
import { PAGE_STRINGS } from '../../../src/i18n/page-strings';
import { fill, type StringTable } from '../../../src/i18n/translate';
import { t, UI_STRINGS } from '../../../src/i18n/ui-strings';

const TABLES: Record<string, StringTable> = { ui: UI_STRINGS, page: PAGE_STRINGS };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(TABLES))('the %s strings', (_, table) => {
  it('have every key in both languages, none empty', () => {
    expect(Object.keys(table.fr).sort()).toEqual(Object.keys(table.en).sort());
    for (const lang of ['en', 'fr'] as const) {
      for (const [key, value] of Object.entries(table[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, en] of Object.entries(table.en)) {
      expect(placeholders(table.fr[key] ?? ''), key).toEqual(placeholders(en));
    }
  });
});

describe('fill', () => {
  it('fills every occurrence and leaves unknown placeholders empty', () => {
    expect(fill('{a} and {a}, {b}', { a: 'x' })).toBe('x and x, ');
  });
});

describe('t', () => {
  it('returns the string in each language', () => {
    expect(t('en', 'sovereignty')).toBe('Sovereignty');
    expect(t('fr', 'sovereignty')).toBe('Souveraineté');
  });

  it('fills placeholders', () => {
    expect(t('en', 'actors', { count: '14' })).toBe('14 actors');
    expect(t('fr', 'actors', { count: '14' })).toBe('14 acteurs');
    expect(t('en', 'cardLabel', { name: 'TSMC' })).toBe('About TSMC');
    expect(t('fr', 'noResults', { query: 'nvdia' })).toBe(
      'Rien dans le glossaire ne correspond à « nvdia ».',
    );
  });

  it('leaves a missing placeholder empty', () => {
    expect(t('en', 'disableSite')).toBe('Off on ');
  });

  it('inserts values literally, without replacement patterns or markup', () => {
    expect(t('en', 'noResults', { query: '$& $1 {query}' })).toBe(
      'Nothing in the glossary matches “$& $1 {query}”.',
    );
    expect(t('en', 'cardLabel', { name: '<b>x</b>' })).toBe('About <b>x</b>');
  });
});
