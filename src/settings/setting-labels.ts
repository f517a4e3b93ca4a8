/**
 * The labels of the choice and on/off settings (settings-shape.ts), in both languages: a
 * separate table so that the every-frame loader, which reads the settings, does not carry
 * them. Typed from the settings' tables: a setting or a value without its label does not
 * compile.
 */
import type { Localized } from '../glossary/types';
import type { ChoiceName, ChoiceOf, FlagName } from './settings-shape';

export const CHOICE_LABELS: {
  [K in ChoiceName]: { label: Localized; choices: Record<ChoiceOf<K>, Localized> };
} = {
  highlightStyle: {
    label: { en: 'How mentions are marked', fr: 'Marquage des mentions' },
    choices: {
      underline: { en: 'Dotted underline', fr: 'Soulignement pointillé' },
      background: { en: 'Tinted background', fr: 'Fond teinté' },
      off: {
        en: 'Not marked (cards only from the popup)',
        fr: 'Aucun marquage (fiches depuis la fenêtre de l’extension)',
      },
    },
  },
  markMode: {
    label: { en: 'Which mentions', fr: 'Quelles mentions' },
    choices: {
      all: { en: 'Every mention', fr: 'Toutes les mentions' },
      first: { en: 'First mention of each actor', fr: 'La première mention de chaque acteur' },
    },
  },
  scope: {
    label: { en: 'Where to look', fr: 'Où chercher' },
    choices: {
      article: { en: 'The article’s main text', fr: 'Le texte principal de l’article' },
      page: { en: 'The whole page', fr: 'Toute la page' },
    },
  },
  language: {
    label: { en: 'Language', fr: 'Langue' },
    choices: {
      auto: { en: 'Browser’s language', fr: 'Langue du navigateur' },
      en: { en: 'English', fr: 'English' },
      fr: { en: 'Français', fr: 'Français' },
    },
  },
  theme: {
    label: { en: 'Theme', fr: 'Thème' },
    choices: {
      auto: { en: 'Follow the system', fr: 'Celui du système' },
      light: { en: 'Light', fr: 'Clair' },
      dark: { en: 'Dark', fr: 'Sombre' },
    },
  },
};

export const FLAG_LABELS: { [K in FlagName]: { label: Localized; help?: Localized } } = {
  paused: { label: { en: 'Pause everywhere', fr: 'Pause partout' } },
  markOwnEntries: {
    label: { en: 'Mark my own entries on pages', fr: 'Marquer mes propres entrées dans les pages' },
    help: {
      en: 'Web pages can read which words the extension highlights. When this is off, pages are marked with the bundled glossary only, the same for every reader: your own entries are not marked and your hidden entries are. Your cards, notes and the glossary page are unchanged.',
      fr: 'Les pages web peuvent lire les mots que l’extension surligne. Désactivé, les pages sont marquées avec le seul glossaire fourni, le même pour tous les lecteurs : vos propres entrées ne sont pas marquées et vos entrées masquées le sont. Vos fiches, vos notes et la page du glossaire ne changent pas.',
    },
  },
};
