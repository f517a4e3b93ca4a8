/**
 * Vite plugin: compiles the glossary's pattern at build time. Replaces the module
 * src/glossary/compiled-glossary.ts with its value, computed in Node from
 * data/glossary.json, as one JSON.parse of a string literal (the fastest form for V8 to
 * load), done on first call, so the content script neither ships nor runs the compiler
 * and its evaluation does not include the parse.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compilePattern } from '../src/glossary/matcher';
import type { Glossary } from '../src/glossary/types';

const MODULE = /[\\/]src[\\/]glossary[\\/]compiled-glossary\.ts$/;

export function compiledGlossaryPlugin(glossaryPath = 'data/glossary.json'): Plugin {
  const file = resolve(glossaryPath);
  return {
    name: 'sovereignty-lens-compiled-glossary',
    enforce: 'pre',
    load(id) {
      if (!MODULE.test(id.split('?')[0]!)) return null;
      this.addWatchFile(file);
      const glossary = JSON.parse(readFileSync(file, 'utf8')) as Glossary;
      const json = JSON.stringify(compilePattern(glossary.entries));
      return `let compiled;\nexport function compiledGlossary() {\n  return (compiled ??= JSON.parse(${JSON.stringify(json)}));\n}\n`;
    },
  };
}
