// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  MIN_FRAME_HEIGHT,
  MIN_FRAME_WIDTH,
  MIN_PROSE_CHARS,
  frameVerdict,
  hasProse,
  newFrames,
  readableFrames,
} from '../../../src/content/article-signal';

function doc(body: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = body;
  return d;
}

const sentence = 'Amazon designs its own accelerators and has them made in Taiwan. ';

/** A window stand-in: a top frame, or a sub-frame of the given size. */
function frame(width: number, height: number, top = false): Window {
  const win = { innerWidth: width, innerHeight: height } as unknown as Window & { top: Window };
  win.top = top ? win : ({} as Window);
  return win;
}

describe('frameVerdict', () => {
  it('takes a page whose paragraphs hold a few sentences as an article', () => {
    const article = doc(`<p>${sentence.repeat(4)}</p>`);
    expect(MIN_PROSE_CHARS).toBeLessThanOrEqual(sentence.length * 4);
    expect(frameVerdict(frame(1280, 900, true), article, false)).toBe('article');
  });

  it('leaves a dashboard alone: tables and short labels are no prose', () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `<tr><td>job ${i}</td><td>Nvidia H100 pool</td></tr>`,
    );
    const dashboard = doc(`<h1>Jobs</h1><table>${rows.join('')}</table><p>Updated 2 min ago</p>`);
    expect(hasProse(dashboard)).toBe(false);
    expect(frameVerdict(frame(1280, 900, true), dashboard, false)).toBe('no-prose');
    // The reader marks whole pages: the dashboard is scanned.
    expect(frameVerdict(frame(1280, 900, true), dashboard, true)).toBe('article');
  });

  it('counts the paragraphs together, and ignores blank ones', () => {
    const short = sentence.slice(0, 40);
    const many = doc(Array.from({ length: 6 }, () => `<p>  ${short}  </p>`).join(''));
    expect(hasProse(many)).toBe(true);
    const blank = doc(Array.from({ length: 400 }, () => '<p>   </p>').join(''));
    expect(hasProse(blank)).toBe(false);
  });

  it('leaves small frames alone (banners, buttons, trackers), whatever they hold', () => {
    const article = doc(`<p>${sentence.repeat(4)}</p>`);
    expect(frameVerdict(frame(728, 90), article, true)).toBe('small-frame');
    expect(frameVerdict(frame(MIN_FRAME_WIDTH - 1, 600), article, false)).toBe('small-frame');
    expect(frameVerdict(frame(MIN_FRAME_WIDTH, MIN_FRAME_HEIGHT), article, false)).toBe('article');
    // A small top-level window is still a page to read.
    expect(frameVerdict(frame(150, 80, true), article, false)).toBe('article');
  });
});

describe('frames worth the loader (top frame)', () => {
  it('lists each frame once, iframes and frames alike', () => {
    const d = doc('<iframe id="a"></iframe><div><iframe id="b"></iframe></div>');
    const seen = new WeakSet<Element>();
    expect(newFrames(d, seen).map((f) => f.id)).toEqual(['a', 'b']);
    expect(newFrames(d, seen)).toEqual([]);
    d.body.insertAdjacentHTML('beforeend', '<iframe id="c"></iframe>');
    expect(newFrames(d, seen).map((f) => f.id)).toEqual(['c']);
  });

  it('keeps the frames large enough to read: never the common ad sizes', () => {
    const d = doc('');
    const sized = (id: string, width: number, height: number) => {
      const target = d.createElement('iframe');
      target.id = id;
      return { target, boundingClientRect: { width, height } };
    };
    const entries = [
      sized('article', 720, 900),
      sized('rectangle', 300, 250),
      sized('half-page', 300, 600),
      sized('leaderboard', 728, 90),
      sized('billboard', 970, 250),
      sized('limit', MIN_FRAME_WIDTH, MIN_FRAME_HEIGHT),
    ];
    expect(readableFrames(entries).map((f) => f.id)).toEqual(['article', 'limit']);
  });
});
