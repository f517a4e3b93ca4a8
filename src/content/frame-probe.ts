/**
 * What the background asks each frame of a page before it injects the loader there
 * (entrypoints/frame-probe.ts, run only when the top frame holds a frame large enough to
 * read): is this a sub-frame large enough to read, and does it have the loader already?
 * Kept tiny: it runs in every frame of such a page.
 */
import type { FrameProbe } from '../messaging/protocol';
import { isReadableFrame } from './article-signal';

/** Set on the isolated world's global object by the loader (one per frame and extension). */
export const LOADER_MARK = '__sovereigntyLensLoader';

/** The loader marks its frame, so the background never injects it twice. */
export function markLoaderPresent(): void {
  (globalThis as Record<string, unknown>)[LOADER_MARK] = true;
}

export function probeFrame(win: Window): FrameProbe {
  const global = globalThis as Record<string, unknown> & {
    browser?: { runtime?: { getFrameId?(target: Window): number } };
  };
  const wanted = win !== win.top && isReadableFrame(win) && global[LOADER_MARK] !== true;
  const frameId = global.browser?.runtime?.getFrameId?.(win);
  return frameId === undefined ? { wanted } : { wanted, frameId };
}
