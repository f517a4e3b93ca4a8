import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_AREA,
  SETTINGS_KEY,
  sanitizeSettings,
  type Settings,
} from './settings-shape';

export * from './settings-shape';

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
  return storage.defineItem<Settings>(`${SETTINGS_AREA}:${SETTINGS_KEY}`, {
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
