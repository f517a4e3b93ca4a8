import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageSummary } from '../messaging/protocol';
import { sendToTab } from '../messaging/send';
import type { ManagedSettings } from '../settings/managed-settings';
import type { Settings } from '../settings/settings';
import { useSettings } from '../ui/use-settings';

export type PageState =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; summary: PageSummary };

/** The tab the popup is about: `?tab=ID` (tests, the article map), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Settings, the target tab and what its content script found, kept up to date. */
export function usePopupData(): {
  settings?: Settings;
  managed: ManagedSettings;
  tabId?: number;
  page: PageState;
} {
  const { settings, managed } = useSettings();
  const [tabId, setTabId] = useState<number>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (attempt: number) => {
      const id = tabId ?? (await targetTabId());
      if (stopped) return;
      if (id === undefined) {
        setPage({ status: 'unavailable' });
        return;
      }
      if (tabId === undefined) setTabId(id);
      const summary = await sendToTab(id, { type: 'page/get-summary' });
      if (stopped) return;
      if (summary) setPage({ status: 'ready', summary });
      else if (attempt >= 2) setPage({ status: 'unavailable' });
      // Long pages are scanned in slices: refresh while the popup is open.
      timer = setTimeout(() => void poll(attempt + 1), summary ? 1000 : 300);
    };
    void poll(0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [tabId, settings]);

  return { settings, managed, tabId, page };
}
