/**
 * What a content script needs of the reader's stored data, read straight from storage
 * (settings/raw-storage.ts, as settings-read.ts does for the settings): whether the
 * reader's glossary differs from the bundled one, so that pages match the merged one.
 * The loader reads it while the annotator is injected; the annotator follows changes.
 */
import { onKeysStored, readKeys } from '../settings/raw-storage';

/** `storage.local` keys (user-data/stored-item.ts defines the items on them). */
export const USER_DATA_KEY = 'userData';
export const PACK_ENTRY_COUNT_KEY = 'packEntryCount';

/** Whether the reader's glossary differs from the bundled one, and how. */
export interface Personal {
  /** The reader has own or hidden entries. */
  ownEntries: boolean;
  /** How many pack entries apply (the organisation's and the reader's). */
  packEntries: number;
}

/** Whether a stored value may change what pages match: own entries or hidden ones. */
export function changesMatching(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { entries, hidden } = value as Partial<Record<'entries' | 'hidden', unknown>>;
  return (
    (Array.isArray(entries) && entries.length > 0) || (Array.isArray(hidden) && hidden.length > 0)
  );
}

export async function readPersonal(): Promise<Personal> {
  const stored = await readKeys('local', [USER_DATA_KEY, PACK_ENTRY_COUNT_KEY]);
  const count = stored[PACK_ENTRY_COUNT_KEY];
  return {
    ownEntries: changesMatching(stored[USER_DATA_KEY]),
    packEntries: typeof count === 'number' && count > 0 ? count : 0,
  };
}

/** Calls `onStored` whenever either key is written; returns the unwatch function. */
export function onPersonalStored(onStored: () => void): () => void {
  return onKeysStored(
    [
      { area: 'local', key: USER_DATA_KEY },
      { area: 'local', key: PACK_ENTRY_COUNT_KEY },
    ],
    onStored,
  );
}

/**
 * Calls `onChange` with the state read again whenever either key is written (an edited
 * entry or note too: cards and marks then follow); returns the unwatch function.
 */
export function watchPersonal(onChange: (personal: Personal) => void): () => void {
  return onPersonalStored(() => void readPersonal().then(onChange));
}
