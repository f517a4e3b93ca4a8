import { describe, expect, it } from 'vitest';
import { readerIsDark, readerLanguage } from '../../../src/reader/preferences';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

describe('readerLanguage', () => {
  it('follows the setting, else the browser', () => {
    expect(readerLanguage({ ...DEFAULT_SETTINGS, language: 'fr' }, 'en-US')).toBe('fr');
    expect(readerLanguage({ ...DEFAULT_SETTINGS, language: 'en' }, 'fr-FR')).toBe('en');
    expect(readerLanguage({ ...DEFAULT_SETTINGS, language: 'auto' }, 'fr-CA')).toBe('fr');
    expect(readerLanguage(undefined, 'FR')).toBe('fr');
    expect(readerLanguage(undefined, 'de')).toBe('en');
  });
});

describe('readerIsDark', () => {
  it('follows the theme setting, else the context, asked only when needed', () => {
    let asked = 0;
    const context = () => (asked++, true);
    expect(readerIsDark({ ...DEFAULT_SETTINGS, theme: 'dark' }, false)).toBe(true);
    expect(readerIsDark({ ...DEFAULT_SETTINGS, theme: 'light' }, context)).toBe(false);
    expect(asked).toBe(0);
    expect(readerIsDark({ ...DEFAULT_SETTINGS, theme: 'auto' }, context)).toBe(true);
    expect(readerIsDark(undefined, false)).toBe(false);
    expect(asked).toBe(1);
  });
});
