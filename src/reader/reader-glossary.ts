/**
 * The reader's glossary, assembled by one rule wherever it is needed (the background for
 * pages and cards, the popup, the glossary page): the bundled entries, then the reader's own.
 */
import type { Glossary } from '../glossary/types';
import type { UserData } from '../user-data/types';

export interface ReaderSources {
  bundled: Glossary;
  userData: UserData;
}

export interface ReaderGlossary {
  /** Every entry the reader has, hidden ones included with their names (the glossary page). */
  all: Glossary;
  /**
   * What pages mark and the popup searches: the same entries, hidden ones without their
   * names, so that pages never mark them while chains and cards still pass through them.
   */
  marked: Glossary;
  /** Ids of the reader's own entries, for the "your entry" mark. */
  userIds: ReadonlySet<string>;
}

export function readerGlossary({ bundled, userData }: ReaderSources): ReaderGlossary {
  const bundledIds = new Set(bundled.entries.map((e) => e.id));
  // A user entry never replaces a curated one (validation refuses it; be safe anyway).
  const own = userData.entries.filter((e) => !bundledIds.has(e.id));
  const all: Glossary = { ...bundled, entries: [...bundled.entries, ...own] };
  const hidden = new Set(userData.hidden);
  const marked: Glossary = {
    ...all,
    entries: all.entries.map((entry) => (hidden.has(entry.id) ? { ...entry, aliases: [] } : entry)),
  };
  return { all, marked, userIds: new Set(own.map((e) => e.id)) };
}
