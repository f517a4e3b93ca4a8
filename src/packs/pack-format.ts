/**
 * Glossary packs: data-only JSON files of entries in the glossary's schema, published by
 * a newsroom or a community and installed by the reader. This file holds the format (its
 * types, limits and versions) and the export; validate-pack.ts checks a file, install.ts
 * keeps the installed list, apply-packs.ts merges them with the bundled glossary. Pure
 * TypeScript, like the glossary core.
 */
import type { Entry } from '../glossary/types';
import type { TextLimits } from '../user-data/limits';

/** The value of a pack file's `format`. */
export const PACK_FORMAT = 'sovereignty-lens-pack/1';

export const PACK_LIMITS = {
  /** Size of a pack file, in characters of its text (about 5 MB). */
  fileCharacters: 5_000_000,
  /** Depth of nested arrays and objects (a valid pack needs 7). */
  nesting: 16,
  /** Entries of one pack. */
  entries: 2_000,
  /** Characters of `title` and of `publisher`. */
  label: 100,
} as const satisfies TextLimits & Record<string, number>;

/** MAJOR.MINOR.PATCH, non-negative integers without leading zeros. */
export const VERSION_PATTERN = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;

/** A pack file, as validated by `parsePackFile`. */
export interface Pack {
  format: typeof PACK_FORMAT;
  /** Like an entry id: kebab-case, stable across versions. */
  id: string;
  /** Plain text, trimmed; shown as text, never as HTML. */
  title: string;
  publisher: string;
  /** MAJOR.MINOR.PATCH (`compareVersions`). */
  version: string;
  /** The day this version was published, YYYY-MM-DD. */
  date: string;
  entries: Entry[];
  /** Ids that earlier versions of this pack had and withdrew. */
  retired: string[];
}

/** A pack the reader installed; its place in the list is its precedence. */
export interface InstalledPack extends Pack {
  /** ISO time this version was installed. */
  installedAt: string;
}

/** The pack's fields other than its entries, in file order (pack.json of `npm run pack`). */
export const PACK_KEYS = [
  'format',
  'id',
  'title',
  'publisher',
  'version',
  'date',
  'entries',
  'retired',
] as const;

/**
 * Compares two MAJOR.MINOR.PATCH versions numerically: negative when `a` is older, 0 when
 * equal, positive when newer. Without leading zeros, a longer number is a larger one, so
 * the parts are compared as text of any length ("1.10.0" is after "1.9.0").
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < 3; i++) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The file of a pack (installed or not): pretty JSON that `parsePackFile` accepts again. */
export function exportPack(pack: Pack): string {
  const file = Object.fromEntries(PACK_KEYS.map((key) => [key, pack[key]]));
  return `${JSON.stringify(file, null, 2)}\n`;
}
