/**
 * Vite plugin: assembles the glossary at build time from `data/glossary/` (one file per
 * entry) and replaces two source modules with their values, each as one JSON.parse of a
 * string literal done on first call (the fastest form for V8 to load):
 * - src/glossary/bundled.ts: the whole glossary, for the background and the pages;
 * - src/glossary/compiled-glossary.ts: the matcher's table compiled from it, so a content
 *   script neither ships nor runs the compiler, nor carries the cards' texts.
 * Both with every alias's case rule written out, decided with the word lists of
 * scripts/word-lists.ts (build time only), so that the background, compiling the
 * reader's own entries with the bundled ones, applies the same rules.
 * The build hook of wxt.config.ts validates the folder first.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { assembleEntryFiles, GLOSSARY_DIR, readEntryFiles } from '../src/glossary/load-glossary';
import { compilePattern, resolveAliasCases } from '../src/glossary/compile';
import type { Glossary } from '../src/glossary/types';
import { commonWords } from './word-lists';

const COMPILED = /[\\/]src[\\/]glossary[\\/]compiled-glossary\.ts$/;
const BUNDLED = /[\\/]src[\\/]glossary[\\/]bundled\.ts$/;

function lazyJson(name: string, value: unknown): string {
  const json = JSON.stringify(JSON.stringify(value));
  return `let value;\nexport function ${name}() {\n  return (value ??= JSON.parse(${json}));\n}\n`;
}

export function compiledGlossaryPlugin(glossaryDir = GLOSSARY_DIR): Plugin {
  const dir = resolve(glossaryDir);
  const read = (): Glossary => assembleEntryFiles(readEntryFiles(dir)).data as unknown as Glossary;
  return {
    name: 'sovereignty-lens-compiled-glossary',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!COMPILED.test(file) && !BUNDLED.test(file)) return null;
      this.addWatchFile(dir);
      const glossary = read();
      const entries = resolveAliasCases(glossary.entries, commonWords());
      if (COMPILED.test(file)) return lazyJson('compiledGlossary', compilePattern(entries));
      return lazyJson('bundledGlossary', { ...glossary, entries });
    },
  };
}
