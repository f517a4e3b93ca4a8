/**
 * Glossary search for the popup and the glossary page: names, aliases and summaries in
 * both languages, case and accents ignored, typos tolerated (fuse.js), exact name and
 * alias hits ranked above fuzzy ones. Build the index once with `createSearchIndex`.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Entry } from './types';

export interface SearchHit {
  entry: Entry;
  /** 0 = exact name or alias, 1 = a name or alias starts with the query, 2 = fuzzy. */
  tier: 0 | 1 | 2;
  /** Lower is better (Fuse's score within the fuzzy tier). */
  score: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

interface Doc {
  entry: Entry;
  names: string[];
  aliases: string[];
  summaries: string[];
}

/** Words that carry no meaning in a query ("loi européenne sur les puces"). */
const STOP_WORDS = new Set(
  'a an and de des du d en et for in l la le les of on or sur the to un une au aux'.split(' '),
);

/** Lower case, accents removed, apostrophes and dashes as spaces, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´\-‐‑–—_/.,;:()«»"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fuzzy hits scoring worse than this are noise when better hits exist. */
const MAX_FUZZY_SCORE = 0.6;

const FUSE_OPTIONS: IFuseOptions<Doc> = {
  includeScore: true,
  ignoreDiacritics: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  keys: [
    { name: 'names', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'summaries', weight: 0.4 },
  ],
};

export function createSearchIndex(entries: readonly Entry[]): SearchIndex {
  const docs: Doc[] = entries.map((entry) => ({
    entry,
    names: [entry.name.en, entry.name.fr, entry.id.replace(/-/g, ' ')].map(foldForSearch),
    aliases: entry.aliases.map((a) => foldForSearch(a.text)),
    summaries: [entry.summary.en, entry.summary.fr].map(foldForSearch),
  }));
  const fuse = new Fuse(docs, FUSE_OPTIONS);

  return {
    search(query, limit = 20) {
      const folded = foldForSearch(query);
      if (!folded) return [];
      const compact = folded.replace(/ /g, '');
      const best = new Map<string, SearchHit>();
      const offer = (hit: SearchHit) => {
        const current = best.get(hit.entry.id);
        if (
          !current ||
          hit.tier < current.tier ||
          (hit.tier === current.tier && hit.score < current.score)
        ) {
          best.set(hit.entry.id, hit);
        }
      };
      for (const doc of docs) {
        const labels = [...doc.names, ...doc.aliases];
        // "Trainium 2" = "trainium2": compare without spaces too.
        if (labels.some((l) => l === folded || l.replace(/ /g, '') === compact)) {
          offer({ entry: doc.entry, tier: 0, score: 0 });
        } else if (
          labels.some((l) => l.startsWith(folded) || l.split(' ').some((w) => w === folded))
        ) {
          const shortest = Math.min(
            ...labels.filter((l) => l.includes(folded)).map((l) => l.length),
          );
          offer({ entry: doc.entry, tier: 1, score: shortest / 1000 });
        }
      }
      const tokens = folded.split(' ').filter((t) => t.length > 1 && !STOP_WORDS.has(t));
      if (tokens.length <= 1) {
        for (const result of fuse.search(folded, { limit: limit * 2 })) {
          offer({ entry: result.item.entry, tier: 2, score: result.score ?? 1 });
        }
      } else {
        // Several words: every word must match the entry somewhere (fuzzily); rank by the mean.
        const perToken = tokens.map((token) => {
          const scores = new Map<string, number>();
          for (const result of fuse.search(token))
            scores.set(result.item.entry.id, result.score ?? 1);
          return scores;
        });
        for (const doc of docs) {
          const scores = perToken.map((s) => s.get(doc.entry.id));
          if (scores.every((s) => s !== undefined)) {
            const mean = (scores as number[]).reduce((a, b) => a + b, 0) / scores.length;
            offer({ entry: doc.entry, tier: 2, score: mean });
          }
        }
      }
      const hits = [...best.values()];
      // Weak fuzzy hits only when nothing better was found.
      const strong = hits.filter((h) => h.tier < 2 || h.score <= MAX_FUZZY_SCORE);
      return (strong.length > 0 ? strong : hits)
        .sort(
          (a, b) => a.tier - b.tier || a.score - b.score || a.entry.id.localeCompare(b.entry.id),
        )
        .slice(0, limit);
    },
  };
}
