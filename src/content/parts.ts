/**
 * The parts of the in-page extension that are loaded only where they are needed. The
 * script the manifest injects into every frame (the loader, loader.ts) is small; it asks
 * the background to inject the annotator into this frame when the frame can hold an
 * article, and the annotator asks for the card UI when the first card is about to open.
 * An injected part runs in the same isolated world as the loader (never the page's) and
 * registers itself here; the page can neither see nor call it.
 */
import { browser } from 'wxt/browser';
import { requestFromBackground } from '../messaging/send';
import type { ContentPart } from '../messaging/protocol';
import type { CardUi } from './card-ui';
import type { ContentAnnotator, StartState } from './start-content';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { partRegistry } from './part-registry';

/** What each part provides once injected. */
export interface Parts {
  annotator: { start(ctx: ContentScriptContext, state?: StartState): ContentAnnotator };
  'card-ui': CardUi;
}

/** Called by a part's script when it runs. */
export function registerPart<K extends ContentPart>(name: K, part: Parts[K]): void {
  const { parts, arrived } = partRegistry();
  parts[name] = part;
  arrived[name]?.();
}

const pending = new Map<ContentPart, Promise<unknown>>();

/**
 * The part, injected by the background on first use; undefined when it cannot be had.
 * It is had as soon as its script runs: the background's answer to the request comes
 * later (the annotator started 4-6 ms sooner for it, in a side-by-side run).
 */
export async function loadPart<K extends ContentPart>(name: K): Promise<Parts[K] | undefined> {
  const registry = partRegistry();
  const { parts, arrived } = registry;
  if (parts[name]) return parts[name] as Parts[K];
  // The part's bundle uses this loader's API object (part-browser.ts): always the current
  // one, should a loader of an earlier version of the extension have left its own here.
  registry.browser = browser;
  let request = pending.get(name);
  if (!request) {
    const ran = new Promise<void>((resolve) => (arrived[name] = resolve));
    request = Promise.race([ran, requestFromBackground({ type: 'content/load', part: name })]);
    pending.set(name, request);
  }
  await request;
  pending.delete(name);
  delete arrived[name];
  return parts[name] as Parts[K] | undefined;
}
