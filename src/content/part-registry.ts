/**
 * Where the in-page parts meet (parts.ts): one object on the isolated world's global
 * (one per frame and extension; the page can neither see nor reach it). It holds the
 * parts that have run, what to call when a part that is waited for runs, and the loader's
 * WebExtension API object, which the parts use rather than a copy of their own
 * (part-browser.ts). Types are all it imports: every part reads it first.
 */
import type { browser as loaderBrowser } from 'wxt/browser';
import type { ContentPart } from '../messaging/protocol';
import type { Parts } from './parts';

const REGISTRY = '__sovereigntyLensPartRegistry';

export interface PartRegistry {
  parts: Partial<Parts>;
  arrived: Partial<Record<ContentPart, () => void>>;
  /** The loader's `browser` (webextension-polyfill), left here before any part is asked for. */
  browser?: typeof loaderBrowser;
}

export function partRegistry(): PartRegistry {
  const global = globalThis as unknown as Record<string, PartRegistry | undefined>;
  return (global[REGISTRY] ??= { parts: {}, arrived: {} });
}
