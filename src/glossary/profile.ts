/**
 * The jurisdiction profile of a set of entities (the entities of one article): how many
 * actors, and how they split by the country or bloc that controls them.
 */
import type { GlossaryIndex } from './glossary-index';

export interface JurisdictionShare {
  code: string;
  count: number;
}

export interface JurisdictionProfile {
  total: number;
  /** Largest share first; each entity counts once, under its first jurisdiction. */
  shares: JurisdictionShare[];
}

export function jurisdictionProfile(
  ids: Iterable<string>,
  index: GlossaryIndex,
): JurisdictionProfile {
  const counts = new Map<string, number>();
  let total = 0;
  for (const id of new Set(ids)) {
    const code = index.byId.get(id)?.jurisdiction[0];
    if (!code) continue;
    total++;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const shares = [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { total, shares };
}
