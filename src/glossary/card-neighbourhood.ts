import { dependencyChain } from './chain';
import type { GlossaryIndex } from './glossary-index';
import type { Entry } from './types';

/**
 * The entries the card of `id` needs, the entry first: every entry of its dependency
 * chain (with their relations, so the chain can be walked again from them) and every
 * entry its related lists name, in both directions. Undefined for an unknown id. A card
 * built from `indexGlossary({ version: 1, entries })` of these shows what it would show
 * from the whole glossary.
 */
export function cardNeighbourhood(index: GlossaryIndex, id: string): Entry[] | undefined {
  const entry = index.byId.get(id);
  if (!entry) return undefined;
  const ids = new Set<string>([id]);
  for (const step of dependencyChain(index, id)?.steps ?? []) ids.add(step.id);
  for (const relation of entry.relations) ids.add(relation.target);
  for (const relation of index.incoming.get(id) ?? []) ids.add(relation.source);
  const entries: Entry[] = [];
  for (const each of ids) {
    const found = index.byId.get(each);
    if (found) entries.push(found);
  }
  return entries;
}
