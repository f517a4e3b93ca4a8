import type { Lang } from '../glossary/types';
import type { Settings } from '../settings/settings';

/** The interface language: the setting, else the browser's ("fr-CA" -> fr, anything else -> en). */
export function pageLanguage(settings: Settings | undefined, uiLanguage: string): Lang {
  if (settings && settings.language !== 'auto') return settings.language;
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Dark theme: the setting, else the system's preference. */
export function pageIsDark(settings: Settings | undefined, systemDark: boolean): boolean {
  if (settings && settings.theme !== 'auto') return settings.theme === 'dark';
  return systemDark;
}
