import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { compiledGlossaryPlugin } from './scripts/vite-compiled-glossary';
import { partBrowserPlugin } from './scripts/vite-part-browser';
import { loadGlossary } from './src/glossary/load-glossary';
import { checkTruth, resolveToday } from './src/glossary/truth-rules';
import { formatProblems } from './src/glossary/validate';
import { highlightStylesheet } from './src/page/highlights';
import { OUTPUT_DIR } from './scripts/targets';
import { MANAGED_SCHEMA_FILE, managedSchema } from './src/settings/managed-schema';

/**
 * The public key that gives the Chromium build a stable id, bkcbdddbabganahpnkmdhpochkekmfcj,
 * whatever folder it is loaded from: organisations' policies name the extension by its id.
 * The store gives the published extension its own id and refuses a `key`, so store
 * packages (SL_STORE=1, `npm run zip`) leave it out.
 */
const CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxHam+ta7BAmVrTJmSvr+9q8GVnwBgKMzIhni/+J8h64BuYezpcTVzgN1mfOnJZJbgpSMwVd+lIORQIOHmgb/eLBYb6Z3nI34t5Qd1Ai/EmyFNVcAPuqR68CuVQN0RA530IJWJPcwBbu2i/csH8au8q/Eq0pC8gP6beSqKJmxWFg6L4lV0oqmDYDeTBGTdvMbF+KwYEJi1iVwZsnx4nskg9XtyZ0MVH3WbrkPkO8sEP+OixGPpNQROIQvRdvYWYdgWxjQGq8nUhTf26T4CX7iEiKX6sSAqS+bmRGdaxFdYL63f0OtBQCWl8zYIqiP4J2EoizqZKGxj4a56MJPVCPQlQIDAQAB';
const FOR_STORE = process.env.SL_STORE === '1';

/** The static `::highlight()` rules, injected by the manifest with the content script. */
const HIGHLIGHT_CSS = 'content-scripts/highlights.css';
/**
 * Whether a break of the glossary's truth rules (npm run glossary:check) fails the build.
 * It does; SL_GLOSSARY_TRUTH=warn prints the breaks and builds anyway (for work in progress).
 */
const TRUTH_FAILS_BUILD = process.env.SL_GLOSSARY_TRUTH !== 'warn';

/** Extension pages and the background: own scripts only, no plugins, no connections. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'; connect-src 'none'";

// Firefox gets Manifest V2 (see README, "Why MV2 on Firefox"); Chromium gets MV3.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: OUTPUT_DIR,
  vite: () => ({
    // The injected parts use the loader's webextension-polyfill (scripts/vite-part-browser.ts).
    plugins: [preact(), compiledGlossaryPlugin(), partBrowserPlugin()],
    // JSON modules as JSON.parse of a string: parsed faster than an object literal.
    json: { stringify: true },
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    short_name: 'Sovereignty Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting'],
    // The manifest injects only a small loader into every frame; the background injects
    // the annotator into the frames that hold an article, which needs the same sites.
    host_permissions: ['<all_urls>'],
    // The browsers' default policy plus no connections at all: "no network request" is
    // enforced by the browser, not only by tests. (Not in `wxt` dev mode, which needs its
    // dev server.)
    ...(command === 'build'
      ? {
          content_security_policy:
            browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
        }
      : {}),
    action: { default_title: 'Sovereignty Lens' },
    // What an organisation may set through the browser's policies (README, "Deploying in an
    // organisation"). Firefox reads policies.json without a schema.
    ...(browser === 'firefox'
      ? {}
      : {
          storage: { managed_schema: MANAGED_SCHEMA_FILE },
          ...(FOR_STORE ? {} : { key: CHROMIUM_KEY }),
        }),
    // The glossary page is also the settings page.
    options_ui: { page: 'glossary.html#/settings', open_in_tab: true },
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdOpenPopup__',
      },
      'toggle-marks': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_cmdToggleMarks__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_cmdNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_cmdPreviousMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sovereignty-lens@sovereignty-lens.org',
              // ::highlight() styling and data_collection_permissions need Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // An invalid glossary fails the build, naming every entry and field at fault.
    'build:before': () => {
      const glossary = loadGlossary();
      const { errors } = checkTruth(glossary, { today: resolveToday(process.env.SL_TODAY) });
      if (errors.length > 0) {
        const message = `glossary: ${errors.length} truth rule error(s)\n${formatProblems(errors)}`;
        if (TRUTH_FAILS_BUILD) throw new Error(message);
        console.warn(message);
      }
    },
    // The marks' stylesheet is injected by the browser before the page's first style
    // computation; adopting one at run time restyles the whole document (src/page/highlights.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_CSS, contents: highlightStylesheet() });
      files.push({
        relativeDest: MANAGED_SCHEMA_FILE,
        contents: `${JSON.stringify(managedSchema(), null, 2)}\n`,
      });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      const scripts = manifest.content_scripts ?? [];
      if (scripts.length !== 1)
        throw new Error(`expected one content script, got ${scripts.length}`);
      scripts[0]!.css = [...(scripts[0]!.css ?? []), HIGHLIGHT_CSS];
    },
  },
  webExt: {
    disabled: true,
  },
});
