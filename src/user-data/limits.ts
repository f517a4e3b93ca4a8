/**
 * Limits on the reader's own data, documented in the README ("Your own entries"): they
 * keep an import from freezing the glossary page and keep the pattern every page of
 * every tab receives small. An import over a limit is refused whole, with the reason.
 */
import { ROOT_ENTRY, type Problem } from '../glossary/validate';

export const USER_DATA_LIMITS = {
  /** Size of an import file, in characters of its text. */
  fileCharacters: 1_000_000,
  /** Depth of nested arrays and objects in an import file (a valid file needs 5). */
  nesting: 16,
  /** The reader's own entries, in all. */
  entries: 500,
  /** Surface forms (aliases) of all the reader's entries together. */
  aliases: 2_000,
} as const;

/**
 * Problems with the raw text of an import file before it is parsed: its size and its
 * nesting depth, measured in one pass without recursion (a file nested 20,000 levels
 * deep must not overflow any stack).
 */
export function importTextProblems(text: string): Problem[] {
  if (text.length > USER_DATA_LIMITS.fileCharacters) {
    return [
      {
        entry: ROOT_ENTRY,
        path: '',
        message: `the file is ${text.length.toLocaleString('en')} characters long (max ${USER_DATA_LIMITS.fileCharacters.toLocaleString('en')})`,
      },
    ];
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > USER_DATA_LIMITS.nesting) {
        return [
          {
            entry: ROOT_ENTRY,
            path: '',
            message: `the file nests objects and arrays more than ${USER_DATA_LIMITS.nesting} levels deep`,
          },
        ];
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return [];
}

/** Problems with the amount of the reader's data (entries, aliases), before validating it. */
export function userDataSizeProblems(entries: readonly unknown[]): Problem[] {
  if (entries.length > USER_DATA_LIMITS.entries) {
    return [
      {
        entry: ROOT_ENTRY,
        path: 'entries',
        message: `holds ${entries.length} entries (max ${USER_DATA_LIMITS.entries})`,
      },
    ];
  }
  let aliases = 0;
  for (const entry of entries) {
    const list = (entry as { aliases?: unknown } | null)?.aliases;
    if (Array.isArray(list)) aliases += list.length;
  }
  if (aliases > USER_DATA_LIMITS.aliases) {
    return [
      {
        entry: ROOT_ENTRY,
        path: 'entries',
        message: `the entries have ${aliases} aliases in all (max ${USER_DATA_LIMITS.aliases})`,
      },
    ];
  }
  return [];
}
