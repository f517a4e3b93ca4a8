/**
 * Hosts the glossary must not cite, by category (`npm run glossary:check`, truth rules).
 * A host matches itself and its subdomains: "marketscreener.com" also denies
 * "www.marketscreener.com" and "fr.marketscreener.com". To deny a new host, add it to its
 * category below (lower case, no scheme, no path).
 *
 * - No `verified` fact may cite a denied host: cite the original instead (the vendor's
 *   press release or filing, the institution's page, the Official Journal, or the outlet
 *   that reported it first).
 * - No fact at all, `reported` included, and no `textSources` URL may cite a wiki.
 */

export const HOST_CATEGORIES = ['aggregator', 'mirror', 'relay', 'wiki'] as const;
export type HostCategory = (typeof HOST_CATEGORIES)[number];

/** What each category is, for messages and reports. */
export const HOST_CATEGORY_LABELS: Record<HostCategory, string> = {
  aggregator: 'an aggregator or stock-news portal',
  mirror: 'a flipbook or mirror',
  relay: 'a state agency relaying company figures',
  wiki: 'a wiki',
};

export const DENIED_HOSTS: Record<HostCategory, readonly string[]> = {
  // Aggregators and stock-news portals: they republish wires and press releases.
  aggregator: [
    'boursorama.com',
    'marketscreener.com',
    'zonebourse.com',
    'nasdaq.com',
    'finance.yahoo.com',
    'investing.com',
    'boursier.com',
    'indianews.in',
    'itiger.com',
    'ainvest.com',
  ],
  // Flipbooks and mirrors of pages published elsewhere.
  mirror: [
    'publication.datacentremagazine.com',
    'issuu.com',
    'archive.ph',
    'archive.today',
    'vuink.com',
    'longform.social',
    'quantisnow.com',
  ],
  // State news agencies relaying a company's own figures: cite the company.
  relay: ['wam.ae'],
  // Wikis: never a source, whatever the confidence.
  wiki: ['wikipedia.org', 'wikiwand.com', 'fandom.com', 'aiwiki.ai', 'wikimedia.org'],
};

/** The host of an URL, lower case, without a trailing dot; undefined if it is not an URL. */
export function urlHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** The category of a denied host (itself or a parent domain), or undefined when allowed. */
export function hostCategory(url: string): HostCategory | undefined {
  const host = urlHost(url);
  if (host === undefined) return undefined;
  for (const category of HOST_CATEGORIES) {
    for (const denied of DENIED_HOSTS[category]) {
      if (host === denied || host.endsWith(`.${denied}`)) return category;
    }
  }
  return undefined;
}
