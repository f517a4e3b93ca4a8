import { useMemo, useState } from 'preact/hooks';
import { KINDS, type Entry, type Kind } from '../glossary/types';
import { shortName } from '../ui/Card';
import { jurisdictionColor } from '../ui/colors';
import { jurisdictionName, kindLabel, kindPlural, pick } from '../i18n/format';
import { t } from '../i18n/ui-strings';
import { usePage } from './page-context';
import { entryHash } from './route';
import { s } from '../i18n/page-strings';

/** All entries, with the popup's search and filters by kind and jurisdiction. */
export function BrowseView({ params }: { params: URLSearchParams }) {
  const { lang, glossary, search, userIds, userData } = usePage();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [code, setCode] = useState('');
  const [showHidden, setShowHidden] = useState(false);
  const hidden = useMemo(() => new Set(userData.hidden), [userData.hidden]);

  const codes = useMemo(
    () => [...new Set(glossary.entries.flatMap((e) => e.jurisdiction))].sort(),
    [glossary],
  );
  const presentKinds = useMemo(
    () => KINDS.filter((k) => glossary.entries.some((e) => e.kind === k)),
    [glossary],
  );
  const entries = useMemo(() => {
    const base: Entry[] = query.trim()
      ? search.search(query, glossary.entries.length).map((hit) => hit.entry)
      : [...glossary.entries].sort((a, b) =>
          pick(a.name, lang).localeCompare(pick(b.name, lang), lang),
        );
    return base.filter(
      (e) =>
        (kinds.length === 0 || kinds.includes(e.kind)) &&
        (!code || e.jurisdiction.includes(code)) &&
        (showHidden || !hidden.has(e.id)),
    );
  }, [query, search, glossary, kinds, code, showHidden, hidden, lang]);

  const toggleKind = (kind: Kind) =>
    setKinds((current) =>
      current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind],
    );

  return (
    <section class="gp-browse" aria-labelledby="browse-title">
      <h1 id="browse-title" class="gp-title" tabIndex={-1}>
        {s(lang, 'glossaryTitle')}
      </h1>
      <div class="gp-toolbar" role="search">
        <input
          type="search"
          class="gp-input gp-search"
          value={query}
          placeholder={t(lang, 'searchPlaceholder')}
          aria-label={t(lang, 'searchLabel')}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <label class="gp-field gp-field--inline">
          <span>{s(lang, 'filterJurisdiction')}</span>
          <select
            class="gp-input"
            value={code}
            onChange={(e) => setCode((e.target as HTMLSelectElement).value)}
          >
            <option value="">{s(lang, 'allJurisdictions')}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c} · {jurisdictionName(c, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset class="gp-chips">
        <legend>{s(lang, 'filterKind')}</legend>
        {presentKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            class="gp-chip"
            data-kind={kind}
            aria-pressed={kinds.includes(kind) ? 'true' : 'false'}
            onClick={() => toggleKind(kind)}
          >
            {kindPlural(kind, lang)}
          </button>
        ))}
        {(kinds.length > 0 || code || query) && (
          <button
            type="button"
            class="gp-button gp-button--quiet"
            onClick={() => {
              setKinds([]);
              setCode('');
              setQuery('');
            }}
          >
            {s(lang, 'clearFilters')}
          </button>
        )}
      </fieldset>
      <p class="gp-count" aria-live="polite">
        {entries.length === 1
          ? s(lang, 'entriesCountOne')
          : s(lang, 'entriesCount', { count: String(entries.length) })}
        {hidden.size > 0 && (
          <label class="gp-check gp-check--inline">
            <input
              type="checkbox"
              checked={showHidden}
              onChange={(e) => setShowHidden((e.target as HTMLInputElement).checked)}
            />
            {s(lang, 'showHidden', { count: String(hidden.size) })}
          </label>
        )}
      </p>
      {entries.length === 0 ? (
        <p class="gp-empty">{s(lang, 'noEntries')}</p>
      ) : (
        <ul class="gp-grid">
          {entries.map((entry) => (
            <li key={entry.id} class="gp-tile" data-entry={entry.id}>
              <a class="gp-tile__link" href={entryHash(entry.id)}>
                <span
                  class="gp-tile__dot"
                  style={{ background: jurisdictionColor(entry.jurisdiction[0] ?? '') }}
                  aria-hidden="true"
                />
                <span class="gp-tile__name">{shortName(pick(entry.name, lang))}</span>
              </a>
              <p class="gp-tile__meta">
                <span class={`sl-kind sl-kind--${entry.kind}`}>{kindLabel(entry.kind, lang)}</span>
                {entry.jurisdiction.map((c) => (
                  <abbr key={c} class="sl-jurisdiction" title={jurisdictionName(c, lang)}>
                    {c}
                  </abbr>
                ))}
                {userIds.has(entry.id) && (
                  <span class="sl-badge sl-badge--user">{t(lang, 'yourEntry')}</span>
                )}
                {hidden.has(entry.id) && <span class="sl-badge">{s(lang, 'hiddenMark')}</span>}
              </p>
              <p class="gp-tile__summary">{pick(entry.summary, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
