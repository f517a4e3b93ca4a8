/**
 * The relation types between entries, described once. Everything about a type is here:
 * its labels, whether dependency chains follow it (and from where), its place in a card's
 * related list and how the graph draws it. The list of types, the validator, chains,
 * cards, the entry form, the graph and the JSON Schemas of data/ (`npm run glossary:schema`)
 * all derive from this table. Adding a type: a row here, the schema written again, and the
 * data that uses it.
 */
import type { Localized } from './types';

export interface RelationDescriptor {
  /** "Trainium 2 — made by — TSMC". */
  label: Localized;
  /**
   * Whether dependency chains follow it: `always`, `root` (only from the entry whose chain
   * it is: a stack's `runsOn` lists alternatives, not needs, for what depends on it), or
   * `never` (customers, rivals, laws, funders would pull the whole graph into a chain).
   */
  chain: 'always' | 'root' | 'never';
  /** Order among the types a chain follows at the same depth (lower first). */
  chainPriority?: number;
  /** Order in a card's list of related entries (lower first). */
  cardOrder: number;
  /** How the graph draws it: a solid line for dependencies, else dashes. */
  graphLine: 'solid' | 'dashed' | 'dotted';
}

export const RELATIONS = {
  ownedBy: {
    label: { en: 'owned by', fr: 'détenu par' },
    chain: 'always',
    chainPriority: 5,
    cardOrder: 0,
    graphLine: 'solid',
  },
  designedBy: {
    label: { en: 'designed by', fr: 'conçu par' },
    chain: 'always',
    chainPriority: 0,
    cardOrder: 1,
    graphLine: 'solid',
  },
  manufacturedBy: {
    label: { en: 'made by', fr: 'fabriqué par' },
    chain: 'always',
    chainPriority: 1,
    cardOrder: 2,
    graphLine: 'solid',
  },
  dependsOn: {
    label: { en: 'depends on', fr: 'dépend de' },
    chain: 'always',
    chainPriority: 2,
    cardOrder: 3,
    graphLine: 'solid',
  },
  runsOn: {
    label: { en: 'runs on', fr: 'fonctionne sur' },
    chain: 'root',
    chainPriority: 3,
    cardOrder: 4,
    graphLine: 'solid',
  },
  competesWith: {
    label: { en: 'competes with', fr: 'concurrent de' },
    chain: 'never',
    cardOrder: 10,
    graphLine: 'dashed',
  },
  successorOf: {
    label: { en: 'successor of', fr: 'successeur de' },
    chain: 'never',
    cardOrder: 9,
    graphLine: 'dotted',
  },
  partOf: {
    label: { en: 'part of', fr: 'fait partie de' },
    chain: 'always',
    chainPriority: 4,
    cardOrder: 5,
    graphLine: 'solid',
  },
  fundedBy: {
    label: { en: 'funded by', fr: 'financé par' },
    chain: 'never',
    cardOrder: 8,
    graphLine: 'dotted',
  },
  uses: {
    label: { en: 'uses', fr: 'utilise' },
    chain: 'never',
    cardOrder: 7,
    graphLine: 'dotted',
  },
  subjectTo: {
    label: { en: 'subject to', fr: 'soumis à' },
    chain: 'never',
    cardOrder: 6,
    graphLine: 'dotted',
  },
} as const satisfies Record<string, RelationDescriptor>;

export type RelationType = keyof typeof RELATIONS;

/** Every relation type, in the table's order. */
export const RELATION_TYPES = Object.keys(RELATIONS) as RelationType[];

const typesWhere = (keep: (d: RelationDescriptor) => boolean): RelationType[] =>
  RELATION_TYPES.filter((type) => keep(RELATIONS[type]));

/** The types dependency chains follow, in priority order. */
export const DEPENDENCY_RELATIONS: readonly RelationType[] = typesWhere(
  (d) => d.chain !== 'never',
).sort((a, b) => chainPriority(a) - chainPriority(b));

/** Followed from the chain's root only (see `RelationDescriptor.chain`). */
export const ROOT_ONLY_RELATIONS: readonly RelationType[] = typesWhere((d) => d.chain === 'root');

/** The order of a card's related entries. */
export const CARD_RELATION_ORDER: readonly RelationType[] = RELATION_TYPES.slice().sort(
  (a, b) => RELATIONS[a].cardOrder - RELATIONS[b].cardOrder,
);

function chainPriority(type: RelationType): number {
  return (RELATIONS[type] as RelationDescriptor).chainPriority ?? Number.MAX_SAFE_INTEGER;
}
