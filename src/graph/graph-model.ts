/**
 * The glossary as a graph: one node per entry, one typed edge per relation, filtered by
 * kind, jurisdiction and relation type; and the sets of nodes and edges to highlight for
 * "the chain of X" (everything X rests on, along dependency edges) and "who depends on
 * X" (the reverse). Pure: no DOM, no extension APIs.
 */
import { dependencyChain, DEPENDENCY_RELATIONS, ROOT_ONLY_RELATIONS } from '../glossary/chain';
import { indexGlossary, type GlossaryIndex } from '../glossary/glossary-index';
import type { Glossary, Kind, Localized, RelationType } from '../glossary/types';

export interface GraphNode {
  id: string;
  name: Localized;
  kind: Kind;
  jurisdiction: string[];
}

export interface GraphEdge {
  /** `source|type|target`, unique per glossary. */
  id: string;
  source: string;
  target: string;
  type: RelationType;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilter {
  /** Kinds to show; undefined or empty = all. */
  kinds?: readonly Kind[];
  /** Jurisdictions to show (a node shows when one of its codes is listed); empty = all. */
  jurisdictions?: readonly string[];
  /** Relation types to draw; undefined or empty = all. */
  relationTypes?: readonly RelationType[];
  /** Only these ids (the entities found on a page); undefined = every entry. */
  only?: ReadonlySet<string>;
}

export interface Highlight {
  /** The entry the highlight starts from. */
  root: string;
  direction: 'chain' | 'dependents';
  nodes: Set<string>;
  edges: Set<string>;
}

export const edgeId = (source: string, type: RelationType, target: string): string =>
  `${source}|${type}|${target}`;

const isDependency = (type: RelationType): boolean =>
  (DEPENDENCY_RELATIONS as readonly RelationType[]).includes(type);
const rootOnly = (type: RelationType): boolean =>
  (ROOT_ONLY_RELATIONS as readonly RelationType[]).includes(type);

/** The whole glossary as a graph, before filtering. Relations to missing entries are dropped. */
export function buildGraph(glossary: Glossary): Graph {
  const ids = new Set(glossary.entries.map((e) => e.id));
  const seen = new Set<string>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const { id, name, kind, jurisdiction, relations } of glossary.entries) {
    if (seen.has(id)) continue;
    seen.add(id);
    nodes.push({ id, name, kind, jurisdiction });
    for (const { type, target } of relations) {
      if (ids.has(target) && target !== id) {
        edges.push({ id: edgeId(id, type, target), source: id, target, type });
      }
    }
  }
  return { nodes, edges };
}

/** The nodes that pass the filter, and the edges of the chosen types between them. */
export function filterGraph(graph: Graph, filter: GraphFilter): Graph {
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
  const codes = filter.jurisdictions?.length ? new Set(filter.jurisdictions) : undefined;
  const types = filter.relationTypes?.length ? new Set(filter.relationTypes) : undefined;
  const nodes = graph.nodes.filter(
    (n) =>
      (!filter.only || filter.only.has(n.id)) &&
      (!kinds || kinds.has(n.kind)) &&
      (!codes || n.jurisdiction.some((c) => codes.has(c))),
  );
  const shown = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter(
    (e) => shown.has(e.source) && shown.has(e.target) && (!types || types.has(e.type)),
  );
  return { nodes, edges };
}

/** Dependency edges out of `id` that its chain follows (runsOn only from the root). */
function chainEdges(index: GlossaryIndex, id: string): Set<string> {
  const chain = dependencyChain(index, id);
  const edges = new Set<string>();
  if (!chain) return edges;
  const members = new Set([id, ...chain.steps.map((s) => s.id)]);
  for (const member of members) {
    const entry = index.byId.get(member);
    for (const { type, target } of entry?.relations ?? []) {
      if (!isDependency(type) || !members.has(target) || target === member) continue;
      if (rootOnly(type) && member !== id) continue;
      edges.add(edgeId(member, type, target));
    }
  }
  return edges;
}

/**
 * "Show the chain of X": X and every entry its dependency chain reaches (the same rules
 * as the card's chain), with every dependency edge on a path between them.
 */
export function chainHighlight(glossary: Glossary | GlossaryIndex, id: string): Highlight {
  const index = 'byId' in glossary ? glossary : indexGlossary(glossary);
  const chain = dependencyChain(index, id);
  const nodes = new Set(chain ? [id, ...chain.steps.map((s) => s.id)] : []);
  return { root: id, direction: 'chain', nodes, edges: chain ? chainEdges(index, id) : new Set() };
}

/**
 * "Who depends on X": X and every entry whose dependency chain reaches X, with the
 * dependency edges that lead to X.
 */
export function dependentsHighlight(glossary: Glossary | GlossaryIndex, id: string): Highlight {
  const index = 'byId' in glossary ? glossary : indexGlossary(glossary);
  if (!index.byId.has(id))
    return { root: id, direction: 'dependents', nodes: new Set(), edges: new Set() };
  const nodes = new Set([id]);
  for (const entry of index.glossary.entries) {
    if (entry.id === id) continue;
    if (dependencyChain(index, entry.id)?.steps.some((s) => s.id === id)) nodes.add(entry.id);
  }
  // An edge leads to X when both ends are in the set and its target still reaches X.
  const edges = new Set<string>();
  for (const source of nodes) {
    if (source === id) continue;
    for (const { type, target } of index.byId.get(source)?.relations ?? []) {
      // Every edge from a dependent is a first step of its own chain, runsOn included.
      if (!isDependency(type) || !nodes.has(target)) continue;
      edges.add(edgeId(source, type, target));
    }
  }
  return { root: id, direction: 'dependents', nodes, edges };
}
