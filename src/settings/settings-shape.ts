/**
 * The reader's settings: their shape, defaults and sanitising, and where they are stored.
 * No storage code here, so that the every-frame loader can read them without WXT's
 * storage library (settings-read.ts); settings.ts adds the versioned storage item.
 */
import { KINDS, type Kind } from '../glossary/types';

/**
 * The settings with a fixed set of values, and the on/off ones, described once: values
 * (the first is the default) and where the settings page shows them. Their labels, which
 * the every-frame loader must not carry, are in setting-labels.ts, typed from these tables.
 * The `Settings` type, the defaults, the sanitiser and the settings page derive from them.
 * Adding such a setting: a row here, its labels, and its use where it acts.
 */
export const CHOICE_SETTINGS = {
  highlightStyle: {
    choices: ['underline', 'background', 'off'],
    control: 'radios',
    panel: 'marks',
  },
  markMode: { choices: ['all', 'first'], control: 'radios', panel: 'marks' },
  /** `article`: only the page's main text (as reading modes find it); `page`: everything. */
  scope: { choices: ['article', 'page'], control: 'radios', panel: 'marks' },
  language: { choices: ['auto', 'en', 'fr'], control: 'select', panel: 'reading' },
  theme: { choices: ['auto', 'light', 'dark'], control: 'radios', panel: 'reading' },
} as const satisfies Record<string, ChoiceSetting>;

export const FLAG_SETTINGS = {
  /** Global pause: nothing is marked anywhere. */
  paused: { default: false },
  /**
   * Mark the reader's own entries (and leave their hidden entries unmarked) on web pages.
   * Pages can read the highlights the extension registers, so when this is off pages get
   * the bundled glossary's marks only, the same for every reader.
   */
  markOwnEntries: { default: true },
} as const satisfies Record<string, FlagSetting>;

export interface ChoiceSetting {
  /** The values; the first is the default. */
  choices: readonly string[];
  control: 'radios' | 'select';
  /** The settings page's column: what is marked, or how the reader reads. */
  panel: 'marks' | 'reading';
}

export interface FlagSetting {
  default: boolean;
}

export type ChoiceName = keyof typeof CHOICE_SETTINGS;
export type FlagName = keyof typeof FLAG_SETTINGS;
export type ChoiceOf<K extends ChoiceName> = (typeof CHOICE_SETTINGS)[K]['choices'][number];

/** How mentions are drawn in the page. */
export type HighlightStyle = ChoiceOf<'highlightStyle'>;

export const CHOICE_NAMES = Object.keys(CHOICE_SETTINGS) as ChoiceName[];
export const FLAG_NAMES = Object.keys(FLAG_SETTINGS) as FlagName[];

/** The values of a choice setting, the default first. */
export const choicesOf = <K extends ChoiceName>(name: K): readonly ChoiceOf<K>[] =>
  CHOICE_SETTINGS[name].choices;

export type Settings = { [K in ChoiceName]: ChoiceOf<K> } & { [K in FlagName]: boolean } & {
  kinds: Kind[];
  /** Delay before a card opens on hover, in milliseconds. */
  hoverDelayMs: number;
  /** Hostnames where the extension does nothing ("example.com" also covers its subdomains). */
  disabledSites: string[];
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ...(Object.fromEntries(CHOICE_NAMES.map((name) => [name, choicesOf(name)[0]])) as unknown as {
    [K in ChoiceName]: ChoiceOf<K>;
  }),
  ...(Object.fromEntries(FLAG_NAMES.map((name) => [name, FLAG_SETTINGS[name].default])) as {
    [K in FlagName]: boolean;
  }),
  kinds: [...KINDS],
  hoverDelayMs: 300,
  disabledSites: [],
});

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;

/**
 * Returns complete, valid settings from whatever storage holds: unknown fields are dropped
 * and a missing or invalid field takes its default, so one bad value never loses the rest.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const kinds = Array.isArray(value.kinds)
    ? KINDS.filter((k) => (value.kinds as unknown[]).includes(k))
    : [...d.kinds];
  // Numbers only: Number(null), Number('') and Number(false) are 0, not "missing".
  const delay = typeof value.hoverDelayMs === 'number' ? value.hoverDelayMs : Number.NaN;
  const sites = Array.isArray(value.disabledSites)
    ? [
        ...new Set(
          value.disabledSites
            .filter((s): s is string => typeof s === 'string')
            .map(normalizeHostname)
            .filter((s): s is string => s !== undefined),
        ),
      ]
    : [];
  const choices = Object.fromEntries(
    CHOICE_NAMES.map((name) => [name, oneOf<string>(value[name], choicesOf(name), d[name])]),
  ) as unknown as { [K in ChoiceName]: ChoiceOf<K> };
  // A flag stays at its default unless storage holds the other boolean.
  const flags = Object.fromEntries(
    FLAG_NAMES.map((name) => [name, typeof value[name] === 'boolean' ? value[name] : d[name]]),
  ) as { [K in FlagName]: boolean };
  return {
    ...choices,
    ...flags,
    kinds,
    hoverDelayMs: Number.isFinite(delay)
      ? Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(delay)))
      : d.hoverDelayMs,
    disabledSites: sites,
  };
}

/** "https://www.Example.com/a" or "www.example.com" -> "example.com"; undefined if not a host. */
export function normalizeHostname(input: string): string | undefined {
  let host = input.trim().toLowerCase();
  if (!host) return undefined;
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\]$/.test(host) ? host : undefined;
}

/** True when `hostname` is one of `sites` or a subdomain of one. */
export function isSiteDisabled(hostname: string, sites: readonly string[]): boolean {
  const host = normalizeHostname(hostname);
  if (!host) return false;
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Where the settings live: `storage.sync`, under this key (with WXT's version metadata). */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
