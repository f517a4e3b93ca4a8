import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { KINDS, type Localized } from '../../../src/glossary/types';
import { CHOICE_LABELS, FLAG_LABELS } from '../../../src/settings/setting-labels';
import {
  CHOICE_NAMES,
  choicesOf,
  DEFAULT_SETTINGS,
  FLAG_NAMES,
  FLAG_SETTINGS,
  HOVER_DELAY_RANGE,
  isSiteDisabled,
  normalizeHostname,
  readSettings,
  sanitizeSettings,
  settingsItem,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../../src/settings/settings';

/** Valid settings that differ from the defaults everywhere (built from the tables). */
const custom: Settings = {
  ...DEFAULT_SETTINGS,
  ...Object.fromEntries(CHOICE_NAMES.map((name) => [name, choicesOf(name).at(-1)])),
  ...Object.fromEntries(FLAG_NAMES.map((name) => [name, !FLAG_SETTINGS[name].default])),
  kinds: ['chip', 'cloud'],
  hoverDelayMs: 750,
  disabledSites: ['example.com', 'news.example.org'],
};

describe('sanitizeSettings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['a number', 3],
    ['an empty object', {}],
  ])('returns the defaults for %s', (_, raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps complete valid settings unchanged', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[])
      expect(custom[key], key).not.toEqual(DEFAULT_SETTINGS[key]);
    expect(sanitizeSettings(custom)).toEqual(custom);
    expect(sanitizeSettings(sanitizeSettings(custom))).toEqual(custom);
  });

  it('drops unknown fields', () => {
    expect(sanitizeSettings({ ...custom, legacy: 1, __proto__x: 2 })).toEqual(custom);
  });

  it.each([
    ['highlightStyle', 'rainbow'],
    ['highlightStyle', 1],
    ['markMode', 'some'],
    ['scope', 'site'],
    ['language', 'de'],
    ['language', 'FR'],
    ['theme', 'sepia'],
    ['kinds', 'chip'],
    ['hoverDelayMs', 'soon'],
    ['hoverDelayMs', null],
    ['hoverDelayMs', ''],
    ['hoverDelayMs', Number.NaN],
    ['paused', 'yes'],
    ['disabledSites', 'example.com'],
  ] as const)(
    'replaces an invalid %s (%j) by its default and keeps every other field',
    (key, bad) => {
      const result = sanitizeSettings({ ...custom, [key]: bad });
      const fallback =
        key === 'paused' ? false : key === 'disabledSites' ? [] : DEFAULT_SETTINGS[key];
      expect(result).toEqual({ ...custom, [key]: fallback });
    },
  );

  it('fills a missing field with its default and keeps the others', () => {
    for (const key of Object.keys(custom) as (keyof Settings)[]) {
      const partial: Partial<Settings> = { ...custom };
      delete partial[key];
      expect(sanitizeSettings(partial)).toEqual({ ...custom, [key]: DEFAULT_SETTINGS[key] });
    }
  });

  it('keeps known kinds in glossary order and drops unknown ones', () => {
    expect(sanitizeSettings({ kinds: ['cloud', 'nonsense', 'chip', 3, 'chip'] }).kinds).toEqual([
      'chip',
      'cloud',
    ]);
    expect(sanitizeSettings({ kinds: [] }).kinds).toEqual([]);
    expect(sanitizeSettings({}).kinds).toEqual([...KINDS]);
  });

  it('returns a kinds array that is not the frozen default', () => {
    const kinds = sanitizeSettings({}).kinds;
    expect(Object.isFrozen(kinds)).toBe(false);
    expect(kinds).not.toBe(DEFAULT_SETTINGS.kinds);
  });

  it('clamps and rounds the hover delay', () => {
    expect(sanitizeSettings({ hoverDelayMs: -50 }).hoverDelayMs).toBe(HOVER_DELAY_RANGE.min);
    expect(sanitizeSettings({ hoverDelayMs: 10_000 }).hoverDelayMs).toBe(HOVER_DELAY_RANGE.max);
    expect(sanitizeSettings({ hoverDelayMs: Number.POSITIVE_INFINITY }).hoverDelayMs).toBe(
      DEFAULT_SETTINGS.hoverDelayMs,
    );
    expect(sanitizeSettings({ hoverDelayMs: 249.6 }).hoverDelayMs).toBe(250);
    expect(sanitizeSettings({ hoverDelayMs: 0 }).hoverDelayMs).toBe(0);
  });

  it('treats only true as paused', () => {
    expect(sanitizeSettings({ paused: true }).paused).toBe(true);
    expect(sanitizeSettings({ paused: 1 }).paused).toBe(false);
    expect(sanitizeSettings({ paused: 'true' }).paused).toBe(false);
  });

  it('normalises, dedupes and filters the disabled sites', () => {
    expect(
      sanitizeSettings({
        disabledSites: [
          'https://www.Example.com/article',
          'example.com',
          'WWW.EXAMPLE.COM',
          'news.example.org.',
          42,
          '',
          '   ',
          'not a host',
          null,
        ],
      }).disabledSites,
    ).toEqual(['example.com', 'news.example.org']);
  });
});

describe('normalizeHostname', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.com/a?b#c', 'example.com'],
    ['http://news.example.org:8080/x', 'news.example.org'],
    ['example.com.', 'example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each(['', '   ', 'not a host', 'exa mple.com', 'https://', '<script>', 'a/b', 'http://[bad'])(
    'rejects %j',
    (input) => {
      expect(normalizeHostname(input)).toBeUndefined();
    },
  );
});

describe('isSiteDisabled', () => {
  const sites = ['example.com', 'news.example.org'];

  it('matches a listed site and its subdomains', () => {
    expect(isSiteDisabled('example.com', sites)).toBe(true);
    expect(isSiteDisabled('www.example.com', sites)).toBe(true);
    expect(isSiteDisabled('blog.example.com', sites)).toBe(true);
    expect(isSiteDisabled('a.b.example.com', sites)).toBe(true);
    expect(isSiteDisabled('news.example.org', sites)).toBe(true);
    expect(isSiteDisabled('EN.News.Example.org', sites)).toBe(true);
  });

  it('does not match a parent, a sibling or a look-alike domain', () => {
    expect(isSiteDisabled('example.org', sites)).toBe(false);
    expect(isSiteDisabled('sport.example.org', sites)).toBe(false);
    expect(isSiteDisabled('notexample.com', sites)).toBe(false);
    expect(isSiteDisabled('example.com.evil.net', sites)).toBe(false);
  });

  it('matches nothing with no sites or no hostname', () => {
    expect(isSiteDisabled('example.com', [])).toBe(false);
    expect(isSiteDisabled('', sites)).toBe(false);
  });
});

describe('stored settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads stored settings sanitised field by field', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...custom, theme: 'sepia', hoverDelayMs: 99_999 },
    });
    expect(await readSettings()).toEqual({
      ...custom,
      theme: DEFAULT_SETTINGS.theme,
      hoverDelayMs: HOVER_DELAY_RANGE.max,
    });
  });

  it('applies a change, stores the sanitised result and returns it', async () => {
    const next = await updateSettings((s) => ({
      ...s,
      paused: true,
      disabledSites: [...s.disabledSites, 'https://www.Example.com/page'],
    }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, paused: true, disabledSites: ['example.com'] });
    expect(await settingsItem.getValue()).toEqual(next);
    expect(await readSettings()).toEqual(next);
  });

  it('keeps earlier changes across updates', async () => {
    await updateSettings((s) => ({ ...s, language: 'fr' }));
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, language: 'fr', theme: 'dark' });
  });

  it('calls the watcher with sanitised settings on each change until unwatched', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings((s) => ({ ...s, highlightStyle: 'off' }));
    await fakeBrowser.storage.sync.set({ settings: { markMode: 'first', bogus: true } });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'off' });
    expect(seen[1]).toEqual({ ...DEFAULT_SETTINGS, markMode: 'first' });
    unwatch();
    await updateSettings((s) => ({ ...s, paused: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(2);
  });
});

describe('the settings tables', () => {
  it('derive the defaults: the first choice of each choice setting, each flag its own', () => {
    for (const name of CHOICE_NAMES) expect(DEFAULT_SETTINGS[name]).toBe(choicesOf(name)[0]);
    for (const name of FLAG_NAMES) expect(DEFAULT_SETTINGS[name]).toBe(FLAG_SETTINGS[name].default);
  });

  it('keep every listed value and replace anything else by the default, setting by setting', () => {
    for (const name of CHOICE_NAMES) {
      for (const choice of choicesOf(name))
        expect(sanitizeSettings({ [name]: choice })[name]).toBe(choice);
      for (const bogus of ['bogus', 1, null, ['auto'], { toString: () => 'auto' }])
        expect(sanitizeSettings({ [name]: bogus })[name]).toBe(DEFAULT_SETTINGS[name]);
    }
    for (const name of FLAG_NAMES) {
      expect(sanitizeSettings({ [name]: !FLAG_SETTINGS[name].default })[name]).toBe(
        !FLAG_SETTINGS[name].default,
      );
      for (const bogus of ['true', 0, 1, null])
        expect(sanitizeSettings({ [name]: bogus })[name]).toBe(FLAG_SETTINGS[name].default);
    }
  });

  it('label every setting and every value in both languages', () => {
    for (const name of CHOICE_NAMES) {
      const labels = CHOICE_LABELS[name] as {
        label: Localized;
        choices: Record<string, Localized>;
      };
      expect(labels.label.en && labels.label.fr, name).toBeTruthy();
      expect(Object.keys(labels.choices)).toEqual([...choicesOf(name)]);
      for (const [choice, label] of Object.entries(labels.choices))
        expect(label.en && label.fr, `${name}.${choice}`).toBeTruthy();
    }
    for (const name of FLAG_NAMES)
      expect(FLAG_LABELS[name].label.en && FLAG_LABELS[name].label.fr, name).toBeTruthy();
  });
});
