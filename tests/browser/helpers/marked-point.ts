/**
 * Where the nth mark reading `text` is, once it is registered: a page's marks arrive over
 * several slices (the visible text's first), so a test that saw some marks may not see
 * this one yet. Undefined when it is still not there after `timeoutMs`.
 */
import type { TestPage } from './browsers';
import { mentionPoint } from './probes';

export async function markedPoint(
  page: TestPage,
  text: string,
  nth = 0,
  timeoutMs = 5_000,
): Promise<ReturnType<typeof mentionPoint>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const point = await page.evaluate(mentionPoint, [text, nth] as [string, number]);
    if (point || Date.now() > deadline) return point;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
