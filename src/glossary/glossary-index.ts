import type { Entry, Glossary, Localized, RelationType } from './types';

/** A relation seen from its target: `source` has a relation `type` pointing here. */
export interface IncomingRelation {
  type: RelationType;
  source: string;
  note?: Localized;
}

/** Lookups built once per glossary. */
export interface GlossaryIndex {
  glossary: Glossary;
  byId: ReadonlyMap<string, Entry>;
  /** Relations pointing at each id, in entry order. */
  incoming: ReadonlyMap<string, readonly IncomingRelation[]>;
}

/** Indexes a glossary by id; with duplicate ids (invalid data) the first entry wins. */
export function indexGlossary(glossary: Glossary): GlossaryIndex {
  const byId = new Map<string, Entry>();
  const incoming = new Map<string, IncomingRelation[]>();
  for (const entry of glossary.entries) {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
    for (const { type, target, note } of entry.relations) {
      const list = incoming.get(target) ?? [];
      list.push(note ? { type, source: entry.id, note } : { type, source: entry.id });
      incoming.set(target, list);
    }
  }
  return { glossary, byId, incoming };
}
