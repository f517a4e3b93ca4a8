/**
 * The glossary shipped with the extension, assembled from `data/glossary/` (one file per
 * entry). In the extension build the Vite plugin of scripts/vite-compiled-glossary.ts
 * replaces this module with the assembled data as one string parsed on first call, after
 * the build hook of wxt.config.ts has validated the folder; so here it is trusted as a
 * `Glossary`. As source (unit tests through Vite) the files are gathered by
 * `import.meta.glob`.
 */
import type { Glossary } from './types';

const files = import.meta.glob<Record<string, unknown>>('../../data/glossary/*.json', {
  eager: true,
  import: 'default',
});

let value: Glossary | undefined;

export function bundledGlossary(): Glossary {
  return (value ??= {
    version: 1,
    entries: Object.keys(files)
      .sort()
      .map((path) => {
        const entry = { ...files[path]! };
        delete entry.$schema;
        return entry;
      }),
  } as unknown as Glossary);
}
