/**
 * The shape of the glossary's data, described once. The TypeScript types (types.ts) are
 * inferred from these descriptions, `npm run glossary:schema` writes the JSON Schemas that
 * editors use (data/glossary.schema.json, data/entry.schema.json) from them, and the
 * validator takes its lists of known keys from them. A unit test fails when the written
 * schemas are out of date, or when the validator accepts a wrong value for any field.
 */
import { KIND_TABLE, KINDS } from './kinds';
import { RELATION_TYPES, RELATIONS } from './relations';
import { CASE_RULES, CONFIDENCES, LANGS } from './types';

/** Maximum lengths in characters (Unicode code points, as JSON Schema counts them). */
export const LIMITS = {
  id: 60,
  name: 80,
  summary: 400,
  dependency: 500,
  sovereignty: 500,
  fact: 300,
  note: 300,
  alias: 60,
  contextCue: 60,
} as const;

interface Described {
  description?: string;
  /**
   * Set on a named shape given a few more constraints or a description of its own: the
   * schema writes it as a `$ref` to `base` plus `extra`.
   */
  refines?: { base: Shape; extra: Described };
}
export interface StringShape extends Described {
  type: 'string';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  format?: 'uri';
}
export interface EnumShape<V extends string = string> extends Described {
  enum: readonly V[];
}
export interface NumberShape extends Described {
  type: 'integer' | 'number';
  minimum?: number;
}
export interface BooleanShape extends Described {
  type: 'boolean';
}
export interface ArrayShape<I extends Shape = Shape> extends Described {
  type: 'array';
  items: I;
  minItems?: number;
  uniqueItems?: boolean;
}
/** Several string forms (only strings: the type is `string`). */
export interface AnyStringShape extends Described {
  anyOf: readonly StringShape[];
}
export interface ObjectShape<
  P extends Record<string, Shape> = Record<string, Shape>,
  R extends keyof P = keyof P,
> extends Described {
  type: 'object';
  properties: P;
  /** Required everywhere (the type says so). */
  required: readonly R[];
  /**
   * Also required in the bundled glossary's files, but optional in the reader's own
   * entries and packs (the truth rules need them; a reader's quick entry does not).
   */
  requiredInData?: readonly (keyof P)[];
  /** Keys the files may carry but the data does not (an entry file's `$schema`). */
  fileOnly?: Record<string, Shape>;
}
export type Shape =
  StringShape | EnumShape | NumberShape | BooleanShape | ArrayShape | AnyStringShape | ObjectShape;

/** The TypeScript type a shape describes. */
export type Infer<S> =
  S extends EnumShape<infer V>
    ? V
    : S extends StringShape | AnyStringShape
      ? string
      : S extends BooleanShape
        ? boolean
        : S extends NumberShape
          ? number
          : S extends ArrayShape<infer I>
            ? Infer<I>[]
            : S extends ObjectShape<infer P, infer R>
              ? Flat<
                  { -readonly [K in R]: Infer<P[K]> } & {
                    -readonly [K in Exclude<keyof P, R>]?: Infer<P[K]>;
                  }
                >
              : never;
type Flat<T> = { [K in keyof T]: T[K] };

function refine<S extends Shape>(base: S, extra: Described & Record<string, unknown>): S {
  return { ...base, ...extra, refines: { base, extra } };
}
const text = (maxLength: number, description?: string) =>
  refine(TEXT, { ...(description && { description }), maxLength });
const described = <S extends Shape>(base: S, description: string) => refine(base, { description });
const object = <P extends Record<string, Shape>, R extends keyof P>(
  shape: Omit<ObjectShape<P, R>, 'type'>,
): ObjectShape<P, R> => ({ type: 'object', ...shape });
const array = <I extends Shape>(
  items: I,
  { description, ...more }: Omit<ArrayShape<I>, 'type' | 'items'> = {},
) => ({ ...(description && { description }), type: 'array', ...more, items }) as ArrayShape<I>;
const enumOf = <V extends string>(values: readonly V[], description: string): EnumShape<V> => ({
  description,
  enum: values,
});

const ID: StringShape = {
  description:
    'kebab-case identifier: lower-case ASCII letters and digits in words joined by single hyphens.',
  type: 'string',
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: LIMITS.id,
};
const TEXT: StringShape = {
  description: 'A non-blank text.',
  type: 'string',
  minLength: 1,
  pattern: '\\S',
};
const HTTPS_URL: StringShape = {
  description: 'An absolute https URL.',
  type: 'string',
  format: 'uri',
  pattern: '^https://[^\\s/?#]+\\.[^\\s/?#]+([/?#]\\S*)?$',
};
const ISO_DAY: StringShape = {
  description:
    'ISO calendar date YYYY-MM-DD (a real day: 2026-02-30 is rejected by the validator).',
  type: 'string',
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
};
const ISO_DATE: StringShape = {
  description: 'ISO date with the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.',
  type: 'string',
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$',
};
const LANG = enumOf(LANGS, 'Interface and prose language.');

const localized = (description: string, maxLength: number) =>
  object({
    description,
    required: ['en', 'fr'],
    properties: { en: text(maxLength), fr: text(maxLength) },
  });
const LOCALIZED_NAME = localized('A name in English and French.', LIMITS.name);
const LOCALIZED_SUMMARY = localized('One or two sentences in English and French.', LIMITS.summary);
const LOCALIZED_PARAGRAPH = localized(
  'One to three sentences in English and French.',
  LIMITS.dependency,
);
const LOCALIZED_NOTE = localized(
  'A short precision in English and French, e.g. "N6 process" / "procédé N6".',
  LIMITS.note,
);

/** "a, b and c". */
const listed = (words: readonly string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** Which kinds need how many facts (kinds.ts), in words. */
const FACTS_NEEDED = [...new Set(KINDS.map((kind) => KIND_TABLE[kind].minFacts))]
  .filter((min) => min !== undefined)
  .map((min) => {
    const kinds = KINDS.filter((kind) => KIND_TABLE[kind].minFacts === min);
    return `${listed(kinds)} entries need at least ${min} facts`;
  })
  .join('; ');
const followed = (yes: boolean): string =>
  listed(RELATION_TYPES.filter((type) => (RELATIONS[type].chain !== 'never') === yes));

const KIND = enumOf(KINDS, `What sort of entity this is. ${FACTS_NEEDED}.`);
const RELATION_TYPE = enumOf(
  RELATION_TYPES,
  `Typed edge from this entry to another. ${followed(true)} are dependency edges (followed for the card's dependency chain); ${followed(false)} are shown but not followed.`,
);
const CASE_RULE = enumOf(
  CASE_RULES,
  'How the alias’s letter case must match (accents never count). exact: only as written (short acronyms). name: as written, ALL CAPS, or each word with a capital first letter; never all lower case. any: any casing. Default, decided at build time: any for a distinctive name (every word 4+ letters, none an English or French dictionary word) without context cues and not a model number; otherwise exact when the alias has no lower-case letter, name else. See README, Alias rules.',
);
const CONFIDENCE = enumOf(
  CONFIDENCES,
  'verified: the cited page was read and supports every name, number, unit and date of the fact. reported: the claim rests on unnamed sources or a single outlet, and the text says so ("according to…", « selon… »).',
);

const ALIAS = object({
  description:
    'A surface form the matcher looks for; it must start with a letter or a digit. The same normalised form (case and accents folded, spaces and hyphens between a letter and a digit removed) may appear in two places only when both carry context cues. Model numbers (letters and digits, no lower-case word: H100) need a cue nearby (README, Alias rules).',
  required: ['text'],
  properties: {
    text: text(
      LIMITS.alias,
      'The surface form as it appears in prose ("Trainium 2"). Spacing/hyphen variants, possessives, elisions and apostrophe variants are the matcher’s job: do not list them.',
    ),
    lang: described(LANG, 'Match only in prose of this language; absent = both.'),
    case: CASE_RULE,
    plural: {
      description: 'Also match the plural with a final "s" ("TPUs").',
      type: 'boolean',
    } as BooleanShape,
    model: {
      description:
        'Whether the alias is a product model number that counts only next to a cue ("H100"). Decided from its letters and digits when absent; false for a name such as "G42" or "S3NS".',
      type: 'boolean',
    } as BooleanShape,
    context: array(text(LIMITS.contextCue), {
      description:
        'Cue words for an ambiguous alias: the mention counts only when one of them (case-insensitive, accents ignored, whole words) is in the same block or nearby.',
      minItems: 1,
      uniqueItems: true,
    }),
  },
});

const FIGURE = object({
  description: 'One quantity a fact states.',
  required: ['value', 'unit', 'subject'],
  properties: {
    value: { type: 'number' } as NumberShape,
    unit: text(LIMITS.alias, 'What is counted or measured: "superchips", "USD", "MW".'),
    subject: described(ID, 'The id of the entry the quantity is about.'),
  },
});

const FACT = object({
  description: 'A dated, sourced statement in both languages.',
  required: ['date', 'en', 'fr', 'source', 'confidence'],
  requiredInData: ['accessed'],
  properties: {
    date: described(ISO_DATE, 'Date of the event; not after the entry’s reviewed date.'),
    en: text(LIMITS.fact),
    fr: text(LIMITS.fact),
    source: described(
      HTTPS_URL,
      'https URL of the primary source or of a reputable outlet (never a mirror or a copy).',
    ),
    confidence: CONFIDENCE,
    accessed: described(ISO_DAY, 'The day the source was last read and found to support the fact.'),
    figures: array(FIGURE, {
      description:
        'The quantities the fact states, compared across entries by npm run glossary:check: the same unit for the same subject must agree unless every such fact is reported.',
    }),
  },
});

const RELATION = object({
  description: 'A typed edge to another entry (never to itself; one edge per type and target).',
  required: ['type', 'target'],
  properties: {
    type: RELATION_TYPE,
    target: described(ID, 'The id of another entry of the glossary.'),
    note: described(LOCALIZED_NOTE, 'Optional precision, e.g. "N6 process" or "since 2015".'),
  },
});

const ENTRY = object({
  description:
    'One entity: what it is, what it makes you depend on, who controls it and from where, dated facts and typed relations.',
  required: [
    'id',
    'kind',
    'name',
    'summary',
    'dependency',
    'sovereignty',
    'jurisdiction',
    'aliases',
    'facts',
    'relations',
    'reviewed',
  ],
  requiredInData: ['textSources'],
  fileOnly: {
    $schema: {
      description:
        'Path of the entry schema, for editors: "../entry.schema.json". Ignored by the build.',
      type: 'string',
    } as StringShape,
  },
  properties: {
    id: described(ID, 'Unique and stable: other entries, URLs and user data refer to it.'),
    kind: KIND,
    name: described(
      LOCALIZED_NAME,
      `Display name (at most ${LIMITS.name} characters per language).`,
    ),
    summary: described(
      LOCALIZED_SUMMARY,
      `One or two sentences: what it is (at most ${LIMITS.summary} characters per language).`,
    ),
    dependency: described(
      LOCALIZED_PARAGRAPH,
      `What using it makes you depend on, what it locks in or frees you from (at most ${LIMITS.dependency} characters per language).`,
    ),
    sovereignty: described(
      LOCALIZED_PARAGRAPH,
      `Who controls it, under which jurisdiction, what it means strategically (at most ${LIMITS.sovereignty} characters per language).`,
    ),
    textSources: array(
      {
        anyOf: [{ type: 'string', pattern: '^facts\\[[0-9]+\\]$' }, HTTPS_URL],
      } as AnyStringShape,
      {
        description:
          'What the summary, dependency and sovereignty texts rest on: "facts[N]" for one of this entry’s facts, or the https URL of a source read for the texts. Every claim in the texts must rest on one of them.',
        minItems: 1,
        uniqueItems: true,
      },
    ),
    jurisdiction: array({ type: 'string', pattern: '^[A-Z]{2}$|^EU$|^INT$' } as StringShape, {
      description:
        'Where control lies: ISO 3166 alpha-2 codes, "EU" for EU bodies and law, "INT" for international bodies.',
      minItems: 1,
      uniqueItems: true,
    }),
    aliases: array(ALIAS, {
      description: 'Surface forms matched in English and French prose (at least one).',
      minItems: 1,
    }),
    facts: array(FACT, {
      description: `Dated, sourced statements; ${FACTS_NEEDED}.`,
    }),
    relations: array(RELATION, { description: 'Typed edges to other entries.' }),
    website: described(HTTPS_URL, 'The official website.'),
    reviewed: described(ISO_DAY, 'Day the entry was last checked against its sources.'),
  },
});

const GLOSSARY = object({
  description:
    'The glossary assembled from data/glossary/ (one <id>.json file per entry, each checked against entry.schema.json): the entities the extension marks in articles and the cards it shows. Cross-entry rules a schema cannot express (unique ids, relation targets that exist, no self or duplicate relation, real calendar dates not after `reviewed`, deliberate alias collisions only) are enforced by src/glossary/validate.ts (`npm run glossary:check`).',
  required: ['version', 'entries'],
  properties: {
    $schema: {
      description: 'Path of this schema, for editors: "./glossary.schema.json".',
      type: 'string',
    } as StringShape,
    version: {
      description: 'Format version of the file; 1 for now.',
      type: 'integer',
      minimum: 1,
    } as NumberShape,
    entries: array(ENTRY, { description: 'One entry per entity, sorted by id.' }),
  },
});

/** The named shapes, as the JSON Schema's `$defs` (in this order). */
export const SHAPES = {
  id: ID,
  text: TEXT,
  httpsUrl: HTTPS_URL,
  isoDay: ISO_DAY,
  isoDate: ISO_DATE,
  lang: LANG,
  localizedName: LOCALIZED_NAME,
  localizedSummary: LOCALIZED_SUMMARY,
  localizedParagraph: LOCALIZED_PARAGRAPH,
  localizedNote: LOCALIZED_NOTE,
  kind: KIND,
  relationType: RELATION_TYPE,
  caseRule: CASE_RULE,
  confidence: CONFIDENCE,
  alias: ALIAS,
  fact: FACT,
  figure: FIGURE,
  relation: RELATION,
  entry: ENTRY,
  glossary: GLOSSARY,
};

/** The keys an object of a named shape may have. */
export function knownKeys(shape: { properties: object }): string[] {
  return Object.keys(shape.properties);
}
