/**
 * Whether a frame can hold an article, decided by the loader in every frame without
 * reading the whole document: the frame is large enough to be read, and its paragraphs
 * hold some prose. Ads, widgets, trackers and web apps (dashboards, editors, mail) then
 * cost the reader only the loader; articles load the annotator.
 */

/** Frames smaller than this (CSS pixels) are banners, buttons or trackers, not reading. */
export const MIN_FRAME_WIDTH = 200;
export const MIN_FRAME_HEIGHT = 100;
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
  if (win !== win.top && (win.innerWidth < MIN_FRAME_WIDTH || win.innerHeight < MIN_FRAME_HEIGHT)) {
    return 'small-frame';
  }
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
