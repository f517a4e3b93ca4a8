/**
 * The reader's glossary, assembled by one rule wherever it is needed (the background for
 * pages and cards, the popup, the glossary page): the bundled entries, then the packs'
 * (the organisation's first, then the reader's; conflicts settled by apply-packs.ts), then
 * the reader's own.
 */
import type { Glossary } from '../glossary/types';
import { applyPacks, type Conflict, type PackOrigin } from '../packs/apply-packs';
import type { InstalledPack } from '../packs/pack-format';
import type { UserData } from '../user-data/types';

export interface ReaderSources {
  bundled: Glossary;
  userData: UserData;
  /** Installed packs in precedence order: the organisation's, then the reader's. */
  packs?: readonly InstalledPack[];
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
  /** The pack each pack entry comes from. */
  origins: ReadonlyMap<string, PackOrigin>;
  /** What the packs could not have (ids and names already taken), for the glossary page. */
  conflicts: readonly Conflict[];
}

export function readerGlossary({ bundled, userData, packs = [] }: ReaderSources): ReaderGlossary {
  const applied = applyPacks(bundled, packs, userData.entries);
  const taken = new Set([...bundled.entries, ...applied.entries].map((e) => e.id));
  // A user entry never replaces a curated one (validation refuses it; be safe anyway).
  const own = userData.entries.filter((e) => !taken.has(e.id));
  const all: Glossary = { ...bundled, entries: [...bundled.entries, ...applied.entries, ...own] };
  const hidden = new Set(userData.hidden);
  const marked: Glossary = {
    ...all,
    entries: all.entries.map((entry) => (hidden.has(entry.id) ? { ...entry, aliases: [] } : entry)),
  };
  return {
    all,
    marked,
    userIds: new Set(own.map((e) => e.id)),
    origins: applied.origin,
    conflicts: applied.conflicts,
  };
}
