/**
 * The reader's settings: their shape, defaults and sanitising, and where they are stored.
 * No storage code here, so that the every-frame loader can read them without WXT's
 * storage library (settings-read.ts); settings.ts adds the versioned storage item.
 */
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

/** Where the settings live: `storage.sync`, under this key (with WXT's version metadata). */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
