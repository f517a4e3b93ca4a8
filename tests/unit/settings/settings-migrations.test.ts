import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  defineSettingsItem,
  migrateSettings,
} from '../../../src/settings/settings';

describe('settings migrations', () => {
  it('brings a partial v1 value up to complete, normalised settings', () => {
    const migrated = migrateSettings(
      { highlightStyle: 'background', disabledSites: ['https://www.Example.com/a', 'bad host!'] },
      1,
    );
    expect(migrated).toEqual({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'background',
      disabledSites: ['example.com'],
    });
  });

  it('leaves current settings as they are', () => {
    const current = { ...DEFAULT_SETTINGS, kinds: ['chip' as const], hoverDelayMs: 500 };
    expect(migrateSettings(current, SETTINGS_VERSION)).toEqual(current);
  });

  it('migrates a stored v1 value when the item is defined, and records the version', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { markMode: 'first', disabledSites: ['www.lemonde.fr'], legacy: true },
      settings$: { v: 1 },
    });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      markMode: 'first',
      disabledSites: ['lemonde.fr'],
    });
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(stored.settings).not.toHaveProperty('legacy');
  });

  it('treats an unversioned stored value as v1', async () => {
    await fakeBrowser.storage.sync.set({ settings: { theme: 'dark' } });
    const item = defineSettingsItem();
    expect((await item.getValue()).theme).toBe('dark');
    expect((await fakeBrowser.storage.sync.get('settings$')).settings$).toEqual({
      v: SETTINGS_VERSION,
    });
  });

  it('starts fresh installs at the current version with the defaults', async () => {
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});
