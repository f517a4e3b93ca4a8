import { useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { PackOrigin } from '../packs/apply-packs';
import { jurisdictionProfile } from '../glossary/profile';
import type { SearchHit, SearchIndex } from '../glossary/search';
import { KINDS, type Entry, type Kind, type Lang } from '../glossary/types';
import { sendToTab } from '../messaging/send';
import { readerIsDark, readerLanguage } from '../reader/preferences';
import type { ManagedSettings } from '../settings/managed-settings';
import {
  isSiteDisabled,
  normalizeHostname,
  updateSettings,
  type Settings,
} from '../settings/settings';
import { Card, shortName } from '../ui/Card';
import { kindLabel, kindPlural, pick } from '../i18n/format';
import { t } from '../i18n/ui-strings';
import { ProfileBar } from '../ui/ProfileBar';
import { usePopupData, type PageState } from './use-popup-data';
import { ownValue } from '../glossary/own';

export interface PopupProps {
  index: GlossaryIndex;
  search: SearchIndex;
  /** The reader's notes, by entry id. */
  notes: Record<string, string>;
  /** Ids of the reader's own entries. */
  userIds: ReadonlySet<string>;
  /** The pack each pack entry comes from. */
  origins: ReadonlyMap<string, PackOrigin>;
}

const glossaryUrl = (hash = '') => browser.runtime.getURL(`/glossary.html${hash}`);

/** The toolbar popup: this page's actors, glossary search, site controls. */
export function Popup({ index, search, notes, userIds, origins }: PopupProps) {
  const { settings, managed, tabId, page } = usePopupData();
  const lang = readerLanguage(settings, browser.i18n.getUILanguage());
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [stack, setStack] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const hits = useMemo(() => (query.trim() ? search.search(query, 30) : []), [query, search]);
  const openCard = (id: string) => setStack((s) => [...s, id]);
  const current = stack.length > 0 ? index.byId.get(stack[stack.length - 1]!) : undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (stack.length > 0) setStack((s) => s.slice(0, -1));
      else if (query) setQuery('');
      else return; // let the browser close the popup
      event.preventDefault();
      input.current?.focus();
    } else if (
      !current &&
      hits.length > 0 &&
      (event.key === 'ArrowDown' || event.key === 'ArrowUp')
    ) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (!current && event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      openCard(hits[active].entry.id);
    }
  };

  return (
    <div
      class={`sl-root popup${readerIsDark(settings, () => matchMedia('(prefers-color-scheme: dark)').matches) ? ' sl-dark' : ''}`}
      lang={lang}
      onKeyDown={onKeyDown}
    >
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Sovereignty Lens</h1>
      </header>
      <div class="popup__search" role="search">
        <input
          ref={input}
          type="search"
          autoFocus
          value={query}
          placeholder={t(lang, 'searchPlaceholder')}
          aria-label={t(lang, 'searchLabel')}
          aria-controls="popup-results"
          aria-activedescendant={hits[active] ? `hit-${hits[active].entry.id}` : undefined}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
            setStack([]);
          }}
        />
      </div>
      <main class="popup__body">
        {current ? (
          <Card
            entry={current}
            index={index}
            lang={lang}
            onOpenEntry={openCard}
            note={ownValue(notes, current.id)}
            userEntry={userIds.has(current.id)}
            origin={origins.get(current.id)}
            onBack={() => setStack((s) => s.slice(0, -1))}
            entryHref={(id) => glossaryUrl(`#/entry/${id}`)}
          />
        ) : query.trim() ? (
          <Results
            hits={hits}
            userIds={userIds}
            active={active}
            lang={lang}
            query={query}
            onOpen={openCard}
          />
        ) : (
          <PageView
            page={page}
            settings={settings}
            index={index}
            lang={lang}
            onOpen={(id) => {
              if (tabId !== undefined) void sendToTab(tabId, { type: 'page/reveal', id });
              openCard(id);
            }}
            onStart={() => {
              if (tabId !== undefined) void sendToTab(tabId, { type: 'page/start' });
            }}
          />
        )}
      </main>
      <Controls page={page} settings={settings} managed={managed} lang={lang} tabId={tabId} />
    </div>
  );
}

function Results(props: {
  hits: SearchHit[];
  userIds: ReadonlySet<string>;
  active: number;
  lang: Lang;
  query: string;
  onOpen: (id: string) => void;
}) {
  const { hits, lang } = props;
  if (hits.length === 0)
    return <p class="popup__empty">{t(lang, 'noResults', { query: props.query.trim() })}</p>;
  return (
    <ul id="popup-results" class="popup__list" role="listbox" aria-label={t(lang, 'results')}>
      {hits.map((hit, i) => (
        <li
          key={hit.entry.id}
          id={`hit-${hit.entry.id}`}
          role="option"
          aria-selected={i === props.active}
          class={`popup__item${i === props.active ? ' popup__item--active' : ''}`}
          data-entry={hit.entry.id}
          onClick={() => props.onOpen(hit.entry.id)}
        >
          <EntryRow entry={hit.entry} lang={lang} user={props.userIds.has(hit.entry.id)} />
        </li>
      ))}
    </ul>
  );
}

function EntryRow({
  entry,
  lang,
  count,
  user = false,
}: {
  entry: Entry;
  lang: Lang;
  count?: number;
  user?: boolean;
}) {
  return (
    <>
      <span class="popup__name">
        {shortName(pick(entry.name, lang))}
        {user && <span class="sl-badge sl-badge--user">{t(lang, 'yourEntry')}</span>}
      </span>
      <span class="popup__meta">
        {count === undefined ? <span class="sl-kind">{kindLabel(entry.kind, lang)}</span> : null}
        {entry.jurisdiction.map((code) => (
          <abbr key={code} class="sl-jurisdiction">
            {code}
          </abbr>
        ))}
        {count !== undefined && (
          <span
            class="popup__count"
            title={count === 1 ? t(lang, 'mention') : t(lang, 'mentions', { count: String(count) })}
          >
            {count}
          </span>
        )}
      </span>
    </>
  );
}

function PageView(props: {
  page: PageState;
  settings: Settings | undefined;
  index: GlossaryIndex;
  lang: Lang;
  onOpen: (id: string) => void;
  /** Starts the extension on a page it judged not to be an article. */
  onStart: () => void;
}) {
  const { page, index, lang } = props;
  if (page.status === 'loading') return <p class="popup__empty">{t(lang, 'loading')}</p>;
  if (page.status === 'unavailable' || page.summary.reason === 'unsupported') {
    return (
      <p class="popup__notice" data-state="unavailable">
        {t(lang, 'cannotRun')}
      </p>
    );
  }
  const { summary } = page;
  if (summary.reason === 'paused')
    return (
      <p class="popup__notice" data-state="paused">
        {t(lang, 'pausedEverywhere')}
      </p>
    );
  if (summary.reason === 'not-article')
    return (
      <div class="popup__notice" data-state="not-article">
        <p class="popup__notice-text">{t(lang, 'notArticle')}</p>
        <button type="button" class="popup__start" onClick={props.onStart}>
          {t(lang, 'markThisPage')}
        </button>
      </div>
    );
  if (summary.reason === 'site-disabled')
    return (
      <p class="popup__notice" data-state="site-disabled">
        {t(lang, 'pausedHere')}
      </p>
    );
  const found = summary.entities
    .map(({ id, count }) => ({ entry: index.byId.get(id), count }))
    .filter((x): x is { entry: Entry; count: number } => !!x.entry);
  if (found.length === 0) return <p class="popup__empty">{t(lang, 'nothingFound')}</p>;
  const profile = jurisdictionProfile(
    found.map((f) => f.entry.id),
    index,
  );
  const byKind = new Map<Kind, { entry: Entry; count: number }[]>();
  for (const item of found) {
    const list = byKind.get(item.entry.kind) ?? [];
    list.push(item);
    byKind.set(item.entry.kind, list);
  }
  const groups = KINDS.filter((k) => byKind.has(k))
    .map((kind) => ({
      kind,
      items: byKind
        .get(kind)!
        .sort((a, b) => b.count - a.count || a.entry.id.localeCompare(b.entry.id)),
    }))
    .sort((a, b) => b.items[0]!.count - a.items[0]!.count);
  return (
    <section aria-label={t(lang, 'onThisPage')}>
      <ProfileBar profile={profile} lang={lang} />
      {groups.map((group) => (
        <div key={group.kind} class="popup__group">
          <h2>{kindPlural(group.kind, lang)}</h2>
          <ul class="popup__list">
            {group.items.map(({ entry, count }) => (
              <li key={entry.id} class="popup__item" data-entry={entry.id} data-count={count}>
                <button
                  type="button"
                  class="popup__row"
                  onClick={() => props.onOpen(entry.id)}
                  title={t(lang, 'showInPage')}
                >
                  <EntryRow entry={entry} lang={lang} count={count} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Controls(props: {
  page: PageState;
  settings: Settings | undefined;
  /** What the organisation set: those controls are disabled. */
  managed: ManagedSettings;
  lang: Lang;
  tabId: number | undefined;
}) {
  const { page, settings, managed, lang } = props;
  const host =
    page.status === 'ready' && /^https?:/.test(page.summary.url)
      ? normalizeHostname(new URL(page.summary.url).hostname)
      : undefined;
  const siteOff = !!(host && settings && isSiteDisabled(host, settings.disabledSites));
  const siteLocked = !!(host && isSiteDisabled(host, managed.disabledSites));
  return (
    <footer class="popup__controls">
      {host && (
        <label class="popup__toggle">
          <input
            type="checkbox"
            name="site-disabled"
            checked={siteOff}
            disabled={siteLocked}
            onChange={() =>
              void updateSettings((s) => ({
                ...s,
                disabledSites: siteOff
                  ? s.disabledSites.filter((site) => !isSiteDisabled(host, [site]))
                  : [...s.disabledSites, host],
              }))
            }
          />
          {t(lang, 'disableSite', { site: host })}
          {siteLocked && <Locked lang={lang} />}
        </label>
      )}
      <label class="popup__toggle">
        <input
          type="checkbox"
          name="paused"
          checked={settings?.paused ?? false}
          disabled={'paused' in managed.locked}
          onChange={() => void updateSettings((s) => ({ ...s, paused: !s.paused }))}
        />
        {t(lang, 'pauseAll')}
        {'paused' in managed.locked && <Locked lang={lang} />}
      </label>
      {page.status === 'ready' && props.tabId !== undefined && page.summary.entities.length > 0 && (
        <a
          class="popup__link"
          data-action="article-map"
          href={glossaryUrl(`#/map?tab=${props.tabId}`)}
          target="_blank"
          rel="noopener"
        >
          {t(lang, 'articleMap')}
        </a>
      )}
      <a class="popup__link" href={glossaryUrl()} target="_blank" rel="noopener">
        {t(lang, 'openGlossary')}
      </a>
    </footer>
  );
}

/** After a switch the organisation locked. */
function Locked({ lang }: { lang: Lang }) {
  return <span class="popup__locked"> ({t(lang, 'setByOrganisation')})</span>;
}
