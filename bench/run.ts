/**
 * npm run bench [-- --loads N] [--sizes demo,50k,1m,5m] [--quick]
 *
 * The page benchmark in real Chromium (budgets of issues 5 and 16, printed PASS/FAIL below):
 * generated articles of 50 KB, 1 MB and 5 MB (characters of text, built from the fixture
 * articles' blocks) and the demo article, served from 127.0.0.1. For each page, medians
 * of several loads of:
 * - the extension: the real build (.output/chrome-mv3) on the page, timed from a Chromium
 *   trace: from the start of the task that evaluates the loader to the end of the task in
 *   which the annotator emits its end mark (MARKED_STAMP: every mention placed and
 *   registered); busy time counts the main thread's tasks and the microtask checkpoints run
 *   outside them (the annotator's `await` continuations), as one union of intervals, less
 *   the page's own frames before the annotator's evaluation (`pageFramesBeforeAnnotator`);
 *   longest main-thread task in that window (trace) and longest frame (the longer of the
 *   'long-animation-frame' entries, which Chromium gives only from 50 ms, and the intervals
 *   between two requestAnimationFrame callbacks); time to the first frame with a
 *   highlight; hover hit-test (caretPositionFromPoint + binary search, from the page);
 *   the page's own append+remove of a text node after annotation vs without the extension;
 * - the same annotator modules bundled into the page (bench/page/harness.ts): exact
 *   timings of matcher start-up (pre-built pattern) + annotation, without the rest of the
 *   content script, and the product's own HitTester (and the page's own mutation cost
 *   before and after its calls: hovering must not leave work behind);
 * - the floor: a TreeWalker without filter callback, with the same exclusions, reading
 *   every text node and running the pattern once per node;
 * - mark.js 8.11.1 with the same terms as one combined RegExp, and as a keyword array
 *   (only on the demo and 50 KB pages: ~60 s per MB; extrapolated linearly to 1 and 5 MB).
 * Prints a table with PASS/FAIL per budget, writes bench/results.json, and exits 0.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { compiledGlossaryPlugin } from '../scripts/vite-compiled-glossary';
import { compilePattern } from '../src/glossary/compile';
import { MARKED_STAMP } from '../src/page/annotator';
import { CHANGE_OBSERVER_OPTIONS } from '../src/page/change-watcher';
import { commonWords } from '../scripts/word-lists';
import * as legacy from './legacy-matcher';
import { dataSize } from './matcher';
import type { Entry, Kind } from '../src/glossary/types';
import { loadEntries } from '../scripts/scan';
import { startFixtureServer } from '../tests/browser/helpers/server';
import { fixtureBlocks, generatePage } from './pages';
import { graphLoad, type GraphLoad } from './graph';
import { nonArticleLoad, type NonArticleLoad } from './non-article';
import { traced, type TraceEvent } from './trace';
import { TARGETS, outputDir } from '../scripts/targets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = outputDir('chromium', ROOT);
const CHROMIUM = TARGETS.chromium.executable;
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 900 };
const MB = 1024 * 1024;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const QUICK = process.argv.includes('--quick');
const LOADS = Number(option('--loads') ?? (QUICK ? 1 : 3));
/** The non-article page differs by a few ms in ~800: it takes more loads to see them. */
const NON_ARTICLE_LOADS = Math.max(LOADS, 7);

interface PageSpec {
  name: string;
  file: string;
  chars: number;
}

const median = (values: number[]): number => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length === 0 ? NaN : v[Math.floor((v.length - 1) / 2)]!;
};

/** Every surface form the matcher accepts, for mark.js's keyword-array mode. */
function surfaceTerms(entries: Entry[]): string[] {
  const terms = new Set<string>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const text = alias.text.normalize('NFC').trim();
      const forms =
        (alias.case ?? (/\p{Ll}/u.test(text) ? 'name' : 'exact')) === 'name'
          ? [text, text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1)]
          : [text];
      for (const form of forms) {
        terms.add(form);
        if (alias.plural) terms.add(`${form}s`);
      }
    }
  }
  return [...terms];
}

async function buildHarness(dir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    publicDir: false,
    // The pattern compiled at build time, as the extension build can do it.
    plugins: [compiledGlossaryPlugin(resolve(ROOT, 'data/glossary'))],
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'bench/page/harness.ts'),
        formats: ['iife'],
        name: 'slHarness',
        fileName: () => 'harness.js',
      },
    },
  });
}

interface ExtensionLoad {
  /** Whether the trace holds the annotator's end mark (else the figures stop short). */
  marked: boolean;
  totalMs: number;
  busyMs: number;
  firstMs: number;
  longestTaskMs: number;
  longestFrameMs: number;
  evaluateMs: number;
  compileMs: number;
  mentions: number;
  hitTestUs: number;
  mutationUs: number;
}

/** Trace events as disjoint intervals (overlapping or nested ones merged), by start. */
function mergeIntervals(events: TraceEvent[]): { ts: number; dur: number }[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const merged: { ts: number; dur: number }[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    const end = e.ts + (e.dur ?? 0);
    if (last && e.ts <= last.ts + last.dur) last.dur = Math.max(last.dur, end - last.ts);
    else merged.push({ ts: e.ts, dur: e.dur ?? 0 });
  }
  return merged;
}

/** Trace events of the extension's own scripts (evaluation, calls, compilation). */
const EXTENSION_SCRIPT = /^chrome-extension:\/\//;
/** Trace events of a rendering frame's steps. */
const FRAME_STEPS = new Set([
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
]);

/**
 * The main-thread tasks that render a frame of the page before the annotator is evaluated
 * and run none of the extension's scripts: the page's own first layout and paint, which
 * the loader's window (it starts at the loader, at document_idle) overlaps. Before the
 * annotator runs, the extension has changed nothing on the page (the loader only reads
 * it), so these frames are the page's work: ~130 ms on the 5 MB page, which was counted
 * as the extension's longest task.
 */
function pageFramesBeforeAnnotator(onMain: TraceEvent[]): Set<TraceEvent> {
  const annotator = onMain.find(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/annotator.js'),
  );
  const out = new Set<TraceEvent>();
  if (!annotator) return out;
  for (const task of onMain) {
    if (task.name !== 'ThreadControllerImpl::RunTask' || task.ph !== 'X') continue;
    const end = task.ts + (task.dur ?? 0);
    if (end > annotator.ts) continue;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
    const renders = inside.some((e) => FRAME_STEPS.has(e.name));
    const ours = inside.some((e) => EXTENSION_SCRIPT.test(e.args?.data?.url ?? ''));
    if (renders && !ours) out.add(task);
  }
  return out;
}

function analyseTrace(
  events: TraceEvent[],
  pageSync: number,
): Omit<ExtensionLoad, 'longestFrameMs' | 'mentions' | 'hitTestUs' | 'mutationUs'> & {
  startPage: number;
  endPage: number;
} {
  const isContent = (e: TraceEvent) => e.args?.data?.url?.includes('content-scripts/content.js');
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && isContent(e));
  if (!evaluate) throw new Error('no content-script evaluation in the trace (is the build there?)');
  const compile = events.find((e) => e.name === 'v8.compile' && isContent(e));
  const { pid, tid } = evaluate;
  if (process.env.SL_DEBUG) {
    const names = new Map<string, number>();
    for (const e of events)
      if (e.pid === pid && e.tid === tid)
        names.set(`${e.name}/${e.ph}`, (names.get(`${e.name}/${e.ph}`) ?? 0) + 1);
    console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 30));
  }
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  const pageFrames = pageFramesBeforeAnnotator(onMain);
  // The main thread's work: its tasks, and the microtask checkpoints Chromium 156 runs
  // outside them (where the annotator's `await` continuations run), as one union of
  // intervals; less the page's own frames before the annotator ran (see below).
  const tasks = mergeIntervals(
    onMain.filter(
      (e) =>
        e.ph === 'X' &&
        !pageFrames.has(e) &&
        (e.name === 'ThreadControllerImpl::RunTask' ||
          e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' ||
          e.name === 'RunMicrotasks'),
    ),
  );
  const stamps = (m: string) =>
    onMain.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith(m));
  const sync = stamps('sl-sync')[0];
  const change = stamps('sl-change').pop();
  const first = stamps('sl-first')[0];
  const start =
    tasks.find((t) => t.ts <= evaluate.ts && t.ts + t.dur! >= evaluate.ts)?.ts ?? evaluate.ts;
  let end = start;
  // The annotator's own end mark (all mentions placed and registered), else the last
  // change of the highlight count the page saw.
  const marked = stamps(MARKED_STAMP)[0];
  if (marked) {
    const task = tasks.find((t) => t.ts <= marked.ts && t.ts + t.dur! >= marked.ts);
    end = task ? task.ts + task.dur! : marked.ts;
  } else if (change) {
    const frame = tasks.find((t) => t.ts <= change.ts && t.ts + t.dur! >= change.ts);
    const before = frame?.ts ?? change.ts;
    for (const t of tasks)
      if (t.ts >= start && t.ts + t.dur! <= before) end = Math.max(end, t.ts + t.dur!);
  }
  const window = tasks.filter((t) => t.ts + t.dur! > start && t.ts < end);
  if (process.env.SL_TASKS) {
    for (const e of onMain.filter(
      (e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('slx') && e.ts >= start,
    ))
      console.log(`  ${((e.ts - start) / 1000).toFixed(1)} ${e.args!.data!.message}`);
    // Each task of the window over 2 ms, with what took the time inside it.
    for (const t of window.filter((w) => w.dur! > 2000)) {
      const inside = onMain
        .filter(
          (e) => e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur!,
        )
        .filter((e) => (e.dur ?? 0) > (process.env.SL_TASKS === 'all' ? 100 : 1000))
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
        );
      console.log(
        `  +${((t.ts - start) / 1000).toFixed(1)} ms: task ${(t.dur! / 1000).toFixed(1)} ms: ${inside.slice(0, 8).join(', ')}`,
      );
    }
  }
  const toPage = (ts: number) => (sync ? pageSync + (ts - sync.ts) / 1000 : NaN);
  return {
    totalMs: (end - start) / 1000,
    busyMs: window.reduce((s, t) => s + t.dur!, 0) / 1000,
    firstMs: first ? (first.ts - start) / 1000 : NaN,
    longestTaskMs: window.reduce((m, t) => Math.max(m, t.dur!), 0) / 1000,
    evaluateMs: (evaluate.dur ?? 0) / 1000,
    compileMs: (compile?.dur ?? 0) / 1000,
    startPage: toPage(start),
    endPage: toPage(end),
    marked: marked !== undefined,
  };
}

type Bench = {
  longtasks: number[][];
  frames: number[][];
  gaps: number[][];
  lastCount: number;
  lastChange: number;
  count(): number;
  sync(): number;
  floor(
    source: string,
    flags: string,
    visibility: boolean,
  ): { ms: number; nodes: number; matches: number; chars: number };
  mutation(n: number): number;
  mutationObserved(n: number, options: MutationObserverInit): number;
  highlightRepaint(): Promise<{ idleMs: number; changeMs: number }>;
  hitTest(points: number, repeats: number): { us: number; points: number; found: number };
  markJs(mode: 'regexp' | 'keywords', arg: unknown): Promise<{ ms: number; marks: number }>;
};
declare const __slBench: Bench;
declare const __slHarness: {
  annotate(json: string | null, kinds: Record<string, Kind>): Promise<Record<string, number>>;
  hitTest(
    points: number,
    repeats: number,
  ): { us: number; caretUs: number; points: number; found: number; foundCaret: number };
};

const MUTATIONS = 20_000;

/**
 * Loads a page with the extension, traced until the highlights have not changed for
 * `settleMs`. On a long page only the marks near the viewport are registered, so their
 * count settles long before the scan ends: without the annotator's end mark in the trace,
 * the load is traced again with a longer wait (the figures would stop short: 5 MB was
 * reported as 0.8 s for a scan of 1.5-1.8 s, found 4 Dec 2026).
 */
async function extensionLoad(
  context: BrowserContext,
  url: string,
  settleMs = 1_000,
): Promise<ExtensionLoad> {
  const load = await tracedLoad(context, url, settleMs);
  if (load.marked) return load;
  if (settleMs < 10_000) return extensionLoad(context, url, 10_000);
  console.log(
    `\nno end mark in the trace of ${url}: its figures stop at the last highlight change`,
  );
  return load;
}

async function tracedLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
): Promise<ExtensionLoad> {
  const page = await context.newPage();
  try {
    const { events, result } = await traced(context, page, async () => {
      await page.goto(`${url}#poll`, { waitUntil: 'load' });
      const t0 = Date.now();
      for (;;) {
        await page.waitForTimeout(250);
        const [count, since] = await page.evaluate(() => [
          __slBench.lastCount,
          performance.now() - __slBench.lastChange,
        ]);
        if ((count! > 0 && since! > settleMs) || Date.now() - t0 > 60_000) break;
      }
      return page.evaluate(() => __slBench.sync());
    });
    const trace = analyseTrace(events, result);
    // The longest long animation frame, or the longest interval between two frames:
    // Chromium reports no animation frame under 50 ms, and 1 MB's budget is below that.
    const [frames, gaps] = await page.evaluate(() => [__slBench.frames, __slBench.gaps]);
    const longestFrameMs = Number.isNaN(trace.startPage + trace.endPage)
      ? NaN // no clock to place the frames in the window: no figure rather than a false 0
      : [...frames, ...gaps]
          .filter(([s, d]) => s! + d! > trace.startPage && s! < trace.endPage)
          .reduce((m, [, d]) => Math.max(m, d!), 0);
    const mentions = await page.evaluate(() => __slBench.count());
    const hit = await page.evaluate(() => __slBench.hitTest(200, 20));
    const mutationUs = await page.evaluate((n) => __slBench.mutation(n), MUTATIONS);
    return { ...trace, longestFrameMs, mentions, hitTestUs: hit.us, mutationUs };
  } finally {
    await page.close();
  }
}

interface PlainLoad {
  floorMs: number;
  /** The floor also skipping elements hidden by CSS (checkVisibility), as the product does. */
  floorVisibleMs: number;
  floorMatches: number;
  mutationUs: number;
  /** The same with a bare MutationObserver on the document. */
  mutationObservedUs: number;
  /** A frame with nothing to do, and the frame after one range joined a highlight. */
  idleFrameMs: number;
  highlightChangeFrameMs: number;
  harness: Record<string, number>;
  harnessHitUs: number;
  harnessCaretUs: number;
  harnessHitFound: number;
  harnessHitFoundCaret: number;
  harnessMutationUs: number;
  /** The same before the hit-tests: hovering must leave the page's mutations as cheap. */
  harnessMutationBeforeHitUs: number;
  markRegExpMs: number;
  markRegExpMarks: number;
}

async function plainLoad(
  context: BrowserContext,
  url: string,
  dir: string,
  compiled: { source: string; flags: string },
  markSource: { source: string; flags: string },
  kinds: Record<string, Kind>,
): Promise<PlainLoad> {
  const open = async () => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    return page;
  };
  let page = await open();
  const floor = await page.evaluate(
    ([s, f]) => __slBench.floor(s!, f!, false),
    [compiled.source, compiled.flags],
  );
  const mutationUs = await page.evaluate((n) => __slBench.mutation(n), MUTATIONS);
  const mutationObservedUs = await page.evaluate(
    ([n, options]) => __slBench.mutationObserved(n, options),
    [MUTATIONS, CHANGE_OBSERVER_OPTIONS] as const,
  );
  const repaint = await page.evaluate(() => __slBench.highlightRepaint());
  await page.close();
  page = await open();
  const floorVisible = await page.evaluate(
    ([s, f]) => __slBench.floor(s!, f!, true),
    [compiled.source, compiled.flags],
  );
  await page.close();

  page = await open();
  await page.addScriptTag({ path: join(dir, 'harness.js') });
  const harness = await page.evaluate((k) => __slHarness.annotate(null, k), kinds);
  const harnessMutationBeforeHitUs = await page.evaluate((n) => __slBench.mutation(n), MUTATIONS);
  const harnessHit = await page.evaluate(() => __slHarness.hitTest(200, 20));
  const harnessMutationUs = await page.evaluate((n) => __slBench.mutation(n), MUTATIONS);
  await page.close();

  page = await open();
  await page.addScriptTag({ path: join(dir, 'mark.min.js') });
  const mark = await page.evaluate((s) => __slBench.markJs('regexp', s), markSource);
  await page.close();
  return {
    floorMs: floor.ms,
    floorVisibleMs: floorVisible.ms,
    floorMatches: floor.matches,
    mutationUs,
    mutationObservedUs,
    idleFrameMs: repaint.idleMs,
    highlightChangeFrameMs: repaint.changeMs,
    harness,
    harnessHitUs: harnessHit.us,
    harnessCaretUs: harnessHit.caretUs,
    harnessHitFound: harnessHit.found / Math.max(1, harnessHit.points),
    harnessHitFoundCaret: harnessHit.foundCaret / Math.max(1, harnessHit.points),
    harnessMutationUs,
    harnessMutationBeforeHitUs,
    markRegExpMs: mark.ms,
    markRegExpMarks: mark.marks,
  };
}

async function markKeywords(context: BrowserContext, url: string, dir: string, terms: string[]) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: join(dir, 'mark.min.js') });
    return await page.evaluate((t) => __slBench.markJs('keywords', t), terms);
  } finally {
    await page.close();
  }
}

const fmt = (ms: number, digits = 1) =>
  !Number.isFinite(ms) ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms.toFixed(digits);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION}: run \`npm run build\` first.`);
  }
  // The script the manifest injects into every frame: the loader (the annotator and the
  // card UI are injected only where needed).
  const contentJs = readFileSync(join(EXTENSION, 'content-scripts/content.js'));
  const contentKb = contentJs.length / 1024;
  const contentGzKb = gzipSync(contentJs, { level: 9 }).length / 1024;

  const entries = loadEntries(join(ROOT, 'data/glossary'));
  // The floor and mark.js run the RegExp of the matcher before issue 14 (the same surface
  // forms as one pattern); the extension and the harness run the token matcher.
  const compiled = legacy.compilePattern(entries);
  const lookbehind = legacy.compilePattern(entries, { leftBoundary: 'lookbehind' });
  const matchingTable = compilePattern(entries, { isCommonWord: commonWords() });
  const markSource = { source: lookbehind.source, flags: 'gu' };
  const terms = surfaceTerms(entries);
  const kinds = Object.fromEntries(entries.map((e) => [e.id, e.kind])) as Record<string, Kind>;

  const dir = mkdtempSync(join(tmpdir(), 'sl-bench-'));
  const blocks = fixtureBlocks(ROOT);
  const all: PageSpec[] = [
    { name: 'demo', file: 'demo.html', chars: 0 },
    { name: '50 KB', file: 'article-50k.html', chars: 50 * 1024 },
    { name: '1 MB', file: 'article-1m.html', chars: MB },
    { name: '5 MB', file: 'article-5m.html', chars: 5 * MB },
  ];
  const wanted = (option('--sizes') ?? 'demo,50k,1m,5m').split(',');
  const pages = all.filter((p) =>
    wanted.includes(
      p.name === 'demo'
        ? 'demo'
        : p.name.replace(' ', '').toLowerCase().replace('kb', 'k').replace('mb', 'm'),
    ),
  );
  copyFileSync(join(ROOT, 'tests/fixtures/articles/demo-en.html'), join(dir, 'demo.html'));
  for (const p of pages)
    if (p.chars > 0) writeFileSync(join(dir, p.file), generatePage(blocks, p.chars));
  copyFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
  // The page that is not an article: a dashboard and 20 ad-like frames.
  const NON_ARTICLE = !option('--sizes') || wanted.includes('dashboard');
  for (const file of ['dashboard.html', 'ad.html'])
    copyFileSync(join(ROOT, 'tests/fixtures/pages', file), join(dir, file));
  const nonArticle = { plain: [] as NonArticleLoad[], ext: [] as NonArticleLoad[] };
  await buildHarness(dir);
  const server = await startFixtureServer(dir);
  const probe = join(ROOT, 'bench/page/probe.js');
  const chromiumVersion = (await chromium
    .launch({ executablePath: CHROMIUM, args: ARGS })
    .then(async (b: Browser) => {
      const v = b.version();
      await b.close();
      return v;
    })) as string;
  console.log(
    `Chromium ${chromiumVersion}; ${entries.length} entries, ${terms.length} surface forms; ${LOADS} load(s) per case; content script ${contentKb.toFixed(0)} KB (${contentGzKb.toFixed(1)} KB gzipped), of which matching data ${(dataSize(matchingTable).literal / 1024).toFixed(1)} KB`,
  );

  // Without the extension: floor, harness, mark.js.
  const plainDir = mkdtempSync(join(tmpdir(), 'sl-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: VIEWPORT,
    args: ARGS,
  });
  await plain.addInitScript({ path: probe });
  const results: Record<string, unknown>[] = [];
  const plainByPage = new Map<string, PlainLoad[]>();
  const keywordsByPage = new Map<string, { ms: number; marks: number }>();
  for (const p of pages) {
    const loads: PlainLoad[] = [];
    for (let i = 0; i < LOADS; i++) {
      loads.push(await plainLoad(plain, server.url(p.file), dir, compiled, markSource, kinds));
    }
    plainByPage.set(p.name, loads);
    if (p.chars <= 50 * 1024)
      keywordsByPage.set(
        p.name,
        // With ~1,000 terms mark.js's keyword mode overflows the stack in RegExp.exec (seen
        // on the glossary of 165 entries): a failed comparison, not a failed bench.
        await markKeywords(plain, server.url(p.file), dir, terms).catch((error: unknown) => {
          console.log(
            `\nmark.js keywords failed on ${p.name}: ${String(error).split('\n')[0]!.slice(0, 100)}`,
          );
          return { ms: NaN, marks: NaN };
        }),
      );
    process.stdout.write(`.`);
  }

  // With the extension.
  const extDir = mkdtempSync(join(tmpdir(), 'sl-bench-ext-'));
  const ext = await chromium.launchPersistentContext(extDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: VIEWPORT,
    args: [...ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  if (!ext.serviceWorkers()[0]) await ext.waitForEvent('serviceworker', { timeout: 15_000 });
  await ext.addInitScript({ path: probe });
  const extByPage = new Map<string, ExtensionLoad[]>();
  for (const p of pages) {
    const loads: ExtensionLoad[] = [];
    // One throw-away load first: the extension's first page pays one-off costs.
    if (p === pages[0]) await extensionLoad(ext, server.url(p.file));
    for (let i = 0; i < LOADS; i++) loads.push(await extensionLoad(ext, server.url(p.file)));
    extByPage.set(p.name, loads);
    process.stdout.write(`.`);
  }
  // The non-article page, with and without the extension in turn (both browsers open,
  // one loading at a time), so that drift of the machine falls on both sides alike.
  if (NON_ARTICLE)
    for (let i = 0; i < NON_ARTICLE_LOADS; i++) {
      nonArticle.plain.push(await nonArticleLoad(plain, server.url('dashboard.html')));
      nonArticle.ext.push(await nonArticleLoad(ext, server.url('dashboard.html')));
    }
  await plain.close();
  rmSync(plainDir, { recursive: true, force: true });
  const extensionId = new URL(ext.serviceWorkers()[0]!.url()).host;
  const graphLoads: GraphLoad[] = [];
  for (const view of ['grouped', 'whole'] as const)
    for (let i = 0; i < LOADS; i++)
      graphLoads.push(await graphLoad(ext, extensionId, view, entries.length));
  await ext.close();
  rmSync(extDir, { recursive: true, force: true });
  await server.close();
  console.log('');

  const rows: string[][] = [
    [
      'page',
      'chars',
      'ext total',
      'ext busy',
      'CS eval',
      '1st hl',
      'long task',
      'long frame',
      'harness',
      'h start',
      'h task',
      'floor',
      'floor+vis',
      'x floor',
      'mark RegExp',
      'mark keywords',
      'hit µs',
      'h hit µs',
      'mut µs ext/no',
      'ext marks',
      'h mentions',
    ],
  ];
  const budgets: { budget: string; value: string; pass: boolean }[] = [];
  const check = (budget: string, value: string, pass: boolean) =>
    budgets.push({ budget, value, pass });
  for (const p of pages) {
    const plainLoads = plainByPage.get(p.name)!;
    const extLoads = extByPage.get(p.name)!;
    const m = <T>(loads: T[], f: (l: T) => number) => median(loads.map(f));
    const chars = median(plainLoads.map((l) => l.harness.chars ?? NaN));
    const floor = m(plainLoads, (l) => l.floorMs);
    const total = m(extLoads, (l) => l.totalMs);
    const harnessTotal = m(plainLoads, (l) => l.harness.totalMs!);
    const markRe = m(plainLoads, (l) => l.markRegExpMs);
    const textChars = p.chars || 13_000;
    const kw = keywordsByPage.get(p.name);
    const kw50 = keywordsByPage.get('50 KB');
    const keywordsMs = kw ? kw.ms : kw50 ? (kw50.ms * p.chars) / (50 * 1024) : NaN;
    const keywordsLabel = kw
      ? Number.isFinite(kw.ms)
        ? fmt(kw.ms, 0)
        : 'failed'
      : Number.isFinite(keywordsMs)
        ? `~${fmt(keywordsMs, 0)} (extrap.)`
        : '-';
    const mutExt = m(extLoads, (l) => l.mutationUs);
    const mutNo = m(plainLoads, (l) => l.mutationUs);
    const row = {
      page: p.name,
      textChars: p.chars || undefined,
      extension: {
        totalMs: total,
        busyMs: m(extLoads, (l) => l.busyMs),
        contentScriptEvaluateMs: m(extLoads, (l) => l.evaluateMs),
        contentScriptCompileMs: m(extLoads, (l) => l.compileMs),
        firstHighlightMs: m(extLoads, (l) => l.firstMs),
        longestTaskMs: m(extLoads, (l) => l.longestTaskMs),
        longestTaskMsMax: Math.max(...extLoads.map((l) => l.longestTaskMs)),
        longestFrameMs: m(extLoads, (l) => l.longestFrameMs),
        longestFrameMsMax: Math.max(...extLoads.map((l) => l.longestFrameMs)),
        hitTestUs: m(extLoads, (l) => l.hitTestUs),
        mutationUs: mutExt,
        mentions: m(extLoads, (l) => l.mentions),
        loads: extLoads,
      },
      harness: {
        totalMs: harnessTotal,
        startupMs: m(plainLoads, (l) => l.harness.startupMs!),
        firstHighlightMs: m(plainLoads, (l) => l.harness.firstMs!),
        longestTaskMs: m(plainLoads, (l) => l.harness.longestTaskMs!),
        longestFrameMs: m(plainLoads, (l) => l.harness.longestFrameMs!),
        hitTestUs: m(plainLoads, (l) => l.harnessHitUs),
        hitTestCaretUs: m(plainLoads, (l) => l.harnessCaretUs),
        hitTestFound: m(plainLoads, (l) => l.harnessHitFound),
        hitTestFoundCaret: m(plainLoads, (l) => l.harnessHitFoundCaret),
        mutationUs: m(plainLoads, (l) => l.harnessMutationUs),
        mutationBeforeHitUs: m(plainLoads, (l) => l.harnessMutationBeforeHitUs),
        mentions: m(plainLoads, (l) => l.harness.mentions!),
      },
      floor: {
        ms: floor,
        withVisibilityMs: m(plainLoads, (l) => l.floorVisibleMs),
        matches: m(plainLoads, (l) => l.floorMatches),
      },
      withoutExtension: {
        mutationUs: mutNo,
        mutationWithBareObserverUs: m(plainLoads, (l) => l.mutationObservedUs),
        idleFrameMs: m(plainLoads, (l) => l.idleFrameMs),
        highlightChangeFrameMs: m(plainLoads, (l) => l.highlightChangeFrameMs),
      },
      markJs: {
        regexpMs: markRe,
        regexpMarks: m(plainLoads, (l) => l.markRegExpMarks),
        keywordsMs,
        keywordsMeasured: !!kw,
        keywordsMarks: kw?.marks,
      },
    };
    results.push(row);
    void chars;
    void textChars;
    rows.push([
      p.name,
      p.chars ? String(p.chars) : 'demo',
      fmt(total),
      fmt(row.extension.busyMs),
      fmt(row.extension.contentScriptEvaluateMs),
      fmt(row.extension.firstHighlightMs),
      fmt(row.extension.longestTaskMsMax),
      fmt(row.extension.longestFrameMsMax),
      fmt(harnessTotal),
      fmt(row.harness.startupMs),
      fmt(row.harness.longestTaskMs),
      fmt(floor),
      fmt(row.floor.withVisibilityMs),
      (total / floor).toFixed(2),
      fmt(markRe),
      keywordsLabel,
      row.extension.hitTestUs.toFixed(1),
      row.harness.hitTestUs.toFixed(1),
      `${mutExt.toFixed(2)}/${mutNo.toFixed(2)}`,
      String(row.extension.mentions),
      String(row.harness.mentions),
    ]);
    // Issue 16's budgets. "Task of the extension": the longest main-thread task (or
    // microtask checkpoint) between the loader's evaluation and the annotator's end mark,
    // the page's own work included: an upper bound.
    const floorVisible = row.floor.withVisibilityMs;
    const repaint = row.withoutExtension.highlightChangeFrameMs;
    if (p.chars <= 50 * 1024) {
      check(
        `all marks shown no later than mark.js RegExp finishes (${p.name})`,
        `${fmt(total)} ms vs mark.js RegExp ${fmt(markRe)} ms`,
        total <= markRe,
      );
      check(
        `no task of the extension over 16 ms (${p.name})`,
        `max ${fmt(row.extension.longestTaskMsMax)} ms (harness ${fmt(row.harness.longestTaskMs)})`,
        row.extension.longestTaskMsMax <= 16,
      );
    } else {
      check(
        `busy time <= 2x the floor that skips hidden elements (${p.name})`,
        `${fmt(row.extension.busyMs)} ms / ${fmt(floorVisible)} ms = ${(row.extension.busyMs / floorVisible).toFixed(2)}x`,
        row.extension.busyMs <= 2 * floorVisible,
      );
      check(
        `no frame longer than Chromium's one-range repaint frame + 16 ms (${p.name})`,
        `max ${fmt(row.extension.longestFrameMsMax)} ms vs ${fmt(repaint)} + 16 ms`,
        row.extension.longestFrameMsMax <= repaint + 16,
      );
      check(
        `no task of the extension over 50 ms (${p.name})`,
        `max ${fmt(row.extension.longestTaskMsMax)} ms (harness ${fmt(row.harness.longestTaskMs)})`,
        row.extension.longestTaskMsMax <= 50,
      );
    }
    check(
      `hover hit-test < 0.1 ms (${p.name})`,
      `product HitTester ${row.harness.hitTestUs.toFixed(1)} µs with the event's target (finds ${(row.harness.hitTestFound * 100).toFixed(0)}% of mention centres, the caret path ${(row.harness.hitTestFoundCaret * 100).toFixed(0)}%); caretPositionFromPoint path ${row.harness.hitTestCaretUs.toFixed(1)} µs, the page's own caret + binary search ${row.extension.hitTestUs.toFixed(1)} µs`,
      row.harness.hitTestUs < 100 && row.harness.hitTestFound >= row.harness.hitTestFoundCaret,
    );
    check(
      `hovering leaves the page's DOM mutations as cheap (${p.name})`,
      `harness page: ${row.harness.mutationUs.toFixed(2)} µs after ${(2 * 20 * 200).toLocaleString('en')} hit-test calls at most, ${row.harness.mutationBeforeHitUs.toFixed(2)} µs before`,
      row.harness.mutationUs <= 1.5 * row.harness.mutationBeforeHitUs,
    );
    const bareObserver = row.withoutExtension.mutationWithBareObserverUs;
    check(
      `the page's DOM mutations <= 1.2x their cost with a bare MutationObserver (${p.name})`,
      `${mutExt.toFixed(2)} µs with the extension vs ${bareObserver.toFixed(2)} µs with a bare document MutationObserver (${mutNo.toFixed(2)} µs with neither)`,
      mutExt <= 1.2 * bareObserver,
    );
  }

  if (NON_ARTICLE) {
    const plainMs = median(nonArticle.plain.map((l) => l.mainThreadMs));
    const extMs = median(nonArticle.ext.map((l) => l.mainThreadMs));
    const frames = median(nonArticle.ext.map((l) => l.frames));
    const ownMs = median(nonArticle.ext.map((l) => l.extensionScriptMs));
    const sizeOf = (file: string) =>
      existsSync(join(EXTENSION, file)) ? readFileSync(join(EXTENSION, file)).length : 0;
    const last = nonArticle.ext[nonArticle.ext.length - 1]!;
    const bytes = Object.entries(last.evaluated).reduce((n, [f, c]) => n + sizeOf(f) * c, 0);
    const perFrameKb = bytes / frames / 1024;
    const evaluated = Object.entries(last.evaluated)
      .map(([f, c]) => `${f} x${c}`)
      .join(', ');
    console.log(
      `\nnon-article page (dashboard, 300 table rows, 20 ad frames; ${frames} frames): main thread ${fmt(extMs)} ms with the extension, ${fmt(plainMs)} ms without (navigation to 3 s after load; medians of ${NON_ARTICLE_LOADS}, loads alternating); the extension's own scripts ${fmt(ownMs)} ms; evaluated: ${evaluated || 'nothing'}`,
    );
    check(
      'non-article page with 20 iframes: <= 20 ms extra main-thread time in all',
      `${fmt(extMs - plainMs)} ms (${fmt(extMs)} with, ${fmt(plainMs)} without; the extension's own scripts ${fmt(ownMs)} ms)`,
      extMs - plainMs <= 20,
    );
    check(
      'script injected into every frame <= 25 KB',
      `loader ${contentKb.toFixed(1)} KB; ${perFrameKb.toFixed(1)} KB evaluated per frame on the non-article page`,
      contentKb <= 25 && perFrameKb <= 25,
    );
    results.push({
      page: 'non-article',
      withExtensionMs: extMs,
      withoutMs: plainMs,
      extensionScriptMs: ownMs,
      frames,
      evaluated: last.evaluated,
      perFrameKb,
    });
  }
  for (const view of ['grouped', 'whole'] as const) {
    const loads = graphLoads.filter((l) => l.view === view);
    const layoutMs = median(loads.map((l) => l.layoutMs));
    const drawnMs = median(loads.map((l) => l.drawnMs));
    console.log(
      `glossary graph, ${view === 'grouped' ? 'grouped by kind (default)' : 'whole glossary (view=all)'}, ${entries.length} nodes: layout ${fmt(layoutMs, 0)} ms, every node drawn ${fmt(drawnMs, 0)} ms after navigation (medians of ${LOADS})`,
    );
    check(
      `glossary graph (${view}) at ${entries.length} entries: layout < 1 s`,
      `${fmt(layoutMs, 0)} ms layout; drawn at ${fmt(drawnMs, 0)} ms`,
      layoutMs < 1000,
    );
    results.push({ page: `graph-${view}`, nodes: entries.length, layoutMs, drawnMs });
  }
  console.log(table(rows));
  console.log(
    'ext = the built extension (trace: evaluating the loader -> the task of the annotator end mark, every mention placed; CS eval = evaluating the content-script bundle; ext marks = ranges registered in CSS.highlights); harness = the same annotator modules in the page, from a pattern compiled at build time; h start = matcher start-up; floor+vis = the floor also skipping elements hidden by CSS; times in ms.',
  );
  console.log('');
  for (const b of budgets) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.budget}: ${b.value}`);
  const output = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    loads: LOADS,
    contentScript: { kb: contentKb, gzipKb: contentGzKb },
    glossary: {
      entries: entries.length,
      surfaceForms: terms.length,
      matchingData: dataSize(matchingTable),
      legacyPatternChars: compiled.source.length,
    },
    pages: results,
    budgets,
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(output, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nbench/results.json written (${output.seconds.toFixed(0)} s).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
