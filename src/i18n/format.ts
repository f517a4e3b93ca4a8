/** How data values read in the interface: names of kinds, relations and regions, dates. */
import { KIND_TABLE } from '../glossary/kinds';
import { RELATIONS } from '../glossary/relations';
import type { Kind, Lang, Localized, RelationType } from '../glossary/types';

export function kindPlural(kind: Kind, lang: Lang): string {
  return KIND_TABLE[kind].plural[lang];
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
