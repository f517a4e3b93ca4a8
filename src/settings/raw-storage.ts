/**
 * Storage read and watched straight through the extension API, without WXT's storage
 * library (its versioning and migrations would triple the every-frame loader's size): how
 * the content scripts read the reader's settings (settings-read.ts) and data
 * (user-data/personal-read.ts).
 */
import { browser } from 'wxt/browser';

export type StorageArea = 'sync' | 'local';

/** One stored key: its area and name. */
export interface StoredKey {
  area: StorageArea;
  key: string;
}

/** The values of `keys` in one area (a failed read gives none). */
export async function readKeys(
  area: StorageArea,
  keys: string[],
): Promise<Record<string, unknown>> {
  return (await browser.storage[area].get(keys).catch(() => ({}))) as Record<string, unknown>;
}

/** Calls `onStored` whenever one of `keys` is written; returns the unwatch function. */
export function onKeysStored(keys: readonly StoredKey[], onStored: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (keys.some((k) => k.area === area && Object.hasOwn(changes, k.key))) onStored();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
