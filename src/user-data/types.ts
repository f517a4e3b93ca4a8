import type { Entry } from '../glossary/types';

/** Everything the reader adds to the glossary, kept in `storage.local`. */
export interface UserData {
  /** The reader's own entries, in the glossary's schema (both languages filled). */
  entries: Entry[];
  /** Personal notes, by entry id (bundled or the reader's own). */
  notes: Record<string, string>;
  /** Ids of entries the reader knows and does not want marked in pages. */
  hidden: string[];
}

export const USER_DATA_VERSION = 1;

/** Maximum length of a personal note, in characters. */
export const NOTE_MAX = 1000;

export function emptyUserData(): UserData {
  return { entries: [], notes: {}, hidden: [] };
}
