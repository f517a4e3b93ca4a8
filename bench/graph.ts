/**
 * The glossary page's graph at the glossary's full size (issue 15): the extension's own
 * glossary page in Chromium, on its two views of the whole glossary (clusters by kind,
 * the default; and the free layout of `view=all`). For each, the layout's own time (the
 * `sl-graph-layout` measure the page records around it) and the time from navigation to
 * every node drawn.
 */
import type { BrowserContext } from 'playwright-core';

export interface GraphLoad {
  view: string;
  nodes: number;
  /** The layout computation alone (d3-force run to rest). */
  layoutMs: number;
  /** Navigation start to the frame where every node is in the SVG. */
  drawnMs: number;
}

export const GRAPH_VIEWS = { grouped: '#/graph', whole: '#/graph?view=all' } as const;

/** One load of the graph view `hash` of the extension `extensionId` in `context`. */
export async function graphLoad(
  context: BrowserContext,
  extensionId: string,
  view: keyof typeof GRAPH_VIEWS,
  nodes: number,
): Promise<GraphLoad> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/glossary.html${GRAPH_VIEWS[view]}`);
    // Polled once per frame: the first frame that has every node (0 until then).
    const drawnMs = await page.waitForFunction(
      (n: number) =>
        document.querySelectorAll('svg [data-node]').length === n ? performance.now() : 0,
      nodes,
      { polling: 'raf', timeout: 30_000 },
    );
    const layoutMs = await page.evaluate(() =>
      Math.max(...performance.getEntriesByName('sl-graph-layout').map((e) => e.duration)),
    );
    return { view, nodes, layoutMs, drawnMs: (await drawnMs.jsonValue()) as number };
  } finally {
    await page.close();
  }
}
