import { describe, expect, it } from 'vitest';
import { KINDS, RELATION_TYPES } from '../../../src/glossary/types';
import {
  formatDate,
  jurisdictionName,
  kindLabel,
  kindPlural,
  pick,
  relationLabel,
} from '../../../src/i18n/format';

describe('formatDate', () => {
  it('shows a year alone as the year', () => {
    expect(formatDate('2024', 'en')).toBe('2024');
    expect(formatDate('2024', 'fr')).toBe('2024');
  });

  it('shows a month and year', () => {
    expect(formatDate('2024-03', 'en')).toBe('Mar 2024');
    expect(formatDate('2024-03', 'fr')).toBe('mars 2024');
  });

  it('shows a full date', () => {
    expect(formatDate('2024-03-05', 'en')).toBe('5 Mar 2024');
    expect(formatDate('2024-03-05', 'fr')).toBe('5 mars 2024');
    expect(formatDate('2024-12-31', 'fr')).toBe('31 déc. 2024');
  });

  it('does not shift a date across time zones', () => {
    expect(formatDate('2025-01-01', 'en')).toBe('1 Jan 2025');
    expect(formatDate('2024-12-31', 'en')).toBe('31 Dec 2024');
  });

  it.each(['', 'soon', '2024-13', '2024-02-30', '2024-1', '24-03-05', '2024-03-05T10:00'])(
    'shows the malformed date %j as written',
    (date) => {
      expect(formatDate(date, 'en')).toBe(date);
      expect(formatDate(date, 'fr')).toBe(date);
    },
  );
});

describe('jurisdictionName', () => {
  it('names countries in each language', () => {
    expect(jurisdictionName('US', 'en')).toBe('United States');
    expect(jurisdictionName('US', 'fr')).toBe('États-Unis');
    expect(jurisdictionName('TW', 'en')).toBe('Taiwan');
    expect(jurisdictionName('NL', 'fr')).toBe('Pays-Bas');
  });

  it('names the EU and international bodies', () => {
    expect(jurisdictionName('EU', 'en')).toBe('European Union');
    expect(jurisdictionName('EU', 'fr')).toBe('Union européenne');
    expect(jurisdictionName('INT', 'en')).toBe('international body');
    expect(jurisdictionName('INT', 'fr')).toBe('organisme international');
  });

  it('falls back to the code when the code is unknown or malformed', () => {
    expect(jurisdictionName('XX', 'en')).toBe('XX');
    expect(jurisdictionName('not a code', 'fr')).toBe('not a code');
  });
});

describe('labels', () => {
  it('has a label and a plural for every kind in both languages', () => {
    for (const kind of KINDS) {
      for (const lang of ['en', 'fr'] as const) {
        expect(kindLabel(kind, lang)).not.toBe('');
        expect(kindPlural(kind, lang)).not.toBe('');
      }
    }
    expect(kindLabel('chip', 'fr')).toBe('Puce');
    expect(kindPlural('company', 'en')).toBe('Companies');
  });

  it('has a label for every relation type in both languages', () => {
    for (const type of RELATION_TYPES) {
      expect(relationLabel(type, 'en')).not.toBe('');
      expect(relationLabel(type, 'fr')).not.toBe('');
    }
    expect(relationLabel('manufacturedBy', 'en')).toBe('made by');
  });
});

describe('pick', () => {
  it('returns the text in the language asked for, else the other one', () => {
    expect(pick({ en: 'chip', fr: 'puce' }, 'fr')).toBe('puce');
    expect(pick({ en: 'chip', fr: '' }, 'fr')).toBe('chip');
    expect(pick({ en: '', fr: 'puce' }, 'en')).toBe('puce');
  });
});
