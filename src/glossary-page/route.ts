/** The page's routes, read from and written to `location.hash`. */
export type Route =
  | { name: 'browse'; params: URLSearchParams }
  | { name: 'entry'; id: string; params: URLSearchParams }
  | { name: 'graph'; params: URLSearchParams }
  | { name: 'map'; tabId?: number; params: URLSearchParams }
  | { name: 'settings'; params: URLSearchParams }
  | { name: 'mine'; params: URLSearchParams }
  | { name: 'packs'; params: URLSearchParams };

/** "#/entry/cuda?x=1" -> { name: 'entry', id: 'cuda', params: x=1 }; unknown hashes browse. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'entry':
      return parts[1]
        ? { name: 'entry', id: decodeURIComponent(parts[1]), params }
        : { name: 'browse', params };
    case 'graph':
      return { name: 'graph', params };
    case 'map': {
      const tab = params.get('tab');
      return tab && /^\d+$/.test(tab)
        ? { name: 'map', tabId: Number(tab), params }
        : { name: 'map', params };
    }
    case 'settings':
      return { name: 'settings', params };
    case 'mine':
      return { name: 'mine', params };
    case 'packs':
      return { name: 'packs', params };
    default:
      return { name: 'browse', params };
  }
}

export const entryHash = (id: string): string => `#/entry/${encodeURIComponent(id)}`;

/** Builds "#/path?a=1" from a path and parameters (empty values dropped). */
export function hashWith(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `#${path}?${text}` : `#${path}`;
}
