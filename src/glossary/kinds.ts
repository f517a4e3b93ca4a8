/**
 * The kinds of entries, described once: their labels, the colour of their marks on pages,
 * their shape in the graph, and how many facts their cards need. The list of kinds, the
 * validator, the marks, the popup, the cards, the graph and the JSON Schemas of data/ (written
 * by `npm run glossary:schema`) all derive from this table. Adding a kind: its name in KINDS
 * and its row here, then `npm run glossary:schema`, and the entries that use it.
 */
import type { Localized } from './types';

/** A graph node's outline, drawn by `kindPath` (glossary-page/graph-shapes.tsx). */
export type KindShape =
  | { polygon: number; scale?: number; turn?: number }
  | { circle: number; dashed?: boolean }
  | 'rounded-square'
  | 'wide-rect';

export interface KindDescriptor {
  /** "Chip" / « Puce ». */
  label: Localized;
  /** The heading of a popup group: "Chips" / « Puces ». */
  plural: Localized;
  /** Colour of its marks, readable on light and dark pages (mid-lightness, saturated). */
  color: string;
  shape: KindShape;
  /** Cards of this kind need dated evidence: at least this many facts. */
  minFacts?: number;
}

/**
 * The kinds, in order (filters, legends, popup groups). A plain list, so that code needing
 * only the names (the settings, read by the every-frame loader) does not carry the table.
 */
export const KINDS = [
  'chip',
  'software',
  'company',
  'cloud',
  'policy',
  'project',
  'institution',
  'model',
  'technology',
  'concept',
] as const;

export type Kind = (typeof KINDS)[number];

/** One row per kind: a kind without its row, or a row without its kind, does not compile. */
export const KIND_TABLE: Record<Kind, KindDescriptor> = {
  chip: {
    label: { en: 'Chip', fr: 'Puce' },
    plural: { en: 'Chips', fr: 'Puces' },
    color: '#d9480f',
    shape: 'rounded-square',
    minFacts: 2,
  },
  software: {
    label: { en: 'Software', fr: 'Logiciel' },
    plural: { en: 'Software', fr: 'Logiciels' },
    color: '#1c7ed6',
    shape: { polygon: 6, turn: 0 },
    minFacts: 2,
  },
  company: {
    label: { en: 'Company', fr: 'Entreprise' },
    plural: { en: 'Companies', fr: 'Entreprises' },
    color: '#7048e8',
    shape: { circle: 1 },
  },
  cloud: {
    label: { en: 'Cloud', fr: 'Cloud' },
    plural: { en: 'Clouds', fr: 'Clouds' },
    color: '#0c8599',
    shape: 'wide-rect',
  },
  policy: {
    label: { en: 'Policy', fr: 'Politique publique' },
    plural: { en: 'Policies', fr: 'Politiques publiques' },
    color: '#2b8a3e',
    shape: { polygon: 4, scale: 1.1 },
    minFacts: 2,
  },
  project: {
    label: { en: 'Project', fr: 'Projet' },
    plural: { en: 'Projects', fr: 'Projets' },
    color: '#c2255c',
    shape: { polygon: 3, scale: 1.15 },
    minFacts: 2,
  },
  institution: {
    label: { en: 'Institution', fr: 'Institution' },
    plural: { en: 'Institutions', fr: 'Institutions' },
    color: '#5c940d',
    shape: { polygon: 5, scale: 1.02 },
  },
  model: {
    label: { en: 'AI model', fr: 'Modèle d’IA' },
    plural: { en: 'AI models', fr: 'Modèles d’IA' },
    color: '#e8590c',
    shape: { polygon: 3, scale: 1.15, turn: Math.PI / 2 },
  },
  technology: {
    label: { en: 'Technology', fr: 'Technologie' },
    plural: { en: 'Technologies', fr: 'Technologies' },
    color: '#1971c2',
    shape: { polygon: 8 },
  },
  concept: {
    label: { en: 'Concept', fr: 'Notion' },
    plural: { en: 'Concepts', fr: 'Notions' },
    color: '#868e96',
    shape: { circle: 0.8, dashed: true },
  },
};
