/**
 * npm run scan -- FILE... [--json] [--unknown] [--glossary PATH]
 *
 * Runs the extension's matcher on .html files (text collected as in the page, with
 * linkedom) and on other files as plain text. Without --json: a table per file. With
 * --json: one line per file, {"file", "mentions": [{"id","name","kind","text","start","end"}]},
 * offsets into the file's extracted text. --unknown lists capitalised terms and acronyms
 * the glossary does not match (the editors' to-do list). Exit code 1 when a file or the
 * glossary cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { assembleEntryFiles, readEntryFiles } from '../src/glossary/load-glossary';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { compileMatcher } from '../src/glossary/compile';
import type { Matcher, Mention } from '../src/glossary/matcher';
import { commonWords } from './word-lists';
import type { Entry, Glossary } from '../src/glossary/types';
import { collectText } from '../src/page/collect-text';
import { documentText } from '../src/page/block-offsets';
import { scanBlocks, scanDocument, type ScannableBlock } from '../src/page/scan-blocks';

export const DEFAULT_GLOSSARY = fileURLToPath(new URL('../data/glossary', import.meta.url));

/** A file's extracted text and its mentions (offsets into the text). */
export interface FileScan {
  text: string;
  mentions: Mention[];
}

/** The extracted text of an HTML document, as the content script collects it. */
export function htmlBlocks(html: string): ReturnType<typeof collectText> {
  const { document } = parseHTML(html);
  return collectText(document as unknown as Document);
}

/** Scans an HTML document: text collected block by block, offsets into documentText. */
export function scanHtml(matcher: Matcher, html: string): FileScan {
  const blocks = htmlBlocks(html);
  return { text: documentText(blocks), mentions: scanDocument(matcher, blocks).map(plain) };
}

/** Scans plain text as is; paragraphs (split at blank lines) are the blocks. */
export function scanPlainText(matcher: Matcher, text: string): FileScan {
  const blocks: (ScannableBlock & { start: number })[] = [];
  const paragraph = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    blocks.push({ text: m[0], lang: null, start: m.index });
  }
  const mentions: Mention[] = [];
  scanBlocks(matcher, blocks).forEach((found, i) => {
    const offset = blocks[i]!.start;
    for (const m of found) mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
  });
  return { text, mentions };
}

function plain(m: Mention): Mention {
  return { id: m.id, start: m.start, end: m.end, text: m.text };
}

/** Reads the glossary's entries; throws with a readable message. */
export function loadEntries(path: string): Entry[] {
  if (statSync(path).isDirectory()) {
    return assembleEntryFiles(readEntryFiles(path)).data.entries as Entry[];
  }
  const glossary = JSON.parse(readFileSync(path, 'utf8')) as Glossary;
  if (!glossary || !Array.isArray(glossary.entries)) throw new Error('no "entries" array');
  return glossary.entries;
}

const MONTHS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)(?:[ \u00A0]\p{N}+)?$/u;

const STOPWORDS = new Set(
  (
    'The A An And Or But In On At Of For To With By From As Is It Its This That These Those ' +
    'He She They We You I His Her Their Our Your If When While After Before Since Until ' +
    'Le La Les Un Une Des Du De Et Ou Mais En Dans Sur Pour Par Avec Sans Ce Cette Ces Il Elle ' +
    'Ils Elles Nous Vous On Son Sa Ses Leur Leurs Au Aux Si Quand Depuis Selon Comme Mais Pas ' +
    'Most Many Some All Every Each No Not Also Both Plus Tous Toutes Chaque Aucun'
  ).split(' '),
);

/**
 * Capitalised terms and acronyms that look like entities but are not inside a mention,
 * with their counts, most frequent first.
 */
export function unknownTerms(text: string, mentions: Mention[]): [string, number][] {
  const covered = (start: number, end: number): boolean =>
    mentions.some((m) => m.start < end && start < m.end);
  const lower = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
  const counts = new Map<string, number>();
  const term =
    /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}]*|\p{N}+\p{Lu}[\p{L}\p{N}]*)(?:[ \-\u00A0](?:\p{Lu}[\p{L}\p{N}]*|\p{N}[\p{L}\p{N}.]*))*(?![\p{L}\p{N}])/gu;
  for (let m = term.exec(text); m; m = term.exec(text)) {
    let surface = m[0];
    let start = m.index;
    const words = surface.split(/[ \-\u00A0]/);
    // Drop a leading function word ("The Nvidia" -> "Nvidia").
    if (words.length > 1 && STOPWORDS.has(words[0]!)) {
      start += words[0]!.length + 1;
      surface = surface.slice(words[0]!.length + 1);
    }
    if (covered(start, start + surface.length)) continue;
    if (!/\p{L}/u.test(surface) || MONTHS.test(surface)) continue;
    const single = !/[ \-\u00A0]/.test(surface);
    const acronym = /^[\p{Lu}\p{N}]{2,}s?$/u.test(surface) && /\p{Lu}/u.test(surface);
    if (single && !acronym) {
      if (STOPWORDS.has(surface)) continue;
      // A sentence-initial word, or one that also appears in lower case, is not a name.
      if (lower.has(surface.toLowerCase()) && surface.toLowerCase() !== surface) {
        const usedLower = new RegExp(
          `(?<![\\p{L}])${escape(surface.toLowerCase())}(?![\\p{L}])`,
          'u',
        );
        if (usedLower.test(text)) continue;
      }
      const before = text.slice(Math.max(0, start - 3), start);
      if (start === 0 || /(?:[.!?:»"]\s+|\n\s*)$/u.test(before) || /^\s*$/.test(before)) continue;
    }
    counts.set(surface, (counts.get(surface) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function context(text: string, m: Mention): string {
  const before = text.slice(Math.max(0, m.start - 25), m.start);
  const after = text.slice(m.end, m.end + 25);
  return `${before}[${m.text}]${after}`.replace(/\s+/g, ' ').trim();
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.includes('--unknown');
  const files: string[] = [];
  let glossaryPath = DEFAULT_GLOSSARY;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--glossary') glossaryPath = argv[++i] ?? '';
    else if (arg.startsWith('--glossary=')) glossaryPath = arg.slice('--glossary='.length);
    else if (arg === '--json' || arg === '--unknown') continue;
    else if (arg.startsWith('--')) {
      process.stderr.write(`scan: unknown option ${arg}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write('usage: npm run scan -- FILE... [--json] [--unknown] [--glossary PATH]\n');
    return 2;
  }
  let entries: Entry[];
  try {
    entries = loadEntries(glossaryPath);
  } catch (error) {
    process.stderr.write(`scan: cannot read the glossary ${glossaryPath}: ${message(error)}\n`);
    return 1;
  }
  const matcher = compileMatcher(entries, { isCommonWord: commonWords() });
  const byId = new Map(entries.map((e) => [e.id, e]));
  let code = 0;
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`scan: cannot read ${file}: ${message(error)}\n`);
      code = 1;
      continue;
    }
    const scanned = /\.x?html?$/i.test(file)
      ? scanHtml(matcher, source)
      : scanPlainText(matcher, source);
    const unknownList = unknown ? unknownTerms(scanned.text, scanned.mentions) : [];
    if (json) {
      const mentions = scanned.mentions.map((m) => {
        const entry = byId.get(m.id);
        return { id: m.id, name: entry?.name.en ?? m.id, kind: entry?.kind ?? '', ...pick(m) };
      });
      const line: Record<string, unknown> = { file, mentions };
      if (unknown) line.unknown = unknownList.map(([term, count]) => ({ term, count }));
      process.stdout.write(`${JSON.stringify(line)}\n`);
      continue;
    }
    const groups = new Map<string, Mention[]>();
    for (const m of scanned.mentions) {
      const list = groups.get(m.id);
      if (list) list.push(m);
      else groups.set(m.id, [m]);
    }
    const rows = [['entity', 'kind', 'count', 'first context']];
    for (const [id, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const entry = byId.get(id);
      rows.push([
        entry?.name.en ?? id,
        entry?.kind ?? '',
        String(list.length),
        context(scanned.text, list[0]!),
      ]);
    }
    const total = scanned.mentions.length;
    process.stdout.write(`${file}: ${total} mentions of ${groups.size} entities\n`);
    if (groups.size > 0) process.stdout.write(`${table(rows)}\n`);
    if (unknown) {
      process.stdout.write(`unknown terms (${unknownList.length}):\n`);
      for (const [term, count] of unknownList)
        process.stdout.write(`  ${String(count).padStart(4)}  ${term}\n`);
    }
    process.stdout.write('\n');
  }
  return code;
}

function pick(m: Mention): { text: string; start: number; end: number } {
  return { text: m.text, start: m.start, end: m.end };
}

function message(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
    return 'no such file';
  }
  return error instanceof Error ? error.message : String(error);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
