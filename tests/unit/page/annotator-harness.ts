/**
 * Shared set-up of the annotator's unit tests: a small glossary compiled by the real
 * compiler from data/glossary (as the content script compiles its table), an Annotator
 * on the happy-dom document with the fake platform installed around each test, and
 * readers of what it registered as highlights.
 */
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { compilePattern } from '../../../src/glossary/compile';
import { compiledKinds, matcherFromCompiled, type Matcher } from '../../../src/glossary/matcher';
import { Annotator, type AnnotatorConfig } from '../../../src/page/annotator';
import { FOCUS_HIGHLIGHT, HOVER_HIGHLIGHT } from '../../../src/page/highlights';
import { installFakePlatform, removeFakePlatform, type FakePlatform } from './fake-platform';

const compiled = compilePattern(
  bundledGlossary().entries.filter((entry) =>
    ['nvidia', 'amd', 'intel', 'cuda'].includes(entry.id),
  ),
);
const matcher = matcherFromCompiled(compiled);
const kinds = compiledKinds(compiled);

const CONFIG: AnnotatorConfig = {
  style: 'underline',
  kinds: ['company', 'software'],
  markMode: 'all',
  scope: 'page',
};

let platform: FakePlatform | undefined;
const running: Annotator[] = [];

/** Installs the fake platform around each test of the calling file, and stops annotators. */
export function useFakePlatform(): void {
  beforeEach(() => {
    platform = installFakePlatform();
  });
  afterEach(() => {
    for (const annotator of running.splice(0)) annotator.stop();
    removeFakePlatform();
    platform = undefined;
  });
}

export interface Annotated {
  annotator: Annotator;
  platform: FakePlatform;
  /** What `start()` returned: settles when the first scan is done. */
  started: Promise<void>;
  onChange: Mock<() => void>;
  /** Blocks the matcher has scanned so far (neighbours read for context included). */
  scans(): number;
  /** The text of every registered mark, sorted. */
  marked(): string[];
}

/**
 * Puts `html` in the body and starts an annotator on the document. `msPerBlock`: the
 * main-thread time each block's match takes (see FakePlatform.work), 0 by default; a
 * function gets the number of blocks matched before (code that runs cold at first).
 */
export function annotate(
  html: string,
  options: {
    config?: Partial<AnnotatorConfig>;
    msPerBlock?: number | ((scans: number) => number);
  } = {},
): Annotated {
  if (!platform) throw new Error('call useFakePlatform() in the test file');
  const fake = platform;
  document.body.innerHTML = html;
  let scans = 0;
  const counted: Matcher = {
    ...matcher,
    scan(text, findOptions) {
      const cost = options.msPerBlock ?? 0;
      fake.work(typeof cost === 'number' ? cost : cost(scans));
      scans++;
      return matcher.scan(text, findOptions);
    },
  };
  const onChange = vi.fn<() => void>();
  const annotator = new Annotator({
    doc: document,
    matcher: counted,
    kindOf: (id) => kinds[id],
    config: { ...CONFIG, ...options.config },
    onChange,
  });
  running.push(annotator);
  return {
    annotator,
    platform: fake,
    started: annotator.start(),
    onChange,
    scans: () => scans,
    marked: () => registeredRanges(fake).map(rangeText).sort(),
  };
}

/** `annotate`, then runs every timer until the first scan is done; `onChange` starts afresh. */
export async function annotated(
  html: string,
  options: Parameters<typeof annotate>[1] = {},
): Promise<Annotated> {
  const run = annotate(html, options);
  await vi.runAllTimersAsync();
  await run.started;
  run.onChange.mockClear();
  return run;
}

/** Every range registered in a kind's highlight (not the focus and hover marks). */
export function registeredRanges(fake: FakePlatform): AbstractRange[] {
  return [...fake.registry]
    .filter(([name]) => name !== FOCUS_HIGHLIGHT && name !== HOVER_HIGHLIGHT)
    .flatMap(([, highlight]) => [...highlight]);
}

function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

/** `count` paragraphs, each naming Nvidia once in about `chars` characters. */
export function paragraphs(count: number, chars = 1_000): string {
  const filler = ' chips'.repeat(Math.max(0, Math.floor((chars - 10) / 6)));
  return Array.from({ length: count }, (_, i) => `<p>Nvidia ${i}${filler}.</p>`).join('');
}
