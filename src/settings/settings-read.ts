/**
 * The settings as the every-frame loader reads them: straight from `storage.sync`, without
 * WXT's storage library (its versioning and migrations would triple the loader's size).
 * Migrations only ever sanitise (settings.ts, SETTINGS_MIGRATIONS), so sanitising the raw
 * value here gives what the versioned item gives.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_AREA, SETTINGS_KEY, sanitizeSettings, type Settings } from './settings-shape';

export async function readSettingsRaw(): Promise<Settings> {
  const stored = await browser.storage[SETTINGS_AREA].get(SETTINGS_KEY).catch(() => ({}));
  return sanitizeSettings((stored as Record<string, unknown>)[SETTINGS_KEY]);
}

/** Calls `onChange` with the new settings whenever they change; returns the unwatch function. */
export function watchSettingsRaw(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== SETTINGS_AREA || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    onChange(sanitizeSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
