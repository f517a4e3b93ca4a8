/**
 * The one mechanism behind every interface string: a table per surface with the same keys
 * in each language, and `{name}` placeholders filled literally (values are text, never
 * markup; the views render them as text). The manifest's and menus' strings stay in
 * public/_locales, which the browser reads itself.
 */
import type { Lang } from '../glossary/types';

/** A surface's strings: every key in every language. */
export type StringTable<K extends string = string> = Record<Lang, Record<K, string>>;

/** Fills `{name}` placeholders with `values`; a missing value leaves the place empty. */
export function fill(template: string, values: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** The lookup function of one table: `(lang, key, values?) => text`. */
export function translator<K extends string>(
  table: StringTable<K>,
): (lang: Lang, key: K, values?: Readonly<Record<string, string>>) => string {
  return (lang, key, values) => fill(table[lang][key], values);
}
