import { defineContentScript } from '#imports';
import { startLoader } from '@/src/content/loader';

// The loader only: it decides whether this frame can hold an article and then has the
// background inject the annotator (entrypoints/annotator.ts) into it.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The top frame only: sub-frames large enough to read get it from the background
  // (src/content/loader.ts); ads and widgets never do.
  allFrames: false,
  // The card's styles are inlined into its closed shadow root (src/content/ui-host.ts):
  // nothing for WXT to inject, and no web-accessible file a page could probe.
  cssInjectionMode: 'manual',
  // WXT would announce the script to the page with window.postMessage; our own lifetime
  // guard (src/content/lifetime.ts) decides when the script stops.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startLoader(ctx);
  },
});
