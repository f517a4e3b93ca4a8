import type { Kind, Lang, Localized, RelationType } from '../glossary/types';

/** Interface strings in both languages; glossary text comes from the data, never from here. */
const MESSAGES = {
  en: {
    dependency: 'What it makes you depend on',
    sovereignty: 'Sovereignty',
    chain: 'Dependency chain',
    facts: 'Dated facts',
    related: 'Related',
    reviewed: 'Reviewed',
    source: 'source',
    reported: 'reported',
    openInGlossary: 'Open in the glossary',
    back: 'Back',
    close: 'Close',
    pin: 'Pin this card',
    unpin: 'Unpin this card',
    cardLabel: 'About {name}',
    yourEntry: 'Your entry',
    yourNote: 'Your note',
    jurisdiction: 'Controlled from',
  },
  fr: {
    dependency: 'Ce dont il rend dépendant',
    sovereignty: 'Souveraineté',
    chain: 'Chaîne de dépendance',
    facts: 'Faits datés',
    related: 'Voir aussi',
    reviewed: 'Vérifié le',
    source: 'source',
    reported: 'selon la presse',
    openInGlossary: 'Ouvrir dans le glossaire',
    back: 'Retour',
    close: 'Fermer',
    pin: 'Épingler cette fiche',
    unpin: 'Détacher cette fiche',
    cardLabel: 'À propos de {name}',
    yourEntry: 'Votre fiche',
    yourNote: 'Votre note',
    jurisdiction: 'Contrôlé depuis',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['en'];

/** The interface string `key` in `lang`, with `{name}`-style placeholders filled. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

const KIND_LABELS: Record<Kind, Localized> = {
  chip: { en: 'Chip', fr: 'Puce' },
  software: { en: 'Software', fr: 'Logiciel' },
  company: { en: 'Company', fr: 'Entreprise' },
  cloud: { en: 'Cloud', fr: 'Cloud' },
  policy: { en: 'Policy', fr: 'Politique publique' },
  project: { en: 'Project', fr: 'Projet' },
  institution: { en: 'Institution', fr: 'Institution' },
  model: { en: 'AI model', fr: 'Modèle d’IA' },
  technology: { en: 'Technology', fr: 'Technologie' },
  concept: { en: 'Concept', fr: 'Notion' },
};

export function kindLabel(kind: Kind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}

const RELATION_LABELS: Record<RelationType, Localized> = {
  ownedBy: { en: 'owned by', fr: 'détenu par' },
  designedBy: { en: 'designed by', fr: 'conçu par' },
  manufacturedBy: { en: 'made by', fr: 'fabriqué par' },
  dependsOn: { en: 'depends on', fr: 'dépend de' },
  runsOn: { en: 'runs on', fr: 'fonctionne sur' },
  competesWith: { en: 'competes with', fr: 'concurrent de' },
  successorOf: { en: 'successor of', fr: 'successeur de' },
  partOf: { en: 'part of', fr: 'fait partie de' },
  fundedBy: { en: 'funded by', fr: 'financé par' },
  uses: { en: 'uses', fr: 'utilise' },
};

export function relationLabel(type: RelationType, lang: Lang): string {
  return RELATION_LABELS[type][lang];
}

const SPECIAL_REGIONS: Record<string, Localized> = {
  EU: { en: 'European Union', fr: 'Union européenne' },
  INT: { en: 'international body', fr: 'organisme international' },
};

const regionNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

/** "US" -> "United States" / "États-Unis"; "EU" and "INT" have their own names. */
export function jurisdictionName(code: string, lang: Lang): string {
  const special = SPECIAL_REGIONS[code];
  if (special) return special[lang];
  try {
    regionNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region' });
    return regionNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

/** Formats an ISO date of the data (YYYY, YYYY-MM or YYYY-MM-DD) for `lang`. */
export function formatDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year) return date;
  if (!month) return String(year);
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(value);
}

/** The text in the reader's language, or the other one when it is missing. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text[lang === 'en' ? 'fr' : 'en'];
}
