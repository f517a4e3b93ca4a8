/**
 * The glossary's data model, inferred from its shape (entry-shape.ts: each field's meaning
 * is described there, and the JSON Schemas of data/ are written from it). `Glossary` is
 * what `data/glossary/` assembles to; `validateGlossary()` checks unknown JSON against it
 * plus the cross-entry rules.
 */
import type { Infer, SHAPES } from './entry-shape';

/** Languages of the interface and of the texts. */
export const LANGS = ['en', 'fr'] as const;
export const CONFIDENCES = ['verified', 'reported'] as const;
export const CASE_RULES = ['exact', 'name', 'any'] as const;

/** Kinds are described in kinds.ts (labels, colours, shapes, facts needed). */
export { KINDS, type Kind } from './kinds';
/** Relation types are described in relations.ts (labels, chains, cards, graph). */
export { RELATION_TYPES, type RelationType } from './relations';

export type Lang = (typeof LANGS)[number];
/** A text in both interface languages. */
export type Localized = Record<Lang, string>;
/**
 * How an alias's letter case must match (accents never count); see entry-shape.ts, and
 * compile.ts `defaultCaseRule` for the default.
 */
export type CaseRule = Infer<typeof SHAPES.caseRule>;
export type Alias = Infer<typeof SHAPES.alias>;
export type Confidence = Infer<typeof SHAPES.confidence>;
export type Fact = Infer<typeof SHAPES.fact>;
/** One quantity a fact states, in a form the glossary check can compare across entries. */
export type Figure = Infer<typeof SHAPES.figure>;
export type Relation = Infer<typeof SHAPES.relation>;
export type Entry = Infer<typeof SHAPES.entry>;
export type Glossary = Infer<typeof SHAPES.glossary>;
