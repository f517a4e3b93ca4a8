/**
 * Vite plugin: in the bundles of the in-page parts (the scripts the loader has the
 * background inject: `CONTENT_PARTS`), `wxt/browser` is src/content/part-browser.ts, the
 * loader's API object, rather than a second copy of webextension-polyfill. WXT builds each
 * of those scripts on its own with a fresh plugin instance, so what the plugin learns of
 * its build's entry point at `buildStart` holds for that build alone.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_PARTS } from '../src/messaging/protocol';

/** What `wxt/browser` resolves to with the @wxt-dev/webextension-polyfill module. */
const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const PART_BROWSER = fileURLToPath(new URL('../src/content/part-browser.ts', import.meta.url));
const PART_ENTRY = new RegExp(`[\\\\/]entrypoints[\\\\/](?:${CONTENT_PARTS.join('|')})\\.tsx?$`);

/** Whether a build's input (as Rollup gives it) is one of the parts' entry points. */
export function isPartBuild(input: unknown): boolean {
  const ids =
    typeof input === 'string'
      ? [input]
      : Array.isArray(input)
        ? input
        : input && typeof input === 'object'
          ? Object.values(input)
          : [];
  return ids.some((id) => typeof id === 'string' && PART_ENTRY.test(id.split('?').pop()!));
}

export function partBrowserPlugin(): Plugin {
  let part = false;
  return {
    name: 'sovereignty-lens-part-browser',
    enforce: 'pre',
    buildStart(options) {
      part = isPartBuild(options.input);
    },
    resolveId(id) {
      return part && id === POLYFILL ? PART_BROWSER : null;
    },
  };
}
