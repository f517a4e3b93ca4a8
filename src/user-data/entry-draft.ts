/**
 * The add/edit form's model: the same fields as a glossary entry, where every text may be
 * given in English, French or both. Building the entry fills a missing language with the
 * other one, so a user entry always has the shape the cards and the matcher expect.
 */
import type {
  Alias,
  CaseRule,
  Confidence,
  Entry,
  Fact,
  Figure,
  Kind,
  Lang,
  Localized,
  Relation,
  RelationType,
} from '../glossary/types';

export const TEXT_FIELDS = ['name', 'summary', 'dependency', 'sovereignty'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface AliasDraft {
  text: string;
  lang: Lang | '';
  case: CaseRule | '';
  plural: boolean;
  /** Cue words separated by commas. */
  context: string;
  /** Kept as imported (not edited in the form): see `Alias.model`. */
  model?: boolean;
}

export interface FactDraft {
  date: string;
  en: string;
  fr: string;
  source: string;
  confidence: Confidence;
  /** Kept from an imported or bundled entry; the form does not edit it. */
  accessed?: string;
  figures?: Figure[];
}

export interface RelationDraft {
  type: RelationType;
  target: string;
  /** Kept from an imported entry; the form does not edit it. */
  note?: Localized;
}

export interface EntryDraft {
  id: string;
  kind: Kind;
  texts: Record<TextField, Localized>;
  /** Codes separated by commas or spaces ("US, TW"). */
  jurisdiction: string;
  aliases: AliasDraft[];
  facts: FactDraft[];
  relations: RelationDraft[];
  website: string;
  reviewed: string;
  /** Kept from an imported or bundled entry; the form does not edit it. */
  textSources?: string[];
}

const blank = (): Localized => ({ en: '', fr: '' });

export function emptyDraft(today: string): EntryDraft {
  return {
    id: '',
    kind: 'company',
    texts: { name: blank(), summary: blank(), dependency: blank(), sovereignty: blank() },
    jurisdiction: '',
    aliases: [{ text: '', lang: '', case: '', plural: false, context: '' }],
    facts: [],
    relations: [],
    website: '',
    reviewed: today,
  };
}

/** Both languages from whichever was given (trimmed); empty strings when neither was. */
export function fillLanguages(text: Localized): Localized {
  const en = text.en.trim();
  const fr = text.fr.trim();
  return { en: en || fr, fr: fr || en };
}

/** "Nvidia Corp." -> "nvidia-corp" */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The entry the draft describes; validation (validateUserEntries) says what is wrong. */
export function draftToEntry(draft: EntryDraft): Entry {
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, fillLanguages(draft.texts[field])]),
  ) as Record<TextField, Localized>;
  const aliases: Alias[] = draft.aliases
    .filter((a) => a.text.trim())
    .map((a) => {
      const alias: Alias = { text: a.text.trim() };
      if (a.lang) alias.lang = a.lang;
      if (a.case) alias.case = a.case;
      if (a.plural) alias.plural = true;
      if (a.model !== undefined) alias.model = a.model;
      const cues = a.context
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      if (cues.length > 0) alias.context = cues;
      return alias;
    });
  const facts: Fact[] = draft.facts.map((f) => {
    const text = fillLanguages({ en: f.en, fr: f.fr });
    const fact: Fact = {
      date: f.date.trim(),
      en: text.en,
      fr: text.fr,
      source: f.source.trim(),
      confidence: f.confidence,
    };
    if (f.accessed) fact.accessed = f.accessed;
    if (f.figures) fact.figures = f.figures;
    return fact;
  });
  const relations: Relation[] = draft.relations
    .filter((r) => r.target)
    .map((r) =>
      r.note
        ? { type: r.type, target: r.target, note: r.note }
        : { type: r.type, target: r.target },
    );
  const entry: Entry = {
    id: draft.id.trim() || slugify(texts.name.en),
    kind: draft.kind,
    ...texts,
    jurisdiction: draft.jurisdiction
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
    aliases,
    facts,
    relations,
    reviewed: draft.reviewed.trim(),
  };
  if (draft.website.trim()) entry.website = draft.website.trim();
  if (draft.textSources) entry.textSources = [...draft.textSources];
  return entry;
}

/** The form's content for an existing entry. */
export function entryToDraft(entry: Entry): EntryDraft {
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, { ...entry[field] }]),
  ) as Record<TextField, Localized>;
  return {
    id: entry.id,
    kind: entry.kind,
    texts,
    jurisdiction: entry.jurisdiction.join(', '),
    aliases: entry.aliases.map((a) => ({
      text: a.text,
      lang: a.lang ?? '',
      case: a.case ?? '',
      plural: a.plural ?? false,
      context: (a.context ?? []).join(', '),
      ...(a.model !== undefined ? { model: a.model } : {}),
    })),
    facts: entry.facts.map((f) => ({ ...f })),
    relations: entry.relations.map((r) => ({ ...r })),
    website: entry.website ?? '',
    reviewed: entry.reviewed,
    ...(entry.textSources ? { textSources: [...entry.textSources] } : {}),
  };
}
