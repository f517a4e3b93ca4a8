import { KIND_TABLE } from '../glossary/kinds';
import { RELATIONS } from '../glossary/relations';
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
    asOf: 'As of',
    source: 'source',
    reported: 'reported',
    reportedTitle:
      'Reported by the press (unnamed sources or a single outlet), not confirmed by the party concerned',
    possiblyOutdated: 'may be out of date',
    possiblyOutdatedTitle: 'More than 18 months old, in a field that moves fast',
    openInGlossary: 'Open in the glossary',
    back: 'Back',
    close: 'Close',
    pin: 'Pin this card',
    unpin: 'Unpin this card',
    cardLabel: 'About {name}',
    yourEntry: 'Your entry',
    yourNote: 'Your note',
    jurisdiction: 'Controlled from',
    searchPlaceholder: 'Search the glossary',
    searchLabel: 'Search the glossary',
    onThisPage: 'On this page',
    actors: '{count} actors',
    actor: '1 actor',
    nothingFound: 'No known actor on this page.',
    noResults: 'Nothing in the glossary matches “{query}”.',
    cannotRun:
      'Sovereignty Lens cannot read this page (browser pages, extension stores and built-in PDF viewers are off limits to extensions). The glossary search still works.',
    pausedHere: 'Sovereignty Lens is off on this site.',
    notArticle:
      'This page holds no article text, so Sovereignty Lens left it alone to keep it fast.',
    markThisPage: 'Mark this page anyway',
    pausedEverywhere: 'Sovereignty Lens is paused everywhere.',
    disableSite: 'Off on {site}',
    pauseAll: 'Pause everywhere',
    openGlossary: 'Glossary & settings',
    articleMap: 'This article’s map',
    mentions: '{count} mentions',
    mention: '1 mention',
    profileLabel: 'Who controls the actors of this page',
    showInPage: 'Show in the page',
    results: 'Results',
    loading: 'Reading the page…',
  },
  fr: {
    dependency: 'Ce dont il rend dépendant',
    sovereignty: 'Souveraineté',
    chain: 'Chaîne de dépendance',
    facts: 'Faits datés',
    related: 'Voir aussi',
    reviewed: 'Vérifié le',
    asOf: 'À jour au',
    source: 'source',
    reported: 'selon la presse',
    reportedTitle:
      'Rapporté par la presse (sources anonymes ou un seul média), non confirmé par l’intéressé',
    possiblyOutdated: 'peut-être dépassé',
    possiblyOutdatedTitle: 'Plus de 18 mois, dans un domaine qui évolue vite',
    openInGlossary: 'Ouvrir dans le glossaire',
    back: 'Retour',
    close: 'Fermer',
    pin: 'Épingler cette fiche',
    unpin: 'Détacher cette fiche',
    cardLabel: 'À propos de {name}',
    yourEntry: 'Votre fiche',
    yourNote: 'Votre note',
    jurisdiction: 'Contrôlé depuis',
    searchPlaceholder: 'Chercher dans le glossaire',
    searchLabel: 'Chercher dans le glossaire',
    onThisPage: 'Sur cette page',
    actors: '{count} acteurs',
    actor: '1 acteur',
    nothingFound: 'Aucun acteur connu sur cette page.',
    noResults: 'Rien dans le glossaire ne correspond à « {query} ».',
    cannotRun:
      'Sovereignty Lens ne peut pas lire cette page (pages du navigateur, boutiques d’extensions et lecteurs PDF intégrés sont interdits aux extensions). La recherche dans le glossaire reste disponible.',
    pausedHere: 'Sovereignty Lens est désactivé sur ce site.',
    notArticle:
      'Cette page ne contient pas de texte d’article : Sovereignty Lens l’a laissée de côté pour ne pas la ralentir.',
    markThisPage: 'Marquer cette page quand même',
    pausedEverywhere: 'Sovereignty Lens est en pause partout.',
    disableSite: 'Désactivé sur {site}',
    pauseAll: 'Pause partout',
    openGlossary: 'Glossaire et réglages',
    articleMap: 'Carte de l’article',
    mentions: '{count} mentions',
    mention: '1 mention',
    profileLabel: 'Qui contrôle les acteurs de cette page',
    showInPage: 'Montrer dans la page',
    results: 'Résultats',
    loading: 'Lecture de la page…',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['en'];

/** The interface string `key` in `lang`, with `{name}`-style placeholders filled. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

export function kindPlural(kind: Kind, lang: Lang): string {
  return KIND_TABLE[kind].plural[lang];
}

/** A colour per jurisdiction for profile bars and graph nodes (stable, readable both themes). */
export function jurisdictionColor(code: string): string {
  const fixed: Record<string, string> = {
    US: '#3b6fd8',
    EU: '#f2b632',
    FR: '#2f9e44',
    DE: '#7950f2',
    NL: '#f76707',
    TW: '#d6336c',
    CN: '#e03131',
    KR: '#1098ad',
    JP: '#ae3ec9',
    GB: '#495057',
  };
  if (fixed[code]) return fixed[code];
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 50%)`;
}

export function kindLabel(kind: Kind, lang: Lang): string {
  return KIND_TABLE[kind].label[lang];
}

export function relationLabel(type: RelationType, lang: Lang): string {
  return RELATIONS[type].label[lang];
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
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  if (!month) return date;
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  // Date.UTC rolls "2024-13" over to January 2025 and "2024-02-30" to March: show those as written.
  if (value.getUTCMonth() !== month - 1 || (day !== undefined && value.getUTCDate() !== day)) {
    return date;
  }
  const options: Intl.DateTimeFormatOptions = day
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(value);
}

/** The text in the reader's language, or the other one when it is missing. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text[lang === 'en' ? 'fr' : 'en'];
}
