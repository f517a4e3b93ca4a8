import { describe, expect, it } from 'vitest';
import { pageIsDark, pageLanguage } from '../../../src/glossary-page/page-language';
import { entryHash, hashWith, parseRoute } from '../../../src/glossary-page/route';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

describe('glossary page routes', () => {
  it('reads every route from the hash', () => {
    expect(parseRoute('').name).toBe('browse');
    expect(parseRoute('#/').name).toBe('browse');
    expect(parseRoute('#/entry/trainium-2')).toMatchObject({ name: 'entry', id: 'trainium-2' });
    expect(parseRoute('#/graph?chain=tsmc').params.get('chain')).toBe('tsmc');
    expect(parseRoute('#/map?tab=42')).toMatchObject({ name: 'map', tabId: 42 });
    expect(parseRoute('#/map?tab=abc')).not.toHaveProperty('tabId');
    expect(parseRoute('#/settings').name).toBe('settings');
    expect(parseRoute('#/mine?edit=x').params.get('edit')).toBe('x');
    expect(parseRoute('#/nowhere').name).toBe('browse');
  });

  it('writes hashes that read back', () => {
    expect(parseRoute(entryHash('cuda'))).toMatchObject({ name: 'entry', id: 'cuda' });
    expect(hashWith('/graph', { chain: 'tsmc', dependents: undefined })).toBe('#/graph?chain=tsmc');
    expect(hashWith('/graph', {})).toBe('#/graph');
  });
});

describe('glossary page language and theme', () => {
  it('follows the setting, else the browser language', () => {
    expect(pageLanguage({ ...DEFAULT_SETTINGS, language: 'fr' }, 'en-US')).toBe('fr');
    expect(pageLanguage({ ...DEFAULT_SETTINGS, language: 'auto' }, 'fr-CA')).toBe('fr');
    expect(pageLanguage(undefined, 'de')).toBe('en');
  });

  it('follows the theme setting, else the system', () => {
    expect(pageIsDark({ ...DEFAULT_SETTINGS, theme: 'dark' }, false)).toBe(true);
    expect(pageIsDark({ ...DEFAULT_SETTINGS, theme: 'light' }, true)).toBe(false);
    expect(pageIsDark({ ...DEFAULT_SETTINGS, theme: 'auto' }, true)).toBe(true);
  });
});
