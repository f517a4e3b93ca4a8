// @vitest-environment happy-dom
/**
 * The annotator's first scan with fake timers and the fake platform (fake-platform.ts):
 * it marks every mention and stamps the end of the scan once, matches long text in
 * slices that give the main thread back (visible text first), registers only the marks
 * near the viewport on a page with very many, skips hidden text, and stops mid-scan.
 */
import { describe, expect, it, vi } from 'vitest';
import { MARKED_STAMP } from '../../../src/page/annotator';
import { BAND_BLOCKS, BAND_CHARS } from '../../../src/page/mark-window';
import { annotate, paragraphs, registeredRanges, useFakePlatform } from './annotator-harness';
import { FakeIntersectionObserver } from './fake-platform';

useFakePlatform();

/** Runs the next timer (and those due with it), then the promise callbacks it lets through. */
async function step(): Promise<boolean> {
  if (vi.getTimerCount() === 0) return false;
  await vi.advanceTimersToNextTimerAsync();
  return true;
}

describe('Annotator first scan', () => {
  it('marks every mention of a simple article and stamps the end of the scan once', async () => {
    const { annotator, platform, started, marked } = annotate(
      '<article><h1>Nvidia and AMD</h1><p>Intel makes chips; Nvidia sells <em>CUDA</em>.</p>' +
        '<p>Nothing to see.</p></article>',
    );
    // Collecting is done, matching waits for a task of its own.
    expect(annotator.index.size).toBe(0);
    expect(platform.timeStamp).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    await started;
    expect(marked()).toEqual(['AMD', 'CUDA', 'Intel', 'Nvidia', 'Nvidia']);
    expect([...platform.registry.keys()].sort()).toEqual([
      'sovereignty-lens-company',
      'sovereignty-lens-software',
    ]);
    expect(Object.fromEntries(annotator.counts())).toEqual({
      nvidia: 2,
      amd: 1,
      intel: 1,
      cuda: 1,
    });
    expect(platform.timeStamp).toHaveBeenCalledExactlyOnceWith(MARKED_STAMP);

    // A rescan after a change is not a first scan: no second stamp.
    document.querySelector('p')!.append(' AMD again.');
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'AMD', 'CUDA', 'Intel', 'Nvidia', 'Nvidia']);
    expect(platform.timeStamp).toHaveBeenCalledTimes(1);
  });

  it('matches a long text in slices and gives the main thread back between them', async () => {
    // 1 ms per block matched: six blocks fill a 6 ms slice.
    const { annotator, platform, started, onChange, marked } = annotate(paragraphs(40), {
      msPerBlock: 1,
    });
    let done = false;
    void started.then(() => (done = true));
    const placed: number[] = [];
    const registered: number[] = [];
    while (!done && (await step())) {
      placed.push(annotator.index.size);
      registered.push(marked().length);
    }
    expect(done).toBe(true);
    expect(placed.at(-1)).toBe(40);
    // Progress arrives a few blocks at a time: no task does more than a quarter of the text.
    const partial = new Set(placed.filter((n) => n > 0 && n < 40));
    expect(partial.size).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < placed.length; i++) {
      expect(placed[i]!).toBeGreaterThanOrEqual(placed[i - 1]!);
      expect(placed[i]! - placed[i - 1]!).toBeLessThanOrEqual(10);
    }
    // The first slice's marks are registered at once; the rest in a few batches, not per slice.
    const firstShown = registered.findIndex((n) => n > 0);
    expect(registered[firstShown]).toBeLessThan(40);
    expect(new Set(registered).size).toBeLessThan(partial.size);
    expect(registered.at(-1)).toBe(40);
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(partial.size);
    expect(platform.timeStamp).toHaveBeenCalledOnce();
  });

  it('keeps its first tasks short while the matcher runs cold', async () => {
    // The first 8 blocks matched cost 2 ms each (code run for the first time), then
    // 0.01 ms: a first chunk of text sized for warm code (4,000 characters) took 16 ms.
    const { started } = annotate(paragraphs(60, 200), {
      msPerBlock: (scans) => (scans < 8 ? 2 : 0.01),
    });
    let done = false;
    void started.then(() => (done = true));
    const tasks: number[] = [];
    for (;;) {
      const [work, clock] = [performance.now(), Date.now()];
      if (done || !(await step())) break;
      // Main-thread time spent in this step: the fake clock moved on by the timers' delays.
      tasks.push(performance.now() - work - (Date.now() - clock));
    }
    expect(done).toBe(true);
    // The clock is read after each block: a slice ends at most one block past its 6 ms.
    expect(Math.max(...tasks)).toBeLessThanOrEqual(8);
  });

  it('matches from the viewport down first, then the text above it', async () => {
    // Layout stand-in: the first 40 of 80 paragraphs are scrolled past.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const top = ([...this.parentNode!.children].indexOf(this) - 40) * 20;
      return { top, bottom: top + 10 } as DOMRect;
    });
    const { annotator } = annotate(paragraphs(80), { msPerBlock: 1 });
    while (annotator.index.size === 0 && (await step()));
    const first = [...annotator.index.mentions()].map((m) =>
      [...document.body.children].indexOf(m.nodes[0]!.parentElement!),
    );
    expect(first.length).toBeGreaterThan(0);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(40);
    await vi.runAllTimersAsync();
    expect(annotator.index.size).toBe(80);
  });

  it('stops a scan in progress: nothing more is placed or registered', async () => {
    const { annotator, platform, started } = annotate(paragraphs(40), { msPerBlock: 1 });
    while (annotator.index.size === 0 && (await step()));
    expect(annotator.index.size).toBeLessThan(40);
    annotator.stop();
    await vi.runAllTimersAsync();
    await started;
    expect(annotator.index.size).toBe(0);
    expect(registeredRanges(platform)).toEqual([]);
    expect(platform.registry.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Annotator on hidden text', () => {
  it('skips text in hidden and aria-hidden elements', async () => {
    const { marked } = annotate(
      '<p hidden>Nvidia</p><div aria-hidden="true"><p>AMD</p></div><p>Intel</p>',
    );
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['Intel']);
  });

  it('skips text hidden by CSS where the document has layout', async () => {
    // collect-text checks CSS visibility only outside happy-dom (whose checkVisibility does
    // read display): the user agent of a browser stands in for layout.
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 Chrome/140.0');
    const { marked } = annotate(
      '<style>.gone{display:none}</style><p style="display:none">Nvidia</p>' +
        '<p class="gone">AMD</p><p>Intel</p>',
    );
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['Intel']);
  });
});

describe('Annotator mark window', () => {
  it('registers only the marks near the viewport once there are more than 2,000', async () => {
    // 256 short blocks of 8 marks: bands of BAND_BLOCKS (32), each watched through its
    // first and last block only.
    const dense = Array.from({ length: 256 }, () => `<p>${'Nvidia '.repeat(8)}</p>`).join('');
    const observe = vi.spyOn(FakeIntersectionObserver.prototype, 'observe');
    const { annotator, platform, started } = annotate(dense);
    await vi.runAllTimersAsync();
    await started;
    expect(annotator.index.size).toBe(256 * 8);
    // A growing band's last block is observed once the slice ends, not block by block.
    expect(observe.mock.calls.length).toBeLessThan(32);
    observe.mockRestore();
    const [observer] = platform.intersectionObservers;
    const blocks = [...document.querySelectorAll('p')];
    expect(BAND_BLOCKS).toBe(32);
    const bands = Array.from({ length: 8 }, (_, i) => blocks.slice(i * 32, i * 32 + 32));
    expect(new Set(observer!.observed)).toEqual(new Set(bands.flatMap((b) => [b[0], b.at(-1)])));
    expect(registeredRanges(platform)).toHaveLength(0);
    const shownBlocks = () =>
      new Set(registeredRanges(platform).map((range) => range.startContainer.parentElement));

    // The observer's first report: every watched block is below the window.
    observer!.report([...observer!.observed], false, 'below');
    expect(registeredRanges(platform)).toHaveLength(0);
    // The second band's first block comes near: its 32 blocks' marks are registered.
    observer!.report([bands[1]![0]!], true);
    expect(registeredRanges(platform)).toHaveLength(32 * 8);
    expect(shownBlocks()).toEqual(new Set(bands[1]));
    // Only registered marks are where hit-testing looks.
    const located = (block: Element) => annotator.index.in(block.firstChild!).length;
    expect(located(bands[1]![5]!)).toBe(8);
    expect(located(bands[0]![5]!)).toBe(0);
    // It goes above while its last block is still below: the band fills the viewport.
    observer!.report([bands[1]![0]!], false, 'above');
    expect(registeredRanges(platform)).toHaveLength(32 * 8);
    observer!.report([bands[1]!.at(-1)!], false, 'below');
    expect(registeredRanges(platform)).toHaveLength(32 * 8);
    // Then the last goes above too: nothing of that band stays registered.
    observer!.report([bands[1]!.at(-1)!], false, 'above');
    expect(registeredRanges(platform)).toHaveLength(0);
    expect(located(bands[1]![5]!)).toBe(0);
    expect(annotator.index.size).toBe(256 * 8);
    observer!.report([bands[7]!.at(-1)!], true);
    expect(shownBlocks()).toEqual(new Set(bands[7]));

    // A removed first block: the next one watches for its band, and no mark of the
    // removed block stays registered.
    bands[7]![0]!.remove();
    await vi.runAllTimersAsync();
    expect(observer!.observed.has(bands[7]![0]!)).toBe(false);
    expect(observer!.observed.has(bands[7]![1]!)).toBe(true);
    expect(registeredRanges(platform).filter((r) => !r.startContainer.isConnected)).toEqual([]);

    annotator.stop();
    expect(observer!.disconnected).toBe(true);
    expect(observer!.observed.size).toBe(0);
    expect(platform.registry.size).toBe(0);
  });

  it('closes a band at about BAND_CHARS characters of text', async () => {
    // 630 characters a block: four blocks reach 2,000 characters.
    const long = Array.from({ length: 25 }, () => `<p>${'Nvidia '.repeat(90)}</p>`).join('');
    const { platform, started } = annotate(long);
    await vi.runAllTimersAsync();
    await started;
    expect(BAND_CHARS).toBe(2_000);
    const blocks = [...document.querySelectorAll('p')];
    const bands = Array.from({ length: 7 }, (_, i) => blocks.slice(i * 4, i * 4 + 4));
    expect(new Set(platform.intersectionObservers[0]!.observed)).toEqual(
      new Set(bands.flatMap((b) => [b[0], b.at(-1)])),
    );
  });

  it('starts in that mode on a text of more than a million characters', async () => {
    const { annotator, platform, started } = annotate(paragraphs(1_010));
    await vi.runAllTimersAsync();
    await started;
    expect(annotator.index.size).toBe(1_010);
    expect(platform.intersectionObservers).toHaveLength(1);
    expect(registeredRanges(platform)).toHaveLength(0);
    // Indexed for hit-testing, yet no range made for a mark never registered.
    expect(platform.rangesMade()).toBe(0);
  });

  it('registers the marks near the viewport at once, when the scan has passed the window', async () => {
    // Blocks of ~1,000 characters (bands of two), 100 px tall, in a viewport 1,000 px
    // tall: the window reaches 3,000 px, so blocks 0-31 are near it; one mark per block.
    vi.stubGlobal('innerHeight', 1000);
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const top = [...document.body.children].indexOf(this) * 100;
      return { top, bottom: top + 100, width: 600, height: 100 } as DOMRect;
    });
    // 1 ms per block matched: six blocks fill a 6 ms slice.
    const { annotator, platform, started } = annotate(paragraphs(1_010), { msPerBlock: 1 });
    let done = false;
    void started.then(() => (done = true));
    const seen: [placed: number, registered: number][] = [];
    while (!done && (await step())) {
      seen.push([annotator.index.size, registeredRanges(platform).length]);
    }
    const first = seen.find(([, registered]) => registered > 0);
    // Not after the first slice (6 blocks), but once the scan reached block 32, below the
    // window: the 32 marks near it in one registration.
    expect(first![0]).toBeGreaterThan(32);
    expect(first![1]).toBe(32);
    expect(seen.at(-1)).toEqual([1_010, 32]);
  });

  it("registers the bands already near the viewport with the scan's first marks, from their boxes", async () => {
    // Blocks 100 px tall, one under the other, in a viewport 1,000 px tall: the window
    // reaches two viewports below it (3,000 px), where the second band (block 32) is not.
    vi.stubGlobal('innerHeight', 1000);
    const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const top = [...document.querySelectorAll('p')].indexOf(this as HTMLParagraphElement) * 100;
      return { top, bottom: top + 100, width: 600, height: 100 } as DOMRect;
    });
    const dense = Array.from({ length: 256 }, () => `<p>${'Nvidia '.repeat(8)}</p>`).join('');
    const { platform, started } = annotate(dense);
    await vi.runAllTimersAsync();
    await started;
    boxes.mockRestore();
    const blocks = [...document.querySelectorAll('p')];
    // Before any report of the observer: the first band's marks, and only those.
    const shown = new Set(registeredRanges(platform).map((r) => r.startContainer.parentElement));
    expect(shown).toEqual(new Set(blocks.slice(0, BAND_BLOCKS)));
    expect(registeredRanges(platform)).toHaveLength(BAND_BLOCKS * 8);
    // The observer's first reports agree: nothing changes.
    const [observer] = platform.intersectionObservers;
    observer!.report([blocks[0]!, blocks[BAND_BLOCKS - 1]!], true);
    observer!.report([blocks[BAND_BLOCKS]!], false, 'below');
    expect(registeredRanges(platform)).toHaveLength(BAND_BLOCKS * 8);
  });
});
