/**
 * The settings as the every-frame loader reads them: straight from storage, without WXT's
 * storage library (its versioning and migrations would triple the loader's size).
 * Migrations only ever sanitise (settings.ts, SETTINGS_MIGRATIONS), so sanitising the raw
 * value here gives what the versioned item gives; the organisation's part (kept in
 * `storage.local` by the background) is applied the same way as settings.ts does.
 */
import { onKeysStored, readKeys, type StoredKey } from './raw-storage';
import {
  effectiveSettings,
  MANAGED_SETTINGS_KEY,
  sanitizeManagedSettings,
} from './managed-settings';
import { SETTINGS_AREA, SETTINGS_KEY, type Settings } from './settings-shape';

const KEYS: readonly StoredKey[] = [
  { area: SETTINGS_AREA, key: SETTINGS_KEY },
  { area: 'local', key: MANAGED_SETTINGS_KEY },
];

export async function readSettingsRaw(): Promise<Settings> {
  const [stored, managed] = await Promise.all(
    KEYS.map(async ({ area, key }) => (await readKeys(area, [key]))[key]),
  );
  return effectiveSettings(stored, sanitizeManagedSettings(managed));
}

/** Calls `onChange` with the new settings whenever they change; returns the unwatch function. */
export function watchSettingsRaw(onChange: (settings: Settings) => void): () => void {
  return onKeysStored(KEYS, () => void readSettingsRaw().then(onChange));
}
