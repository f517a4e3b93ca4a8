import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { indexGlossary } from '../glossary/glossary-index';
import { createSearchIndex } from '../glossary/search';
import type { Glossary } from '../glossary/types';
import { readerIsDark, readerLanguage } from '../reader/preferences';
import { readerGlossary } from '../reader/reader-glossary';
import { saveUserData } from '../user-data/store';
import { BrowseView } from './BrowseView';
import { CorruptionBanner } from './CorruptionBanner';
import { EntryView } from './EntryView';
import { GraphView } from './GraphView';
import { MapView } from './MapView';
import { MineView } from './MineView';
import { PacksView } from './PacksView';
import { PageContext, type PageState } from './page-context';
import type { Route } from './route';
import { SettingsView } from './SettingsView';
import { s, type PageStringKey } from '../i18n/page-strings';
import { usePageData } from './use-page-data';
import { useRoute } from './use-route';

const NAV: { path: string; key: PageStringKey; routes: Route['name'][] }[] = [
  { path: '#/', key: 'navBrowse', routes: ['browse', 'entry'] },
  { path: '#/graph', key: 'navGraph', routes: ['graph', 'map'] },
  { path: '#/mine', key: 'navMine', routes: ['mine'] },
  { path: '#/packs', key: 'navPacks', routes: ['packs'] },
  { path: '#/settings', key: 'navSettings', routes: ['settings'] },
];

/** The full glossary page (also the options page): browse, graph, your entries, settings. */
export function GlossaryPage({ bundled }: { bundled: Glossary }) {
  const route = useRoute();
  const data = usePageData();
  const lang = readerLanguage(data.settings, browser.i18n.getUILanguage());
  const dark = readerIsDark(data.settings, data.systemDark);

  const reader = useMemo(
    () =>
      readerGlossary({
        bundled,
        userData: data.userData,
        packs: [...data.packs.managed, ...data.packs.installed],
      }),
    [bundled, data.userData, data.packs],
  );
  const state = useMemo<PageState>(
    () => ({
      lang,
      dark,
      settings: data.settings,
      bundled,
      glossary: reader.all,
      index: indexGlossary(reader.all),
      search: createSearchIndex(reader.all.entries),
      userData: data.userData,
      userIds: reader.userIds,
      packs: data.packs,
      origins: reader.origins,
      conflicts: reader.conflicts,
      managed: data.managed,
      saveUserData: (next) => saveUserData(next, bundled),
    }),
    [lang, dark, data.settings, data.managed, data.packs, bundled, reader, data.userData],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    document.title = s(lang, 'title');
  }, [lang, dark]);

  // Move focus to the new view's heading, so keyboard and screen-reader users follow.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1, main h2')?.focus({ preventScroll: false });
  }, [route.name, route.name === 'entry' ? route.id : '']);

  return (
    <PageContext.Provider value={state}>
      <div
        class={`sl-root gp${dark ? ' sl-dark' : ''}`}
        lang={lang}
        data-ready={data.userDataReady ? 'true' : undefined}
      >
        <header class="gp-header">
          <a class="gp-brand" href="#/">
            <img src="/icon/32.png" alt="" width={24} height={24} />
            <span>Sovereignty Lens</span>
          </a>
          <nav aria-label={s(lang, 'navLabel')} class="gp-nav">
            {NAV.map((item) => (
              <a
                key={item.path}
                href={item.path}
                class="gp-nav__link"
                aria-current={item.routes.includes(route.name) ? 'page' : undefined}
              >
                {s(lang, item.key)}
              </a>
            ))}
          </nav>
        </header>
        {data.keptAside && <CorruptionBanner kept={data.keptAside} />}
        <main class="gp-main">
          <View route={route} />
        </main>
      </div>
    </PageContext.Provider>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'entry':
      return <EntryView id={route.id} />;
    case 'graph':
      return <GraphView params={route.params} />;
    case 'map':
      return <MapView tabId={route.tabId} params={route.params} />;
    case 'settings':
      return <SettingsView />;
    case 'mine':
      return <MineView params={route.params} />;
    case 'packs':
      return <PacksView />;
    default:
      return <BrowseView params={route.params} />;
  }
}
