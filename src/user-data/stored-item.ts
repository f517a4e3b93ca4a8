/**
 * The storage item of the reader's data, and what a content script needs of it without
 * validating it (the background validates, see src/background/reader-glossary.ts).
 */
import { storage } from 'wxt/utils/storage';
import { USER_DATA_VERSION, type UserData } from './types';

export const userDataItem = storage.defineItem<UserData | null>('local:userData', {
  fallback: null,
  version: USER_DATA_VERSION,
});

/**
 * How many pack entries apply (the organisation's and the reader's; packs/pack-store.ts
 * keeps it): what a content script reads, instead of the packs, to know whether the
 * reader's glossary differs from the bundled one.
 */
export const packEntryCountItem = storage.defineItem<number>('local:packEntryCount', {
  fallback: 0,
});

/** Whether a stored value may change what pages match: own entries or hidden ones. */
export function changesMatching(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { entries, hidden } = value as Partial<Record<keyof UserData, unknown>>;
  return (
    (Array.isArray(entries) && entries.length > 0) || (Array.isArray(hidden) && hidden.length > 0)
  );
}
