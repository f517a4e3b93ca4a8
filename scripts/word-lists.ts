/**
 * Node only, build time: the English and French dictionary words behind the `any` case
 * default of aliases (src/glossary/compile.ts, `isDistinctive`). Never shipped.
 *
 * The lists are Debian's `wamerican` (SCOWL, /usr/share/dict/american-english; permissive
 * SCOWL licence) and `wfrench` (/usr/share/dict/french; GPL-2+), read from the system at
 * build time and not copied into this repository. `apt-get install wamerican wfrench`
 * (.ci/run does it). SL_WORD_LISTS=path1:path2 points at other lists, one word a line.
 *
 * Only entries written in lower case count (common words, not the lists' proper nouns
 * such as "Nvidia" or "Alice"), folded: lower case, accents removed.
 */
import { existsSync, readFileSync } from 'node:fs';

export const DEFAULT_WORD_LISTS = ['/usr/share/dict/american-english', '/usr/share/dict/french'];

let cached: { key: string; words: Set<string> } | undefined;

function listPaths(): string[] {
  const env = process.env.SL_WORD_LISTS;
  return env ? env.split(':').filter((p) => p !== '') : DEFAULT_WORD_LISTS;
}

function fold(word: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no work
  if (/^[\u0000-\u007f]*$/.test(word)) return word;
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The folded common words of the word lists (4+ letters: shorter words never matter). */
export function commonWordSet(paths: string[] = listPaths()): Set<string> {
  const key = paths.join(':');
  if (cached?.key === key) return cached.words;
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `word lists not found: ${missing.join(', ')}. The glossary's case rules need Debian's ` +
        'wamerican and wfrench (apt-get install wamerican wfrench), or SL_WORD_LISTS=path1:path2.',
    );
  }
  const words = new Set<string>();
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const word = line.trim();
      // Lower-case entries only; "'s" forms add nothing.
      if (word.length < 4 || word.includes("'") || word !== word.toLowerCase()) continue;
      words.add(fold(word));
    }
  }
  cached = { key, words };
  return words;
}

/** `isCommonWord` for the glossary compiler (see `CompileOptions`). */
export function commonWords(paths?: string[]): (word: string) => boolean {
  const words = commonWordSet(paths);
  return (word) => words.has(word);
}
