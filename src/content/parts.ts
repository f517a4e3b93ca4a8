/**
 * The parts of the in-page extension that are loaded only where they are needed. The
 * script the manifest injects into every frame (the loader, loader.ts) is small; it asks
 * the background to inject the annotator into this frame when the frame can hold an
 * article, and the annotator asks for the card UI when the first card is about to open.
 * An injected part runs in the same isolated world as the loader (never the page's) and
 * registers itself here; the page can neither see nor call it.
 */
import { requestFromBackground } from '../messaging/send';
import type { ContentPart } from '../messaging/protocol';
import type { CardUi } from './card-ui';
import type { ContentAnnotator, StartState } from './start-content';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What each part provides once injected. */
export interface Parts {
  annotator: { start(ctx: ContentScriptContext, state?: StartState): ContentAnnotator };
  'card-ui': CardUi;
}

/** The registry, on the isolated world's global object (one per frame and extension). */
const REGISTRY = '__sovereigntyLensParts';

function registry(): Partial<Parts> {
  const global = globalThis as unknown as Record<string, Partial<Parts> | undefined>;
  return (global[REGISTRY] ??= {});
}

/** Called by a part's script when it runs. */
export function registerPart<K extends ContentPart>(name: K, part: Parts[K]): void {
  registry()[name] = part;
}

const pending = new Map<ContentPart, Promise<unknown>>();

/** The part, injected by the background on first use; undefined when it cannot be had. */
export async function loadPart<K extends ContentPart>(name: K): Promise<Parts[K] | undefined> {
  const ready = registry()[name];
  if (ready) return ready as Parts[K];
  let request = pending.get(name);
  if (!request) {
    request = requestFromBackground({ type: 'content/load', part: name });
    pending.set(name, request);
  }
  await request;
  pending.delete(name);
  return registry()[name] as Parts[K] | undefined;
}
