/** Chromium devtools-timeline traces of one page load, for the page benchmarks. */
import type { BrowserContext, Page } from 'playwright-core';

/** A trace event, with the fields the benchmarks read. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; message?: string; frame?: string };
    beginData?: { url?: string };
  };
}

/** Runs `run` while tracing `page`; returns its result and the trace events. */
export async function traced<T>(context: BrowserContext, page: Page, run: () => Promise<T>) {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { result, events };
}
