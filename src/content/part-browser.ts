/**
 * `wxt/browser` in the bundles of the parts the loader injects (annotator, card UI): the
 * loader's own API object, from the part registry, instead of a second webextension-polyfill
 * evaluated in the same isolated world. Each copy was 10 KB of its part, and building its
 * wrapper ran in the part's evaluation task: the annotator's evaluation went from 2.1 to
 * 0.6 ms and its compile from 5.5 to 5.2 ms (Node's vm, medians of 60), its task in
 * Chromium from 13.1 to 11.4 ms (medians of 16 alternating loads of the demo article).
 * scripts/vite-part-browser.ts puts this module in the polyfill's place.
 */
import type { browser as loaderBrowser } from 'wxt/browser';
import { partRegistry } from './part-registry';

const shared = partRegistry().browser;
// A part is injected only when its loader asks for it (parts.ts), so this never throws in
// the product; the message names what went wrong if a future change breaks that order.
if (!shared) throw new Error('Sovereignty Lens: an in-page part ran before the loader');

export const browser: typeof loaderBrowser = shared;
