/**
 * The strings of the card and the popup, in both languages (the card's chunk loads in web
 * pages, so it carries only these; the glossary page has its own table in page-strings.ts).
 * Glossary text comes from the data, never from here.
 */
import type { Lang } from '../glossary/types';
import { translator } from './translate';

export const UI_STRINGS = {
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
    fromPack: 'From the pack “{title}” ({publisher}, version {version}), not the curated glossary',
    setByOrganisation: 'set by your organisation',
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
    fromPack:
      'Fiche du paquet « {title} » ({publisher}, version {version}), hors glossaire vérifié',
    setByOrganisation: 'défini par votre organisation',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A card or popup string in `lang`, with its `{name}` placeholders filled. */
export const t = translator(UI_STRINGS);
