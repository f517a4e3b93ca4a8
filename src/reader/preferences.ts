/**
 * The reader's interface language and theme, resolved the same way in every context
 * (cards, popup, glossary page): the setting when it is set, else what the context knows
 * (the browser's language; the system's or the page's darkness).
 */
import type { Lang } from '../glossary/types';
import type { Settings } from '../settings/settings';

/** The setting, else the browser's language ("fr-CA" -> fr, anything else -> en). */
export function readerLanguage(
  settings: Pick<Settings, 'language'> | undefined,
  uiLanguage: string,
): Lang {
  if (settings && settings.language !== 'auto') return settings.language;
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Dark or light: the setting, else `contextIsDark` (the system's preference in the extension's
 * pages; the page's own background under a card).
 */
export function readerIsDark(
  settings: Pick<Settings, 'theme'> | undefined,
  contextIsDark: boolean | (() => boolean),
): boolean {
  if (settings && settings.theme !== 'auto') return settings.theme === 'dark';
  return typeof contextIsDark === 'function' ? contextIsDark() : contextIsDark;
}
