/**
 * Giving the page its main thread back between slices of work. `scheduler.yield()` (or a
 * MessageChannel message) lets input run but never lets a frame render, which stretched
 * one animation frame to ~117 ms on a 5 MB page; so every `FRAME_EVERY_MS` of work we also
 * wait for a frame (with a timeout, since hidden tabs never run animation frames).
 */

const FRAME_EVERY_MS = 24;
const FRAME_TIMEOUT_MS = 50;

type SchedulerLike = { yield?: () => Promise<void> };

export function createYielder(
  win: Window & typeof globalThis,
): (options?: { frame?: boolean }) => Promise<void> {
  const now = () => win.performance.now();
  let lastFrame = now();
  const scheduler = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  const channel = new win.MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();

  const nextTask = (): Promise<void> =>
    typeof scheduler?.yield === 'function'
      ? scheduler.yield.call(scheduler)
      : new Promise((resolve) => {
          waiting.push(resolve);
          channel.port2.postMessage(null);
        });

  const nextFrame = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = win.setTimeout(resolve, FRAME_TIMEOUT_MS);
      win.requestAnimationFrame(() => {
        win.clearTimeout(timer);
        // Resolve after the frame is painted, not in its callbacks.
        win.setTimeout(resolve, 0);
      });
    });

  // `frame`: let a frame render now (e.g. right after changing the highlights, so that
  // the frame that repaints them holds no other work).
  return async (options) => {
    if (options?.frame || now() - lastFrame >= FRAME_EVERY_MS) {
      await nextFrame();
      lastFrame = now();
    } else {
      await nextTask();
    }
  };
}
