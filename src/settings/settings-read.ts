/**
 * The settings as the every-frame loader reads them: straight from storage, without WXT's
 * storage library (its versioning and migrations would triple the loader's size).
 * Migrations only ever sanitise (settings.ts, SETTINGS_MIGRATIONS), so sanitising the raw
 * value here gives what the versioned item gives; the organisation's part (kept in
 * `storage.local` by the background) is applied the same way as settings.ts does.
 */
import { browser } from 'wxt/browser';
import {
  effectiveSettings,
  MANAGED_SETTINGS_KEY,
  sanitizeManagedSettings,
} from './managed-settings';
import { SETTINGS_AREA, SETTINGS_KEY, type Settings } from './settings-shape';

async function readKey(area: 'sync' | 'local', key: string): Promise<unknown> {
  const stored = await browser.storage[area].get(key).catch(() => ({}));
  return (stored as Record<string, unknown>)[key];
}

export async function readSettingsRaw(): Promise<Settings> {
  const [stored, managed] = await Promise.all([
    readKey(SETTINGS_AREA, SETTINGS_KEY),
    readKey('local', MANAGED_SETTINGS_KEY),
  ]);
  return effectiveSettings(stored, sanitizeManagedSettings(managed));
}

/** Calls `onChange` with the new settings whenever they change; returns the unwatch function. */
export function watchSettingsRaw(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    const own = area === SETTINGS_AREA && Object.hasOwn(changes, SETTINGS_KEY);
    const organisation = area === 'local' && Object.hasOwn(changes, MANAGED_SETTINGS_KEY);
    if (own || organisation) void readSettingsRaw().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
