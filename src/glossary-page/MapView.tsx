import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageSummary } from '../messaging/protocol';
import { sendToTab } from '../messaging/send';
import { GraphExplorer } from './GraphExplorer';
import { usePage } from './page-context';
import { s } from '../i18n/page-strings';

type TabState =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; summary: PageSummary };

/** `#/map?tab=ID`: the graph of the entities found on one tab. */
export function MapView({ tabId, params }: { tabId?: number; params: URLSearchParams }) {
  const { lang } = usePage();
  const [tab, setTab] = useState<TabState>({ status: 'loading' });
  useEffect(() => {
    let stopped = false;
    setTab({ status: 'loading' });
    if (tabId === undefined) {
      setTab({ status: 'unavailable' });
      return;
    }
    void sendToTab(tabId, { type: 'page/get-summary' }).then((summary) => {
      if (stopped) return;
      setTab(summary && summary.active ? { status: 'ready', summary } : { status: 'unavailable' });
    });
    return () => {
      stopped = true;
    };
  }, [tabId]);
  const only = useMemo(
    () => (tab.status === 'ready' ? new Set(tab.summary.entities.map((e) => e.id)) : undefined),
    [tab],
  );

  if (tab.status !== 'ready' || !only) {
    return (
      <section class="gp-panel">
        <h1 class="gp-title" tabIndex={-1}>
          {s(lang, 'mapTitle')}
        </h1>
        <p class="gp-empty" role="status">
          {s(lang, tab.status === 'loading' ? 'mapLoading' : 'mapUnavailable')}
        </p>
      </section>
    );
  }
  return (
    <GraphExplorer
      title={s(lang, 'mapTitle')}
      intro={only.size === 0 ? s(lang, 'mapEmpty') : s(lang, 'mapFrom', { url: tab.summary.url })}
      path="/map"
      params={params}
      only={only}
    />
  );
}
