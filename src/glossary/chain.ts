/**
 * Following an entry's relations: its dependency chain (what it rests on, down to the
 * foundry and the lithography, with the jurisdiction of each step) and its relations in
 * both directions, in the shape the card renders.
 */
import { indexGlossary, type GlossaryIndex } from './glossary-index';
import type { Entry, Glossary, Kind, Localized, RelationType } from './types';

/**
 * The relation types that make an entry depend on its target, in the order the card
 * lists one entry's dependencies: who designs it, who makes it, what it needs, what it
 * runs on, what it belongs to, who owns it.
 *
 * Not followed: `competesWith` and `successorOf` (no dependency), `fundedBy` (money, not
 * control of the thing), `subjectTo` (the law an entry falls under, not what it is built on)
 * and `uses`, which the data uses for customers and optional
 * integrations ("Anthropic uses Trainium 2", "Neuron SDK uses PyTorch"): following it
 * would pull a customer's whole stack, or the whole graph, into a chip's chain. Pass
 * `types` to follow a different set.
 */
export { DEPENDENCY_RELATIONS, ROOT_ONLY_RELATIONS } from './relations';
import { DEPENDENCY_RELATIONS, ROOT_ONLY_RELATIONS } from './relations';

export interface ChainNode {
  id: string;
  name: Localized;
  kind: Kind;
  jurisdiction: string[];
}

export interface ChainStep extends ChainNode {
  /** The relation from `parent` to this step. */
  via: RelationType;
  note?: Localized;
  /** 1 for the root's own dependencies, 2 for theirs, ... */
  depth: number;
  /** The id of the entry whose relation reached this step (the root at depth 1). */
  parent: string;
}

export interface DependencyChain {
  root: ChainNode;
  /** Breadth-first: by depth, then in `DEPENDENCY_RELATIONS` order, then in data order. Each entry appears once, at its shallowest depth. */
  steps: ChainStep[];
  /** Distinct jurisdiction codes of the root and every step, in order of first appearance. */
  jurisdictions: string[];
}

export interface ChainOptions {
  /** Deepest step to include (default 8). */
  maxDepth?: number;
  /** Relation types to follow (default `DEPENDENCY_RELATIONS`), in priority order. */
  types?: readonly RelationType[];
  /** Of those, the types followed from the root only (default `ROOT_ONLY_RELATIONS`). */
  rootOnly?: readonly RelationType[];
}

export interface RelationView {
  type: RelationType;
  /** The other entry's id: the target of an outgoing relation, the source of an incoming one. */
  id: string;
  /** The other entry, when it exists. */
  entry?: Entry;
  note?: Localized;
}

export interface EntryRelations {
  /** This entry's relations, in data order ("designed by Annapurna Labs"). */
  outgoing: RelationView[];
  /** Other entries' relations to this one, in entry order ("Trainium 2 is designed by it"). */
  incoming: RelationView[];
}

function toIndex(glossary: Glossary | GlossaryIndex): GlossaryIndex {
  return 'byId' in glossary ? glossary : indexGlossary(glossary);
}

function node({ id, name, kind, jurisdiction }: Entry): ChainNode {
  return { id, name, kind, jurisdiction };
}

/**
 * The dependency chain of an entry, breadth-first and cycle-safe; undefined for an
 * unknown id. Relations to missing entries are skipped. Pass a `GlossaryIndex` when
 * calling it many times.
 */
export function dependencyChain(
  glossary: Glossary | GlossaryIndex,
  id: string,
  { maxDepth = 8, types = DEPENDENCY_RELATIONS, rootOnly = ROOT_ONLY_RELATIONS }: ChainOptions = {},
): DependencyChain | undefined {
  const { byId } = toIndex(glossary);
  const rootEntry = byId.get(id);
  if (!rootEntry) return undefined;
  const priority = (type: RelationType): number => types.indexOf(type);
  const seen = new Set([id]);
  const steps: ChainStep[] = [];
  let frontier: Entry[] = [rootEntry];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: Entry[] = [];
    for (const parent of frontier) {
      const relations = parent.relations
        .filter(({ type }) => priority(type) >= 0 && (depth === 1 || !rootOnly.includes(type)))
        .map((relation, order) => ({ relation, order }))
        .sort((a, b) => priority(a.relation.type) - priority(b.relation.type) || a.order - b.order);
      for (const { relation } of relations) {
        const target = byId.get(relation.target);
        if (!target || seen.has(target.id)) continue;
        seen.add(target.id);
        const step: ChainStep = { ...node(target), via: relation.type, depth, parent: parent.id };
        if (relation.note) step.note = relation.note;
        steps.push(step);
        next.push(target);
      }
    }
    frontier = next;
  }
  const jurisdictions = [...new Set([rootEntry, ...steps].flatMap((step) => step.jurisdiction))];
  return { root: node(rootEntry), steps, jurisdictions };
}

/** An entry's relations in both directions; undefined for an unknown id. */
export function relationsOf(
  glossary: Glossary | GlossaryIndex,
  id: string,
): EntryRelations | undefined {
  const { byId, incoming } = toIndex(glossary);
  const entry = byId.get(id);
  if (!entry) return undefined;
  const view = (type: RelationType, other: string, note?: Localized): RelationView => {
    const result: RelationView = { type, id: other };
    const otherEntry = byId.get(other);
    if (otherEntry) result.entry = otherEntry;
    if (note) result.note = note;
    return result;
  };
  return {
    outgoing: entry.relations.map(({ type, target, note }) => view(type, target, note)),
    incoming: (incoming.get(id) ?? []).map(({ type, source, note }) => view(type, source, note)),
  };
}
