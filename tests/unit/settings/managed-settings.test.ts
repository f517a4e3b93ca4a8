import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import {
  effectiveSettings,
  NO_MANAGED_SETTINGS,
  parseManagedSettings,
  readerPart,
  sanitizeManagedSettings,
} from '../../../src/settings/managed-settings';
import { readSettingsRaw } from '../../../src/settings/settings-read';
import {
  DEFAULT_SETTINGS,
  managedSettingsItem,
  readSettings,
  updateSettings,
} from '../../../src/settings/settings';

describe('parseManagedSettings', () => {
  it('keeps valid values, locks the named settings and normalises the sites', () => {
    const { settings, problems } = parseManagedSettings({
      settings: { highlightStyle: 'background', paused: false, hoverDelayMs: 500 },
      lockedSettings: ['paused', 'markMode'],
      disabledSites: ['https://www.Intranet.example.org/home', 'mail.example.org'],
    });
    expect(problems).toEqual([]);
    expect(settings.defaults).toEqual({ highlightStyle: 'background', hoverDelayMs: 500 });
    // A locked setting without a value is locked to its default.
    expect(settings.locked).toEqual({ paused: false, markMode: DEFAULT_SETTINGS.markMode });
    expect(settings.disabledSites).toEqual(['intranet.example.org', 'mail.example.org']);
  });

  it('reports what it leaves out, and never guesses', () => {
    const { settings, problems } = parseManagedSettings({
      settings: { highlightStyle: 'neon', disabledSites: ['x.org'], bogus: 1, hoverDelayMs: 9000 },
      lockedSettings: ['theme', 'nonsense', 3],
      disabledSites: ['not a site', 42],
    });
    expect(settings.defaults).toEqual({});
    expect(settings.locked).toEqual({ theme: DEFAULT_SETTINGS.theme });
    expect(settings.disabledSites).toEqual([]);
    expect(problems).toEqual([
      'settings.highlightStyle: invalid value "neon"',
      'settings.disabledSites: not a setting an organisation can set',
      'settings.bogus: not a setting an organisation can set',
      'settings.hoverDelayMs: invalid value 9000',
      'lockedSettings: "nonsense" is not a setting an organisation can set',
      'lockedSettings: 3 is not a setting an organisation can set',
      'disabledSites: "not a site" is not a site name',
      'disabledSites: 42 is not a site name',
    ]);
  });

  it('accepts the kinds in any order', () => {
    const { settings, problems } = parseManagedSettings({ settings: { kinds: ['cloud', 'chip'] } });
    expect(problems).toEqual([]);
    expect(new Set(settings.defaults.kinds)).toEqual(new Set(['chip', 'cloud']));
  });
});

describe('effectiveSettings and readerPart', () => {
  const managed = parseManagedSettings({
    settings: { theme: 'dark', paused: false },
    lockedSettings: ['paused'],
    disabledSites: ['intranet.example.org'],
  }).settings;

  it('uses the defaults only while the reader has stored nothing', () => {
    expect(effectiveSettings(null, managed)).toMatchObject({ theme: 'dark', paused: false });
    expect(effectiveSettings({ theme: 'light' }, managed).theme).toBe('light');
  });

  it('puts the locked values over the stored ones and adds the sites', () => {
    const stored = { ...DEFAULT_SETTINGS, paused: true, disabledSites: ['news.example.com'] };
    const settings = effectiveSettings(stored, managed);
    expect(settings.paused).toBe(false);
    expect(settings.disabledSites).toEqual(['news.example.com', 'intranet.example.org']);
  });

  it('stores only the reader part: never a locked value nor the organisation’s sites', () => {
    const stored = { ...DEFAULT_SETTINGS, paused: true, disabledSites: ['news.example.com'] };
    const next = { ...effectiveSettings(stored, managed), highlightStyle: 'off' as const };
    next.disabledSites = [...next.disabledSites, 'blog.example.com'];
    const kept = readerPart(next, stored, managed);
    expect(kept.paused).toBe(true);
    expect(kept.highlightStyle).toBe('off');
    expect(kept.disabledSites).toEqual(['news.example.com', 'blog.example.com']);
  });

  it('reads a damaged kept copy as nothing set', () => {
    expect(sanitizeManagedSettings('junk')).toEqual(NO_MANAGED_SETTINGS);
    expect(sanitizeManagedSettings({ locked: { paused: 'yes', theme: 'dark' } }).locked).toEqual({
      theme: 'dark',
    });
  });
});

describe('the settings in effect, from storage', () => {
  it('are the same for the extension pages and for the every-frame loader', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, paused: true } });
    await managedSettingsItem.setValue(
      parseManagedSettings({ lockedSettings: ['paused'], disabledSites: ['corp.example'] })
        .settings,
    );
    const pages = await readSettings();
    expect(pages.paused).toBe(false);
    expect(pages.disabledSites).toEqual(['corp.example']);
    expect(await readSettingsRaw()).toEqual(pages);
  });

  it('cannot be changed where the organisation locked them', async () => {
    await managedSettingsItem.setValue(
      parseManagedSettings({ lockedSettings: ['paused'] }).settings,
    );
    const after = await updateSettings((s) => ({ ...s, paused: true, theme: 'dark' }));
    expect(after.paused).toBe(false);
    expect(after.theme).toBe('dark');
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as { paused: boolean };
    expect(stored.paused).toBe(false);
  });
});
