import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './route';

/** The current route, following `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const controller = new AbortController();
    addEventListener('hashchange', () => setRoute(parseRoute(location.hash)), {
      signal: controller.signal,
    });
    return () => controller.abort();
  }, []);
  return route;
}

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}
