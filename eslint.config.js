// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that a folder of src/ must never make (darkreader-style boundaries). */
const zone = (files, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [...patterns, ...alwaysRestricted] }],
  },
});

// The polyfill is reached only through `wxt/browser` (so tests get fakeBrowser).
const alwaysRestricted = [
  { group: ['webextension-polyfill'], message: 'Import `browser` from `wxt/browser`.' },
];

const noExtension = {
  group: ['wxt', 'wxt/*', '#imports'],
  message: 'This folder must not depend on extension APIs.',
};
const noUi = { group: ['preact', 'preact/*'], message: 'The core has no UI.' };
const shells = (...names) =>
  names.map((n) => ({
    group: [`**/${n}/*`, `**/${n}`],
    message: `Do not import ${n}/: entry contexts never import each other.`,
  }));

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/browser/artifacts/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never HTML.' },
        { property: 'outerHTML', message: 'Render text, never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text, never HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text, never HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The packs' store is their one file with extension storage; the rest is pure.
    ...zone(
      ['src/glossary/**', 'src/packs/**'],
      [
        noExtension,
        noUi,
        ...shells('page', 'content', 'popup', 'background', 'glossary-page', 'ui'),
      ],
    ),
    ignores: ['src/packs/pack-store.ts'],
  },
  zone(
    ['src/packs/pack-store.ts'],
    [noUi, ...shells('page', 'content', 'popup', 'background', 'glossary-page', 'ui')],
  ),
  {
    files: ['src/glossary/**', 'src/packs/**'],
    ignores: ['src/glossary/load-glossary-file.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'browser', 'chrome'],
    },
  },
  // Strings and formats, and the reader's language, theme and glossary: pure, for every context.
  zone(
    ['src/i18n/**', 'src/reader/**'],
    [noExtension, noUi, ...shells('page', 'content', 'popup', 'background', 'glossary-page', 'ui')],
  ),
  zone(
    ['src/page/**'],
    [noExtension, ...shells('content', 'popup', 'background', 'glossary-page')],
  ),
  zone(['src/ui/**'], [noExtension, ...shells('content', 'popup', 'background', 'glossary-page')]),
  zone(['src/content/**'], shells('popup', 'background', 'glossary-page')),
  zone(['src/popup/**'], shells('content', 'background', 'glossary-page')),
  zone(['src/background/**'], shells('content', 'popup', 'glossary-page')),
  zone(['src/glossary-page/**'], shells('content', 'popup', 'background')),
  {
    // Tests, scripts and the benchmark may reach anything, including Node built-ins.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
