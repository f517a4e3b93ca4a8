/**
 * Whether a frame can hold an article, decided without reading the whole document: the
 * frame is large enough to be read, and its paragraphs hold some prose. Ads, widgets,
 * trackers and web apps (dashboards, editors, mail) then cost the reader little or
 * nothing; articles load the annotator.
 *
 * The manifest's loader runs in the top frame only. A sub-frame gets the loader only when
 * the top frame holds a frame large enough to read (`readableFrames`), and then only if
 * the sub-frame itself is that large (`isReadableFrame`, run there by the background).
 */

/**
 * Frames smaller than this (CSS pixels) are ads, banners, buttons or trackers, not
 * reading: the common ad sizes (300x250, 300x600, 728x90, 970x250) all fall below it.
 */
export const MIN_FRAME_WIDTH = 400;
export const MIN_FRAME_HEIGHT = 300;
/** Characters of paragraph text (`<p>`) that make a page worth marking: a few sentences. */
export const MIN_PROSE_CHARS = 200;
/** Paragraphs looked at, at most: enough to find the prose of any article. */
const MAX_PARAGRAPHS = 200;

export type FrameVerdict = 'article' | 'small-frame' | 'no-prose';

/**
 * What the loader makes of this frame. `wholePage` (the reader marks whole pages, not
 * only articles) skips the prose test: any frame large enough is worth scanning.
 */
export function frameVerdict(win: Window, doc: Document, wholePage: boolean): FrameVerdict {
  if (win !== win.top && !isReadableFrame(win)) return 'small-frame';
  if (wholePage) return 'article';
  return hasProse(doc) ? 'article' : 'no-prose';
}

/** Whether the document's paragraphs hold at least MIN_PROSE_CHARS characters of text. */
export function hasProse(doc: Document, min = MIN_PROSE_CHARS): boolean {
  const paragraphs = doc.getElementsByTagName('p');
  let chars = 0;
  const count = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  for (let i = 0; i < count; i++) {
    chars += paragraphs[i]!.textContent?.trim().length ?? 0;
    if (chars >= min) return true;
  }
  return false;
}

/** Whether a (sub-)frame's viewport is large enough to be read. */
export function isReadableFrame(win: Pick<Window, 'innerWidth' | 'innerHeight'>): boolean {
  return win.innerWidth >= MIN_FRAME_WIDTH && win.innerHeight >= MIN_FRAME_HEIGHT;
}

/** The frames (`<iframe>`, `<frame>`) of `doc` not in `seen` yet; they are added to it. */
export function newFrames(doc: Document, seen: WeakSet<Element>): Element[] {
  const found: Element[] = [];
  for (const tag of ['iframe', 'frame']) {
    const frames = doc.getElementsByTagName(tag);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      if (seen.has(frame)) continue;
      seen.add(frame);
      found.push(frame);
    }
  }
  return found;
}

/** The frames, among sized ones (IntersectionObserver entries), large enough to be read. */
export function readableFrames(
  entries: readonly { target: Element; boundingClientRect: { width: number; height: number } }[],
): Element[] {
  return entries
    .filter(
      ({ boundingClientRect: { width, height } }) =>
        width >= MIN_FRAME_WIDTH && height >= MIN_FRAME_HEIGHT,
    )
    .map((entry) => entry.target);
}
