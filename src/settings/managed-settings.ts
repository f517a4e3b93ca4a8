/**
 * What an organisation sets through the browser's policy engine (storage.managed; see the
 * README, "Deploying in an organisation"): default settings, settings the reader cannot
 * change, and sites where the extension is off. The background reads the policy and keeps
 * this part of it in `storage.local` (MANAGED_SETTINGS_KEY), so that every context, the
 * every-frame loader included, reads the same effective settings. Pure: no storage here.
 */
import {
  CHOICE_NAMES,
  DEFAULT_SETTINGS,
  FLAG_NAMES,
  normalizeHostname,
  sanitizeSettings,
  type Settings,
} from './settings-shape';

/** Where the background keeps the organisation's settings: `storage.local`, this key. */
export const MANAGED_SETTINGS_KEY = 'managedSettings';

export type SettingName = keyof Settings;

/** The settings an organisation may set (all but its own site list, which adds to the reader's). */
export const MANAGEABLE_SETTINGS: readonly SettingName[] = [
  ...CHOICE_NAMES,
  ...FLAG_NAMES,
  'kinds',
  'hoverDelayMs',
];

export interface ManagedSettings {
  /** Values used where the reader has not chosen (nothing stored yet). */
  defaults: Partial<Settings>;
  /** Values the reader cannot change; the interface shows them as set by the organisation. */
  locked: Partial<Settings>;
  /** Sites where the extension is off, on top of the reader's own list. */
  disabledSites: string[];
}

export const NO_MANAGED_SETTINGS: ManagedSettings = Object.freeze({
  defaults: {},
  locked: {},
  disabledSites: [],
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The settings part of a policy: `settings` (values), `lockedSettings` (names of settings
 * fixed to their value in `settings`, or to the default) and `disabledSites`. Each value
 * goes through the settings' own sanitiser; unknown names and invalid values are reported
 * and left out, never guessed.
 */
export function parseManagedSettings(policy: Record<string, unknown>): {
  settings: ManagedSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const given = isRecord(policy.settings) ? policy.settings : {};
  if (policy.settings !== undefined && !isRecord(policy.settings)) {
    problems.push('settings: must be an object of setting name -> value');
  }
  const clean = sanitizeSettings(given);
  const values: Partial<Settings> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!(MANAGEABLE_SETTINGS as readonly string[]).includes(name)) {
      problems.push(`settings.${name}: not a setting an organisation can set`);
      continue;
    }
    const key = name as SettingName;
    // The sanitiser keeps a valid value as given; anything else falls back to the default.
    if (!sameValue(clean[key], value)) {
      problems.push(`settings.${name}: invalid value ${JSON.stringify(value)}`);
      continue;
    }
    Object.assign(values, { [key]: clean[key] });
  }
  const locked: Partial<Settings> = {};
  const names = Array.isArray(policy.lockedSettings) ? policy.lockedSettings : [];
  if (policy.lockedSettings !== undefined && !Array.isArray(policy.lockedSettings)) {
    problems.push('lockedSettings: must be an array of setting names');
  }
  for (const name of names) {
    if (typeof name !== 'string' || !(MANAGEABLE_SETTINGS as readonly string[]).includes(name)) {
      problems.push(
        `lockedSettings: ${JSON.stringify(name)} is not a setting an organisation can set`,
      );
      continue;
    }
    const key = name as SettingName;
    Object.assign(locked, { [key]: key in values ? values[key] : DEFAULT_SETTINGS[key] });
  }
  const defaults = Object.fromEntries(
    Object.entries(values).filter(([name]) => !(name in locked)),
  ) as Partial<Settings>;
  const sites = Array.isArray(policy.disabledSites) ? policy.disabledSites : [];
  if (policy.disabledSites !== undefined && !Array.isArray(policy.disabledSites)) {
    problems.push('disabledSites: must be an array of site names');
  }
  const disabledSites: string[] = [];
  for (const site of sites) {
    const host = typeof site === 'string' ? normalizeHostname(site) : undefined;
    if (!host) problems.push(`disabledSites: ${JSON.stringify(site)} is not a site name`);
    else if (!disabledSites.includes(host)) disabledSites.push(host);
  }
  return { settings: { defaults, locked, disabledSites }, problems };
}

/** Equal values; arrays as sets (the sanitiser orders kinds its own way). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === new Set(b).size && b.every((item) => a.includes(item));
  }
  return a === b;
}

/** Reads the kept copy back (it was parsed by the background; be safe anyway). */
export function sanitizeManagedSettings(raw: unknown): ManagedSettings {
  if (!isRecord(raw)) return NO_MANAGED_SETTINGS;
  const pick = (value: unknown): Partial<Settings> => {
    if (!isRecord(value)) return {};
    const clean = sanitizeSettings(value);
    return Object.fromEntries(
      MANAGEABLE_SETTINGS.filter(
        (name) => name in value && sameValue(clean[name], value[name]),
      ).map((name) => [name, clean[name]]),
    );
  };
  const sites = Array.isArray(raw.disabledSites) ? raw.disabledSites : [];
  return {
    defaults: pick(raw.defaults),
    locked: pick(raw.locked),
    disabledSites: sites.flatMap((s) => {
      const host = typeof s === 'string' ? normalizeHostname(s) : undefined;
      return host ? [host] : [];
    }),
  };
}

/**
 * The settings in effect: the stored ones (or the organisation's defaults where nothing is
 * stored), the locked values over them, and the organisation's sites added to the reader's.
 */
export function effectiveSettings(stored: unknown, managed: ManagedSettings): Settings {
  const base = stored === undefined || stored === null ? managed.defaults : stored;
  const settings = sanitizeSettings({ ...(isRecord(base) ? base : {}), ...managed.locked });
  for (const site of managed.disabledSites) {
    if (!settings.disabledSites.includes(site)) settings.disabledSites.push(site);
  }
  return settings;
}

/**
 * What to store after the reader changed `next` (effective settings): locked values and
 * the organisation's sites are not the reader's, so the stored ones are kept for them.
 */
export function readerPart(next: Settings, stored: unknown, managed: ManagedSettings): Settings {
  const before = sanitizeSettings(isRecord(stored) ? stored : managed.defaults);
  const out: Settings = { ...next };
  for (const name of Object.keys(managed.locked) as SettingName[]) {
    Object.assign(out, { [name]: before[name] });
  }
  out.disabledSites = next.disabledSites.filter(
    (site) => !managed.disabledSites.includes(site) || before.disabledSites.includes(site),
  );
  return sanitizeSettings(out);
}
