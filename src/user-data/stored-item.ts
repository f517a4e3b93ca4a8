/**
 * The storage items of the reader's data (content scripts read it raw: personal-read.ts;
 * the background validates it, see src/background/reader-glossary.ts).
 */
import { storage } from 'wxt/utils/storage';
import { PACK_ENTRY_COUNT_KEY, USER_DATA_KEY } from './personal-read';
import { USER_DATA_VERSION, type UserData } from './types';

export const userDataItem = storage.defineItem<UserData | null>(`local:${USER_DATA_KEY}`, {
  fallback: null,
  version: USER_DATA_VERSION,
});

/**
 * How many pack entries apply (the organisation's and the reader's; packs/pack-store.ts
 * keeps it): what a content script reads, instead of the packs, to know whether the
 * reader's glossary differs from the bundled one.
 */
export const packEntryCountItem = storage.defineItem<number>(`local:${PACK_ENTRY_COUNT_KEY}`, {
  fallback: 0,
});
