/**
 * The product's annotator run in a page's main world (bundled by bench/run.ts): the same
 * modules as the content script (matcher from a pre-built pattern, Annotator, HitTester),
 * timed exactly with performance.now(), without the extension's other start-up work.
 */
import { compiledGlossary } from '../../src/glossary/compiled-glossary';
import { matcherFromCompiled, type CompiledGlossary } from '../../src/glossary/matcher';
import { KINDS, type Kind } from '../../src/glossary/types';
import { Annotator } from '../../src/page/annotator';
import { HitTester } from '../../src/page/hit-test';
import { collectText } from '../../src/page/collect-text';
import { toRangeEndpoints } from '../../src/page/block-offsets';
import { scanBlocks } from '../../src/page/scan-blocks';

interface HarnessResult {
  totalMs: number;
  startupMs: number;
  firstMs: number;
  mentions: number;
  longestTaskMs: number;
  longestFrameMs: number;
}

let annotator: Annotator | undefined;

/**
 * Annotates the page as the content script does. The pattern comes from the module built
 * by scripts/vite-compiled-glossary.ts; `compiledJson` (a pattern compiled by the caller)
 * is only used when given.
 */
async function annotate(
  compiledJson: string | null,
  kinds: Record<string, Kind>,
): Promise<HarnessResult> {
  const bench = (window as unknown as { __slBench: { longtasks: number[][]; frames: number[][] } })
    .__slBench;
  const t0 = performance.now();
  const matcher = matcherFromCompiled(
    compiledJson ? (JSON.parse(compiledJson) as CompiledGlossary) : compiledGlossary(),
  );
  matcher.findMentions('Nvidia');
  const startupMs = performance.now() - t0;
  let first = -1;
  annotator = new Annotator({
    doc: document,
    matcher,
    kindOf: (id) => kinds[id],
    config: { style: 'underline', kinds: KINDS, markMode: 'all', scope: 'article' },
    onChange: () => {
      if (first < 0 && annotator && annotator.index.size > 0) first = performance.now();
    },
  });
  await annotator.start();
  const t1 = performance.now();
  if (first < 0) first = t1;
  // Let buffered long-task and long-frame entries arrive.
  await new Promise((r) => setTimeout(r, 100));
  const inWindow = (entries: number[][]) =>
    entries.filter(([s, d]) => s! + d! > t0 && s! < t1).reduce((m, [, d]) => Math.max(m, d!), 0);
  return {
    totalMs: t1 - t0,
    startupMs,
    firstMs: first - t0,
    mentions: annotator.index.size,
    longestTaskMs: inWindow(bench.longtasks),
    longestFrameMs: inWindow(bench.frames),
  };
}

/**
 * The product's hit-test, µs per call: as the hover controller calls it, with the element
 * the pointer event was dispatched to (found here with elementFromPoint, outside the timed
 * loop: the browser hit-tests every pointer event anyway); `caretUs` without it (the
 * caretPositionFromPoint path).
 */
function hitTest(
  maxPoints: number,
  repeats: number,
): { us: number; caretUs: number; points: number; found: number; foundCaret: number } {
  if (!annotator) throw new Error('annotate first');
  const tester = new HitTester(document, annotator.index);
  const points: [number, number, Element | null][] = [];
  const rect = new Range();
  for (const m of annotator.index.mentions()) {
    rect.setStart(m.range.startContainer, m.range.startOffset);
    rect.setEnd(m.range.endContainer, m.range.endOffset);
    const r = rect.getBoundingClientRect();
    if (r.width > 0 && r.top >= 0 && r.bottom <= innerHeight) {
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      points.push([x, y, document.elementFromPoint(x, y)]);
    }
    if (points.length >= maxPoints) break;
  }
  rect.setStart(document, 0);
  rect.collapse(true);
  let found = 0;
  let foundCaret = 0;
  for (const [x, y, target] of points) {
    if (tester.mentionAt(x, y, target)) found++;
    if (tester.mentionAt(x, y, null)) foundCaret++;
  }
  const time = (withTarget: boolean): number => {
    const t0 = performance.now();
    for (let k = 0; k < repeats; k++)
      for (const [x, y, target] of points) tester.mentionAt(x, y, withTarget ? target : null);
    const n = points.length * repeats;
    return n ? ((performance.now() - t0) * 1000) / n : -1;
  };
  return { us: time(true), caretUs: time(false), points: points.length, found, foundCaret };
}

/** Where the annotator's time goes: collection, matching, placement, timed apart. */
function profile(compiledJson: string, regexSource: string): Record<string, number> {
  const matcher = matcherFromCompiled(JSON.parse(compiledJson) as CompiledGlossary);
  const root = document.querySelector('article') ?? document.body;
  const out: Record<string, number> = {};
  let t = performance.now();
  const blocks = collectText(root);
  out.collect = performance.now() - t;
  t = performance.now();
  collectText(root, { visibility: 'ignore' });
  out.collectNoVisibility = performance.now() - t;
  t = performance.now();
  const results = scanBlocks(matcher, blocks);
  out.scanBlocks = performance.now() - t;
  t = performance.now();
  scanBlocks(matcher, blocks);
  out.scanBlocksWarm = performance.now() - t;
  t = performance.now();
  for (const b of blocks) matcher.findMentions(b.text);
  out.findMentionsWarm = performance.now() - t;
  const re = new RegExp(regexSource, 'gu');
  t = performance.now();
  for (const b of blocks) {
    re.lastIndex = 0;
    while (re.exec(b.text)) {
      /* count */
    }
  }
  out.regexOnly = performance.now() - t;
  t = performance.now();
  const h = new Highlight();
  CSS.highlights.set('bench-profile', h);
  let n = 0;
  results.forEach((mentions, i) => {
    for (const m of mentions) {
      h.add(new StaticRange(toRangeEndpoints(blocks[i]!, m.start, m.end)));
      n++;
    }
  });
  out.placeStatic = performance.now() - t;
  CSS.highlights.delete('bench-profile');
  out.mentions = n;
  out.blocks = blocks.length;
  return out;
}

(window as unknown as { __slHarness: unknown }).__slHarness = { annotate, hitTest, profile };
