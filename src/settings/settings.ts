import { storage } from 'wxt/utils/storage';
import { KINDS, type Kind } from '../glossary/types';

/** How mentions are drawn in the page. */
export type HighlightStyle = 'underline' | 'background' | 'off';
export type MarkMode = 'all' | 'first';
/** `article`: only the page's main text (as reading modes find it); `page`: everything. */
export type Scope = 'article' | 'page';
export type LanguageChoice = 'auto' | 'en' | 'fr';
export type ThemeChoice = 'auto' | 'light' | 'dark';

export interface Settings {
  highlightStyle: HighlightStyle;
  markMode: MarkMode;
  kinds: Kind[];
  scope: Scope;
  /** Delay before a card opens on hover, in milliseconds. */
  hoverDelayMs: number;
  language: LanguageChoice;
  theme: ThemeChoice;
  /** Hostnames where the extension does nothing ("example.com" also covers its subdomains). */
  disabledSites: string[];
  /** Global pause: nothing is marked anywhere. */
  paused: boolean;
  /**
   * Mark the reader's own entries (and leave their hidden entries unmarked) on web pages.
   * Pages can read the highlights the extension registers, so when this is off pages get
   * the bundled glossary's marks only, the same for every reader.
   */
  markOwnEntries: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  highlightStyle: 'underline',
  markMode: 'all',
  kinds: [...KINDS],
  scope: 'article',
  hoverDelayMs: 300,
  language: 'auto',
  theme: 'auto',
  disabledSites: [],
  paused: false,
  markOwnEntries: true,
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
  return {
    highlightStyle: oneOf(
      value.highlightStyle,
      ['underline', 'background', 'off'],
      d.highlightStyle,
    ),
    markMode: oneOf(value.markMode, ['all', 'first'], d.markMode),
    kinds,
    scope: oneOf(value.scope, ['article', 'page'], d.scope),
    hoverDelayMs: Number.isFinite(delay)
      ? Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(delay)))
      : d.hoverDelayMs,
    language: oneOf(value.language, ['auto', 'en', 'fr'], d.language),
    theme: oneOf(value.theme, ['auto', 'light', 'dark'], d.theme),
    disabledSites: sites,
    paused: value.paused === true,
    markOwnEntries: value.markOwnEntries !== false,
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

/** The stored shape's version; `SETTINGS_MIGRATIONS` brings older values up to it. */
export const SETTINGS_VERSION = 2;

/**
 * Migrations run by `storage.defineItem` when it finds an older stored value, keyed by the
 * version they produce.
 * - 2: v1 values could be partial or hold sites as typed ("https://www.example.com/a");
 *   v2 values are complete and normalised, so a reader of the raw item (another
 *   context's watcher, an older build's `getValue`) always gets every field.
 */
export const SETTINGS_MIGRATIONS: Record<number, (value: unknown) => Settings> = {
  2: (v1) => sanitizeSettings(v1),
};

/** Runs the migrations from `fromVersion` up to `SETTINGS_VERSION` on a stored value. */
export function migrateSettings(value: unknown, fromVersion: number): Settings {
  let current: unknown = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    current = SETTINGS_MIGRATIONS[version]?.(current) ?? current;
  }
  return sanitizeSettings(current);
}

/** Defines the settings item (exported so tests can define it again over seeded storage). */
export function defineSettingsItem() {
  return storage.defineItem<Settings>('sync:settings', {
    fallback: { ...DEFAULT_SETTINGS, kinds: [...DEFAULT_SETTINGS.kinds] },
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

/** The one settings item, in `storage.sync` so it follows the reader across browsers. */
export const settingsItem = defineSettingsItem();

export async function readSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Applies `change` to the stored settings and returns the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(change(await readSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with sanitised settings whenever they change; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(sanitizeSettings(value)));
}
