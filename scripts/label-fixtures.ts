/**
 * npm run fixtures:label
 *
 * Turns the hand-labelled article sources tests/fixtures/articles/src/NAME.html, where
 * each expected mention is written {{entry-id|surface text}} (the surface may hold
 * inline tags), into tests/fixtures/articles/NAME.html (labels removed) and
 * NAME.expected.json = [{id, text, start, end}], offsets into
 * documentText(collectText(document)).
 *
 * The offsets come from the labels alone, never from the matcher: each label is replaced
 * by private-use sentinel characters, the text is collected as the content script does,
 * and the sentinels are located and removed. A label that is not collected (inside code,
 * an attribute, a hidden element ...) or that crosses a block boundary is an error.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { collectText } from '../src/page/collect-text';
import { documentText } from '../src/page/block-offsets';

export const ARTICLES = fileURLToPath(new URL('../tests/fixtures/articles/', import.meta.url));

const LABEL = /\{\{([a-z0-9]+(?:-[a-z0-9]+)*)\|([\s\S]*?)\}\}/g;
const FIRST_OPEN = 0xe000;
const CLOSE = '\uf8ff';
const MAX_LABELS = 0xf8ff - FIRST_OPEN;

/** One expected mention of a labelled fixture. */
export interface ExpectedMention {
  id: string;
  text: string;
  start: number;
  end: number;
}

/** The result of labelling one source: the plain HTML and the expected mentions. */
export interface Labelled {
  html: string;
  expected: ExpectedMention[];
}

function extract(html: string): string {
  const { document } = parseHTML(html);
  return documentText(collectText(document as unknown as Document));
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Labels one source; throws an Error listing every problem found. */
export function labelSource(source: string): Labelled {
  const problems: string[] = [];
  if (/[\ue000-\uf8ff]/.test(source)) problems.push('the source holds private-use characters');
  const labels: { id: string; surface: string; line: number }[] = [];
  const html = source.replace(LABEL, (_, __: string, surface: string) => surface);
  const sentinelled = source.replace(
    LABEL,
    (whole: string, id: string, surface: string, at: number) => {
      const k = labels.length;
      labels.push({ id, surface, line: lineOf(source, at) });
      if (surface.trim() === '') problems.push(`line ${lineOf(source, at)}: empty label ${whole}`);
      return String.fromCharCode(FIRST_OPEN + k) + surface + CLOSE;
    },
  );
  if (labels.length > MAX_LABELS) problems.push(`more than ${MAX_LABELS} labels`);
  const leftover = html.search(/\{\{|\}\}/);
  if (leftover >= 0) problems.push(`line ${lineOf(html, leftover)}: malformed label`);

  const withSentinels = extract(sentinelled);
  let text = '';
  const found = new Map<number, { start: number; end?: number }>();
  let open: number | null = null;
  for (const char of withSentinels) {
    const code = char.charCodeAt(0);
    if (char === CLOSE) {
      const label = open === null ? undefined : found.get(open);
      if (!label) problems.push('a label end without its start');
      else label.end = text.length;
      open = null;
    } else if (code >= FIRST_OPEN && code < FIRST_OPEN + labels.length && char.length === 1) {
      if (open !== null) problems.push(`line ${labels[code - FIRST_OPEN]!.line}: nested label`);
      open = code - FIRST_OPEN;
      found.set(open, { start: text.length });
    } else {
      text += char;
    }
  }

  const expected: ExpectedMention[] = [];
  labels.forEach((label, k) => {
    const where = `line ${label.line}: {{${label.id}|${label.surface}}}`;
    const span = found.get(k);
    if (!span || span.end === undefined) {
      problems.push(`${where} is not in the collected text (excluded element or attribute?)`);
      return;
    }
    const surface = text.slice(span.start, span.end);
    if (/\n\n/.test(surface)) problems.push(`${where} crosses a block boundary`);
    expected.push({ id: label.id, text: surface, start: span.start, end: span.end });
  });

  if (problems.length === 0 && extract(html) !== text) {
    problems.push(
      'the text without labels differs from the labelled text (label in a whitespace-only block?)',
    );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  expected.sort((a, b) => a.start - b.start);
  return { html, expected };
}

/** Labels every source in `dir`/src; returns the exit code. */
export function main(dir = ARTICLES): number {
  const srcDir = join(dir, 'src');
  let files: string[];
  try {
    files = readdirSync(srcDir)
      .filter((f) => /\.html?$/i.test(f))
      .sort();
  } catch {
    process.stderr.write(`fixtures:label: no directory ${srcDir}\n`);
    return 1;
  }
  let code = 0;
  for (const file of files) {
    const name = basename(file).replace(/\.html?$/i, '');
    try {
      const { html, expected } = labelSource(readFileSync(join(srcDir, file), 'utf8'));
      writeFileSync(join(dir, `${name}.html`), html);
      writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
      process.stdout.write(`${name}: ${expected.length} labelled mentions\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`fixtures:label: ${file}:\n  ${message.replace(/\n/g, '\n  ')}\n`);
      code = 1;
    }
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv[2]);
}
