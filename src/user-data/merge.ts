import type { Glossary } from '../glossary/types';
import type { UserData } from './types';

/**
 * The glossary the matcher and the search use: the bundled entries, then the reader's own.
 * Hidden entries stay (chains and cards still pass through them) but lose their aliases,
 * so pages never mark them and only their name finds them.
 */
export function mergeUserEntries(bundled: Glossary, userData: UserData): Glossary {
  const hidden = new Set(userData.hidden);
  const bundledIds = new Set(bundled.entries.map((e) => e.id));
  const entries = [
    ...bundled.entries,
    // A user entry never replaces a curated one (validation refuses it; be safe anyway).
    ...userData.entries.filter((e) => !bundledIds.has(e.id)),
  ].map((entry) => (hidden.has(entry.id) ? { ...entry, aliases: [] } : entry));
  return { ...bundled, entries };
}

/** Ids of the reader's own entries, for the "your entry" mark. */
export function userEntryIds(userData: UserData): Set<string> {
  return new Set(userData.entries.map((e) => e.id));
}
