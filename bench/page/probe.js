/* global window, document, performance, PerformanceObserver, CSS, NodeFilter, requestAnimationFrame, innerHeight, getComputedStyle, location, console, MutationObserver, Highlight, StaticRange, setTimeout */
// Page-side benchmark probes, installed as an init script in every benchmark page (plain
// JavaScript: it runs as is in the page's main world). Nothing here touches the product.
(() => {
  const state = {
    longtasks: [],
    frames: [],
    // With #poll: [start, length] of each interval between two animation frames. The
    // 'long-animation-frame' entries above only report frames of 50 ms or more.
    gaps: [],
    first: -1,
    lastChange: -1,
    lastCount: 0,
  };
  window.__slBench = state;
  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({
        type,
        buffered: true,
      });
    } catch {
      // entry type not supported
    }
  };
  observe('longtask', (e) => state.longtasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => state.frames.push([e.startTime, e.duration]));

  /** Ranges in the extension's highlights (not the focus/hover marks). */
  const count = () => {
    let n = 0;
    if (!window.CSS || !CSS.highlights) return 0;
    for (const [name, h] of CSS.highlights) {
      if (name.startsWith('sovereignty-lens') && !/-(focus|hover)$/.test(name)) n += h.size;
    }
    return n;
  };
  state.count = count;

  /** A trace timestamp carrying the page clock, to map trace time to page time. */
  state.sync = () => {
    const now = performance.now();
    console.timeStamp(`sl-sync ${now}`);
    return now;
  };

  // With #poll: watch the highlight count once per frame (time to first highlight, to
  // stable count), leaving a trace timestamp at each change.
  if (location.hash === '#poll') {
    let previous = -1;
    const poll = (time) => {
      if (previous >= 0) state.gaps.push([previous, time - previous]);
      previous = time;
      const c = count();
      if (c !== state.lastCount) {
        const now = performance.now();
        if (state.lastCount === 0) {
          state.first = now;
          console.timeStamp('sl-first');
        }
        state.lastCount = c;
        state.lastChange = now;
        console.timeStamp('sl-change');
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }

  const EXCLUDED = new Set(
    'head script style noscript template textarea input select option optgroup datalist code pre kbd samp iframe object embed canvas video audio rt rp title desc metadata sovereignty-lens-ui'.split(
      ' ',
    ),
  );
  const excluded = (el) => {
    if (EXCLUDED.has(el.localName)) return true;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    const e = el.getAttribute('contenteditable');
    return e !== null && e.toLowerCase() !== 'false';
  };
  const articleRoot = () =>
    document.querySelector('article') || document.querySelector('main') || document.body;
  state.articleRoot = articleRoot;

  /**
   * The floor: a TreeWalker without a filter callback, skipping excluded subtrees by hand,
   * reading every text node and running the pattern once per node.
   */
  state.floor = (source, flags, visibility) => {
    const t0 = performance.now();
    // With `visibility`, elements hidden by CSS are skipped too (checkVisibility), as the
    // product's text collection does.
    const hidden = (el) =>
      visibility && !el.checkVisibility() && getComputedStyle(el).display !== 'contents';
    const re = new RegExp(source, flags);
    const root = articleRoot();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let matches = 0;
    let chars = 0;
    let n = walker.nextNode();
    while (n) {
      if (n.nodeType === 3) {
        const data = n.data;
        nodes++;
        chars += data.length;
        re.lastIndex = 0;
        while (re.exec(data) !== null) matches++;
        n = walker.nextNode();
      } else if (excluded(n) || hidden(n)) {
        let s = walker.nextSibling();
        while (!s && walker.parentNode()) s = walker.nextSibling();
        n = s;
      } else n = walker.nextNode();
    }
    return { ms: performance.now() - t0, nodes, matches, chars };
  };

  /** The page's own DOM mutation: append and remove a text node, µs per pair. */
  state.mutation = (iterations) => {
    const p = articleRoot().querySelector('p') || document.body;
    const run = (n) => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const t = document.createTextNode('x');
        p.appendChild(t);
        p.removeChild(t);
      }
      return performance.now() - t0;
    };
    run(Math.min(1000, iterations));
    // The median of 9 runs: one cost per page change is a few µs, and noisy.
    const times = [];
    for (let k = 0; k < 9; k++) times.push(run(iterations));
    times.sort((a, b) => a - b);
    return (times[4] * 1000) / iterations;
  };

  /**
   * What one change to the highlight registry costs this page without the extension: the
   * duration of a frame with nothing to do, then of the frame after one StaticRange was
   * added to a registered highlight (Chromium repaints the whole document for it).
   */
  state.highlightRepaint = async () => {
    const frame = () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.data.trim().length > 10) {
        text = n;
        break;
      }
    await frame();
    const idle = await frame();
    const highlight = new Highlight();
    CSS.highlights.set('bench-repaint', highlight);
    await frame();
    const started = performance.now();
    highlight.add(
      new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 }),
    );
    await frame();
    const changed = performance.now() - started;
    CSS.highlights.delete('bench-repaint');
    return { idleMs: idle, changeMs: changed };
  };

  /**
   * The same append+remove under a bare MutationObserver (empty callback) watching the
   * document as the extension's does: the cost of following a live page at all.
   */
  state.mutationObserved = (iterations, options) => {
    const observer = new MutationObserver(() => {});
    observer.observe(document, options);
    try {
      return state.mutation(iterations);
    } finally {
      observer.disconnect();
    }
  };

  /**
   * Hover hit-test as the product does it, from the page: caretPositionFromPoint at a
   * mention's centre, then the text node's sorted mention starts (a WeakMap) and a binary
   * search. Returns µs per lookup and how many lookups found their mention.
   */
  state.hitTest = (maxPoints, repeats) => {
    const byNode = new WeakMap();
    const points = [];
    const vh = innerHeight;
    // One Range for measuring: live Ranges left for the GC would slow the page's mutations.
    const range = document.createRange();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('sovereignty-lens') || /-(focus|hover)$/.test(name)) continue;
      for (const r of h) {
        let list = byNode.get(r.startContainer);
        if (!list) byNode.set(r.startContainer, (list = []));
        list.push(r.startOffset, r.endOffset);
        if (points.length < maxPoints && r.startContainer === r.endContainer) {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0 && rect.top >= 0 && rect.bottom <= vh)
            points.push([rect.left + rect.width / 2, rect.top + rect.height / 2]);
        }
      }
    }
    range.setStart(document, 0);
    range.collapse(true);
    // Pairs (start, end) sorted by start.
    const sorted = new WeakSet();
    const lookup = (node, offset) => {
      const list = byNode.get(node);
      if (!list) return -1;
      if (!sorted.has(list)) {
        const pairs = [];
        for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
        pairs.sort((a, b) => a[0] - b[0]);
        list.length = 0;
        for (const [s, e] of pairs) list.push(s, e);
        sorted.add(list);
      }
      let lo = 0;
      let hi = list.length / 2;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid * 2] <= offset) lo = mid + 1;
        else hi = mid;
      }
      const i = lo - 1;
      return i >= 0 && list[i * 2 + 1] >= offset ? i : -1;
    };
    let found = 0;
    for (const [x, y] of points) {
      const c = document.caretPositionFromPoint(x, y);
      if (c && lookup(c.offsetNode, c.offset) >= 0) found++;
    }
    const t0 = performance.now();
    for (let k = 0; k < repeats; k++) {
      for (const [x, y] of points) {
        const c = document.caretPositionFromPoint(x, y);
        if (c) lookup(c.offsetNode, c.offset);
      }
    }
    const lookups = repeats * points.length;
    return {
      us: lookups ? ((performance.now() - t0) * 1000) / lookups : -1,
      points: points.length,
      found,
    };
  };

  const MARK_EXCLUDE = [...EXCLUDED]
    .filter((t) => t !== 'head')
    .concat([
      '[hidden]',
      '[aria-hidden="true"]',
      '[contenteditable]:not([contenteditable="false"])',
    ]);
  /** mark.js on the article: one combined RegExp, or a keyword array. */
  state.markJs = (mode, arg) =>
    new Promise((resolve) => {
      const instance = new window.Mark(articleRoot());
      const t0 = performance.now();
      let marks = 0;
      const done = () => resolve({ ms: performance.now() - t0, marks });
      const options = { exclude: MARK_EXCLUDE, each: () => marks++, done };
      if (mode === 'regexp') instance.markRegExp(new RegExp(arg.source, arg.flags), options);
      else
        instance.mark(arg, {
          ...options,
          separateWordSearch: false,
          caseSensitive: true,
          accuracy: 'exactly',
        });
    });
})();
