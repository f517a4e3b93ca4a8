import { storage } from 'wxt/utils/storage';
import {
  effectiveSettings,
  MANAGED_SETTINGS_KEY,
  NO_MANAGED_SETTINGS,
  readerPart,
  sanitizeManagedSettings,
  type ManagedSettings,
} from './managed-settings';
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

/** What the organisation set (managed-settings.ts), as the background keeps it. */
export const managedSettingsItem = storage.defineItem<ManagedSettings>(
  `local:${MANAGED_SETTINGS_KEY}`,
  { fallback: NO_MANAGED_SETTINGS },
);

export async function readManagedSettings(): Promise<ManagedSettings> {
  return sanitizeManagedSettings(await managedSettingsItem.getValue());
}

/** The settings in effect: the reader's, with what the organisation set. */
export async function readSettings(): Promise<Settings> {
  const [stored, managed] = await Promise.all([storedSettings(), readManagedSettings()]);
  return effectiveSettings(stored, managed);
}

/** The stored value, or null when the reader never changed a setting. */
async function storedSettings(): Promise<unknown> {
  return (await storage.getItem(`${SETTINGS_AREA}:${SETTINGS_KEY}`)) === null
    ? null
    : settingsItem.getValue();
}

/**
 * Applies `change` to the settings in effect, stores the reader's part (never the values
 * the organisation locked) and returns the settings now in effect.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const [stored, managed] = await Promise.all([storedSettings(), readManagedSettings()]);
  const next = sanitizeSettings(change(effectiveSettings(stored, managed)));
  await settingsItem.setValue(readerPart(next, stored, managed));
  return effectiveSettings(await settingsItem.getValue(), managed);
}

/** Calls `onChange` with the settings in effect whenever they change; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const update = () => void readSettings().then(onChange);
  const unwatch = [settingsItem.watch(update), managedSettingsItem.watch(update)];
  return () => unwatch.forEach((stop) => stop());
}
