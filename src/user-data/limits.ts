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

/** The limits on a file's text (the reader's import files, glossary packs). */
export interface TextLimits {
  fileCharacters: number;
  nesting: number;
}

/**
 * Problems with the raw text of an import file before it is parsed: its size and its
 * nesting depth, measured in one pass without recursion (a file nested 20,000 levels
 * deep must not overflow any stack).
 */
export function importTextProblems(text: string, limits: TextLimits = USER_DATA_LIMITS): Problem[] {
  if (text.length > limits.fileCharacters) {
    return [
      {
        entry: ROOT_ENTRY,
        path: '',
        message: `the file is ${text.length.toLocaleString('en')} characters long (max ${limits.fileCharacters.toLocaleString('en')})`,
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
      if (++depth > limits.nesting) {
        return [
          {
            entry: ROOT_ENTRY,
            path: '',
            message: `the file nests objects and arrays more than ${limits.nesting} levels deep`,
          },
        ];
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return [];
}

/**
 * Parses the text of a file within `limits` (importTextProblems). A syntax error names
 * where it is: JSON.parse's own words, with the line and column added when it gives only
 * a position (V8 before 12).
 */
export function parseJsonText(
  text: string,
  limits: TextLimits = USER_DATA_LIMITS,
): { raw: unknown; problems?: undefined } | { problems: Problem[] } {
  const tooBig = importTextProblems(text, limits);
  if (tooBig.length > 0) return { problems: tooBig };
  try {
    return { raw: JSON.parse(text) };
  } catch (error) {
    let reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    if (position && !/\bline \d/.test(reason)) {
      const before = text.slice(0, Number(position[1])).split('\n');
      reason += ` (line ${before.length} column ${before.at(-1)!.length + 1})`;
    }
    return {
      problems: [{ entry: ROOT_ENTRY, path: '', message: `is not valid JSON (${reason})` }],
    };
  }
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
