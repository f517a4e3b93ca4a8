/**
 * The glossary's data model. `data/glossary.json` is a `Glossary`; the JSON Schema in
 * `data/glossary.schema.json` documents the same shape for editors, and
 * `validateGlossary()` enforces it plus the cross-entry rules.
 */

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both interface languages. */
export interface Localized {
  en: string;
  fr: string;
}

/** Kinds are described in kinds.ts (labels, colours, shapes, facts needed). */
export { KINDS, type Kind } from './kinds';
import type { Kind } from './kinds';

/** Relation types are described in relations.ts (labels, chains, cards, graph). */
export { RELATION_TYPES, type RelationType } from './relations';
import type { RelationType } from './relations';

/**
 * How an alias's letter case must match (accents never count).
 * - `exact`: only as written (short acronyms: "TPU", "ISA", "AWS").
 * - `name`: as written, in capitals, or each word with a capital first letter
 *   ("Google", "GOOGLE", "Règlement Européen"); never all lower case.
 * - `any`: any casing ("Nvidia", "nVidia", "vertical integration").
 * Default (compile.ts, `defaultCaseRule`): `any` for a distinctive name (every word 4+
 * letters, none a dictionary word; decided at build time), else `exact` when the alias
 * has no lower-case letter, `name` otherwise.
 */
export type CaseRule = 'exact' | 'name' | 'any';

export interface Alias {
  /** The surface form as it appears in prose ("Trainium 2"); elisions and possessives are the matcher's job ("l’UE" matches the alias "UE"). */
  text: string;
  /** Restrict to one language's prose; absent = both. */
  lang?: Lang;
  case?: CaseRule;
  /** Also match the plural with a final "s" ("TPUs", "GPUs"). */
  plural?: boolean;
  /**
   * Whether the alias is a product model number that needs a cue nearby ("H100"). Decided
   * from its letters and digits when absent; `false` for a name such as "G42" or "S3NS".
   */
  model?: boolean;
  /**
   * Cue words for an ambiguous alias: it counts only when one of them (case-insensitive,
   * accents ignored, whole words) is in the same block or within the context window.
   */
  context?: string[];
}

export const CONFIDENCES = ['verified', 'reported'] as const;
/** `verified`: read in a primary or reputable source. `reported`: worded as "reported". */
export type Confidence = (typeof CONFIDENCES)[number];

export interface Fact {
  /** ISO date of the event: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  en: string;
  fr: string;
  /** https URL of the primary source or a reputable outlet. */
  source: string;
  confidence: Confidence;
  /**
   * ISO day (YYYY-MM-DD) the source was last read and found to support the fact. Required
   * in the bundled glossary (truth rules); optional in the reader's own entries.
   */
  accessed?: string;
  /**
   * The quantities the fact states, so that `npm run glossary:check` can compare the same
   * quantity across entries: `{ value: 500000, unit: "chips", subject: "project-rainier" }`.
   */
  figures?: Figure[];
}

/** One quantity a fact states, in a form the glossary check can compare across entries. */
export interface Figure {
  value: number;
  /** What is counted or measured, singular or plural as the fact says: "superchips", "USD", "MW". */
  unit: string;
  /** The entry id the quantity is about (often not the entry holding the fact). */
  subject: string;
}

export interface Relation {
  type: RelationType;
  /** The id of another entry. */
  target: string;
  /** Optional precision, e.g. "N6 process" or "since 2015". */
  note?: Localized;
}

export interface Entry {
  /** kebab-case, unique, stable: other entries, URLs and user data refer to it. */
  id: string;
  kind: Kind;
  name: Localized;
  /** One or two sentences: what it is. */
  summary: Localized;
  /** What using it makes you depend on, what it locks in or frees you from. */
  dependency: Localized;
  /** Who controls it, under which jurisdiction, what it means strategically. */
  sovereignty: Localized;
  /**
   * What the summary, dependency and sovereignty texts rest on: `facts[N]` (one of this
   * entry's facts) or the https URL of a source read for them. Required in the bundled
   * glossary (truth rules); optional in the reader's own entries.
   */
  textSources?: string[];
  /** ISO 3166 alpha-2 codes of control, or "EU" / "INT" (international body). */
  jurisdiction: string[];
  aliases: Alias[];
  facts: Fact[];
  relations: Relation[];
  /** The official website, https. */
  website?: string;
  /** ISO date (YYYY-MM-DD) the entry was last checked against its sources. */
  reviewed: string;
}

export interface Glossary {
  $schema?: string;
  version: number;
  entries: Entry[];
}
