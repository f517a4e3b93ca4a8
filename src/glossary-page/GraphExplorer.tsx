import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { KINDS, RELATION_TYPES, type Kind, type RelationType } from '../glossary/types';
import {
  buildGraph,
  chainHighlight,
  dependentsHighlight,
  filterGraph,
  type Graph,
  type Highlight,
} from '../graph/graph-model';
import { downloadBlob, serializeSvg, svgToPng } from '../graph/export-image';
import { layoutGraph } from '../graph/layout';
import { shortName } from '../ui/Card';
import { jurisdictionColor } from '../ui/colors';
import { jurisdictionName, kindLabel, pick, relationLabel } from '../i18n/format';
import { GraphCanvas } from './GraphCanvas';
import { KindSwatch } from './graph-shapes';
import { usePage } from './page-context';
import { entryHash, hashWith } from './route';
import { s } from '../i18n/page-strings';
import { navigate } from './use-route';

export interface GraphExplorerProps {
  title: string;
  intro: ComponentChildren;
  /** The route's path ("/graph", "/map"), for links that keep the other parameters. */
  path: string;
  params: URLSearchParams;
  /** Restrict the graph to these ids (the entities of a page). */
  only?: ReadonlySet<string>;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** The graph with its filters, chain highlighting and exports. */
export function GraphExplorer({ title, intro, path, params, only }: GraphExplorerProps) {
  const { lang, dark, glossary, index } = usePage();
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [types, setTypes] = useState<RelationType[]>([]);
  const svgRef = useRef<SVGSVGElement | null>(null);

  const full = useMemo(() => buildGraph(glossary), [glossary]);
  const scope = useMemo(() => filterGraph(full, { only }), [full, only]);
  const shown = useMemo(
    () => filterGraph(scope, { kinds, jurisdictions: codes, relationTypes: types }),
    [scope, kinds, codes, types],
  );
  const chainId = params.get('chain') ?? '';
  const dependentsId = params.get('dependents') ?? '';
  const focusId = chainId || dependentsId;
  const highlight = useMemo<Highlight | undefined>(() => {
    if (chainId && index.byId.has(chainId)) return chainHighlight(index, chainId);
    if (dependentsId && index.byId.has(dependentsId))
      return dependentsHighlight(index, dependentsId);
    return undefined;
  }, [chainId, dependentsId, index]);
  // The default views stay readable at any size: clusters by kind, or, around an entry,
  // only its highlighted chain and its direct neighbours. `view=all` draws everything.
  const whole = params.get('view') === 'all';
  const drawn = useMemo(
    () => (highlight && !whole ? neighbourhood(shown, highlight) : shown),
    [shown, highlight, whole],
  );
  const grouped = !highlight && !whole;
  const layout = useMemo(() => {
    const start = performance.now();
    const placed = grouped
      ? layoutGraph(drawn, { groupBy: (n) => n.kind, order: KINDS })
      : layoutGraph(drawn);
    // Read by the benchmark (npm run bench): the layout's own time on this page.
    performance.measure('sl-graph-layout', { start, end: performance.now() });
    return placed;
  }, [drawn, grouped]);
  const [selected, setSelected] = useState(focusId);
  const choice = selected || focusId;

  const presentKinds = KINDS.filter((k) => scope.nodes.some((n) => n.kind === k));
  const presentCodes = [...new Set(scope.nodes.flatMap((n) => n.jurisdiction))].sort();
  const presentTypes = RELATION_TYPES.filter((t) => scope.edges.some((e) => e.type === t));
  const options = [...scope.nodes].sort((a, b) =>
    pick(a.name, lang).localeCompare(pick(b.name, lang), lang),
  );
  const base: Record<string, string | undefined> = Object.fromEntries(params.entries());
  const go = (mode: 'chain' | 'dependents' | undefined) =>
    navigate(
      hashWith(path, {
        ...base,
        chain: mode === 'chain' ? choice : undefined,
        dependents: mode === 'dependents' ? choice : undefined,
      }),
    );

  const exportSvg = () => {
    if (!svgRef.current) return;
    downloadBlob(
      new Blob([serializeSvg(svgRef.current)], { type: 'image/svg+xml' }),
      'sovereignty-lens-graph.svg',
    );
  };
  const exportPng = async () => {
    const svg = svgRef.current;
    if (!svg) return;
    const box = svg.viewBox.baseVal;
    downloadBlob(
      await svgToPng(serializeSvg(svg), box.width, box.height, 2),
      'sovereignty-lens-graph.png',
    );
  };

  return (
    <section class="gp-graph" aria-labelledby="graph-title">
      <div class="gp-graph__head">
        <div>
          <h1 id="graph-title" class="gp-title" tabIndex={-1}>
            {title}
          </h1>
          <p class="gp-lead">{intro}</p>
        </div>
        <div class="gp-row">
          <button type="button" class="gp-button" data-export="svg" onClick={exportSvg}>
            {s(lang, 'exportSvg')}
          </button>
          <button
            type="button"
            class="gp-button"
            data-export="png"
            onClick={() => void exportPng()}
          >
            {s(lang, 'exportPng')}
          </button>
        </div>
      </div>
      <div class="gp-graph__layout">
        <aside class="gp-panel gp-graph__controls">
          <form
            class="gp-focus"
            onSubmit={(e) => {
              e.preventDefault();
              if (choice) go('chain');
            }}
          >
            <label class="gp-field">
              <span>{s(lang, 'focusEntry')}</span>
              <select
                id="graph-focus"
                class="gp-input"
                value={choice}
                onChange={(e) => setSelected((e.target as HTMLSelectElement).value)}
              >
                <option value="">{s(lang, 'choose')}</option>
                {options.map((n) => (
                  <option key={n.id} value={n.id}>
                    {shortName(pick(n.name, lang))}
                  </option>
                ))}
              </select>
            </label>
            <div class="gp-row">
              <button
                type="submit"
                class="gp-button gp-button--primary"
                data-action="chain"
                disabled={!choice}
              >
                {s(lang, 'chainOf')}
              </button>
              <button
                type="button"
                class="gp-button"
                data-action="dependents"
                disabled={!choice}
                onClick={() => go('dependents')}
              >
                {s(lang, 'dependentsOf')}
              </button>
              {highlight && (
                <button
                  type="button"
                  class="gp-button gp-button--quiet"
                  data-action="clear"
                  onClick={() => {
                    setSelected('');
                    go(undefined);
                  }}
                >
                  {s(lang, 'clearHighlight')}
                </button>
              )}
            </div>
            {highlight && (
              <p class="gp-status" role="status">
                {s(lang, 'highlightSummary', { count: String(highlight.nodes.size) })}
              </p>
            )}
          </form>
          <FilterGroup legend={s(lang, 'graphView')}>
            {(['', 'all'] as const).map((value) => (
              <label key={value} class="gp-check">
                <input
                  type="radio"
                  name="graph-view"
                  value={value || (highlight ? 'neighbourhood' : 'kinds')}
                  checked={whole === (value === 'all')}
                  onChange={() => navigate(hashWith(path, { ...base, view: value || undefined }))}
                />
                {value === 'all'
                  ? s(lang, 'graphViewAll')
                  : s(lang, highlight ? 'graphViewNeighbourhood' : 'graphViewKinds')}
              </label>
            ))}
          </FilterGroup>
          <FilterGroup legend={s(lang, 'filterKind')}>
            {presentKinds.map((kind) => (
              <label key={kind} class="gp-check">
                <input
                  type="checkbox"
                  name="graph-kind"
                  value={kind}
                  checked={kinds.includes(kind)}
                  onChange={() => setKinds((k) => toggle(k, kind))}
                />
                <KindSwatch kind={kind} color="transparent" />
                {kindLabel(kind, lang)}
              </label>
            ))}
          </FilterGroup>
          <FilterGroup legend={s(lang, 'filterJurisdiction')}>
            {presentCodes.map((code) => (
              <label key={code} class="gp-check" title={jurisdictionName(code, lang)}>
                <input
                  type="checkbox"
                  name="graph-jurisdiction"
                  value={code}
                  checked={codes.includes(code)}
                  onChange={() => setCodes((c) => toggle(c, code))}
                />
                <span
                  class="gp-swatch"
                  style={{ background: jurisdictionColor(code) }}
                  aria-hidden="true"
                />
                {code}
              </label>
            ))}
          </FilterGroup>
          <FilterGroup legend={s(lang, 'filterRelation')}>
            {presentTypes.map((type) => (
              <label key={type} class="gp-check">
                <input
                  type="checkbox"
                  name="graph-relation"
                  value={type}
                  checked={types.includes(type)}
                  onChange={() => setTypes((t) => toggle(t, type))}
                />
                {relationLabel(type, lang)}
              </label>
            ))}
          </FilterGroup>
          {(kinds.length > 0 || codes.length > 0 || types.length > 0) && (
            <button
              type="button"
              class="gp-button gp-button--quiet"
              onClick={() => {
                setKinds([]);
                setCodes([]);
                setTypes([]);
              }}
            >
              {s(lang, 'clearFilters')}
            </button>
          )}
        </aside>
        <div class="gp-panel gp-graph__panel">
          {layout.nodes.length === 0 ? (
            <p class="gp-empty">{s(lang, 'emptyGraph')}</p>
          ) : (
            <GraphCanvas
              layout={layout}
              groupLabel={(kind) => kindLabel(kind as Kind, lang)}
              lang={lang}
              dark={dark}
              highlight={highlight}
              svgRef={svgRef}
              onOpen={(id) => navigate(entryHash(id))}
            />
          )}
          <Legend
            codes={[...new Set(layout.nodes.flatMap((n) => n.jurisdiction))].sort()}
            kinds={presentKinds}
          />
        </div>
      </div>
    </section>
  );
}

/** The highlighted entries and every direct neighbour of the highlight's root. */
function neighbourhood(graph: Graph, highlight: Highlight): Graph {
  const keep = new Set(highlight.nodes);
  for (const { source, target } of graph.edges) {
    if (source === highlight.root) keep.add(target);
    if (target === highlight.root) keep.add(source);
  }
  return filterGraph(graph, { only: keep });
}

function FilterGroup({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="gp-filter">
      <legend>{legend}</legend>
      <div class="gp-filter__options">{children}</div>
    </fieldset>
  );
}

function Legend({ codes, kinds }: { codes: string[]; kinds: Kind[] }) {
  const { lang } = usePage();
  return (
    <details class="gp-legend" open>
      <summary>{s(lang, 'legend')}</summary>
      <p class="gp-legend__row">
        <strong>{s(lang, 'legendJurisdictions')}</strong>
        {codes.map((code) => (
          <span key={code} class="gp-legend__item">
            <span
              class="gp-swatch"
              style={{ background: jurisdictionColor(code) }}
              aria-hidden="true"
            />
            {jurisdictionName(code, lang)}
          </span>
        ))}
      </p>
      <p class="gp-legend__row">
        <strong>{s(lang, 'legendKinds')}</strong>
        {kinds.map((kind) => (
          <span key={kind} class="gp-legend__item">
            <KindSwatch kind={kind} color="transparent" />
            {kindLabel(kind, lang)}
          </span>
        ))}
      </p>
      <p class="gp-legend__row">{s(lang, 'legendEdges')}</p>
    </details>
  );
}
