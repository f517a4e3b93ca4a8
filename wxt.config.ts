import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { compiledGlossaryPlugin } from './scripts/vite-compiled-glossary';
import { loadGlossary } from './src/glossary/load-glossary';
import { checkTruth, resolveToday } from './src/glossary/truth-rules';
import { formatProblems } from './src/glossary/validate';
import { highlightStylesheet } from './src/page/highlights';
import { OUTPUT_DIR } from './scripts/targets';

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
    plugins: [preact(), compiledGlossaryPlugin()],
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
