/**
 * The glossary shipped with the extension. The build validates data/glossary.json
 * (wxt.config.ts) before bundling it, so here it is trusted as a `Glossary`.
 *
 * Bundled as a string and parsed on first use: a content script that only marks a page
 * (the pattern comes from compiled-glossary.ts) never pays for it, and one JSON.parse
 * is faster for V8 than evaluating the same data as an object literal.
 */
import text from '../../data/glossary.json?raw';
import type { Glossary } from './types';

let parsed: Glossary | undefined;

export function bundledGlossary(): Glossary {
  return (parsed ??= JSON.parse(text) as Glossary);
}
