/**
 * The bundled glossary compiled for matching (`compilePattern`). Built from the glossary
 * here when this module runs as source (tests, Node scripts: without the word lists, so
 * aliases without a `case` keep `name`/`exact`); in the extension build the
 * Vite plugin of scripts/vite-compiled-glossary.ts replaces this module with the result
 * computed at build time, so a content script starts from a ready pattern:
 * `matcherFromCompiled(compiledGlossary())`. Parsed on first call, so that evaluating the
 * content script does not include it.
 */
import { bundledGlossary } from './bundled';
import { compilePattern, type CompiledGlossary } from './compile';

let compiled: CompiledGlossary | undefined;

export function compiledGlossary(): CompiledGlossary {
  return (compiled ??= compilePattern(bundledGlossary().entries));
}
