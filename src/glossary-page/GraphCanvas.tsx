import { RELATIONS } from '../glossary/relations';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, RelationType } from '../glossary/types';
import type { Highlight } from '../graph/graph-model';
import { NODE_RADIUS, type GraphLayout, type PlacedNode } from '../graph/layout';
import { shortName } from '../ui/Card';
import { jurisdictionColor } from '../ui/colors';
import { jurisdictionName, kindLabel, pick, relationLabel } from '../i18n/format';
import { kindDashed, kindPath } from './graph-shapes';
import { s } from '../i18n/page-strings';

export interface GraphCanvasProps {
  layout: GraphLayout;
  lang: Lang;
  dark: boolean;
  highlight?: Highlight;
  /** The label of a cluster of a grouped layout. */
  groupLabel?: (key: string) => string;
  onOpen(id: string): void;
  /** Receives the SVG element, for the exports. */
  svgRef: { current: SVGSVGElement | null };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Colours as attributes (not CSS) so an exported SVG looks the same anywhere. */
function palette(dark: boolean) {
  return dark
    ? { bg: '#1b1f27', fg: '#e7eaf0', edge: '#6b7385', accent: '#ffd43b', ring: '#ffffff' }
    : { bg: '#ffffff', fg: '#1d2330', edge: '#9aa3b2', accent: '#e8590c', ring: '#1d2330' };
}

const DASHES = { solid: undefined, dashed: '6 4', dotted: '2 4' } as const;

function dash(type: RelationType): string | undefined {
  return DASHES[RELATIONS[type].graphLine];
}

/** The graph as SVG: typed edges with arrows, shaped and coloured nodes, pan and zoom. */
export function GraphCanvas({
  layout,
  lang,
  dark,
  highlight,
  groupLabel = (key) => key,
  onOpen,
  svgRef,
}: GraphCanvasProps) {
  const fit: Box = {
    x: layout.viewBox.x,
    y: layout.viewBox.y,
    w: layout.viewBox.width,
    h: layout.viewBox.height,
  };
  const [view, setView] = useState<Box>(fit);
  const drag = useRef<{ x: number; y: number; view: Box } | undefined>(undefined);
  useEffect(() => setView(fit), [layout]);

  const colors = palette(dark);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const lit = (id: string) => !highlight || highlight.nodes.has(id);
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) =>
    setView((v) => ({
      x: cx - (cx - v.x) * factor,
      y: cy - (cy - v.y) * factor,
      w: v.w * factor,
      h: v.h * factor,
    }));

  const toUser = (svg: SVGSVGElement, clientX: number, clientY: number) => {
    const rect = svg.getBoundingClientRect();
    const scale = Math.max(view.w / rect.width, view.h / rect.height);
    // preserveAspectRatio xMidYMid meet: the view is centred in the element.
    const offsetX = (rect.width * scale - view.w) / 2;
    const offsetY = (rect.height * scale - view.h) / 2;
    return {
      x: view.x - offsetX + (clientX - rect.left) * scale,
      y: view.y - offsetY + (clientY - rect.top) * scale,
      scale,
    };
  };

  return (
    <div class="gp-graph__frame">
      <div class="gp-graph__zoom" role="group">
        <button
          type="button"
          class="gp-icon-button"
          onClick={() => zoom(0.8)}
          title={s(lang, 'zoomIn')}
          aria-label={s(lang, 'zoomIn')}
        >
          +
        </button>
        <button
          type="button"
          class="gp-icon-button"
          onClick={() => zoom(1.25)}
          title={s(lang, 'zoomOut')}
          aria-label={s(lang, 'zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          class="gp-icon-button gp-icon-button--text"
          onClick={() => setView(fit)}
        >
          {s(lang, 'zoomReset')}
        </button>
      </div>
      <svg
        ref={svgRef}
        class="gp-graph__svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="group"
        aria-label={s(lang, 'graphLabel', {
          count: String(layout.nodes.length),
          edges: String(layout.edges.length),
        })}
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
        onWheel={(e) => {
          e.preventDefault();
          const point = toUser(e.currentTarget, e.clientX, e.clientY);
          zoom(e.deltaY > 0 ? 1.12 : 1 / 1.12, point.x, point.y);
        }}
        onPointerDown={(e) => {
          if ((e.target as Element).closest('[data-node]')) return;
          drag.current = { x: e.clientX, y: e.clientY, view };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const start = drag.current;
          if (!start) return;
          const { scale } = toUser(e.currentTarget, e.clientX, e.clientY);
          setView({
            ...start.view,
            x: start.view.x - (e.clientX - start.x) * scale,
            y: start.view.y - (e.clientY - start.y) * scale,
          });
        }}
        onPointerUp={() => (drag.current = undefined)}
        onPointerCancel={() => (drag.current = undefined)}
      >
        <defs>
          <marker
            id="gp-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" fill={colors.edge} />
          </marker>
          <marker
            id="gp-arrow-lit"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" fill={colors.accent} />
          </marker>
        </defs>
        <rect x={view.x} y={view.y} width={view.w} height={view.h} fill={colors.bg} />
        {layout.groups && (
          <g class="gp-graph__groups">
            {layout.groups.map((group) => (
              <text
                key={group.key}
                data-group={group.key}
                x={group.x}
                y={group.y}
                text-anchor="middle"
                font-size="20"
                font-weight="700"
                fill={colors.fg}
                opacity="0.8"
              >
                {`${groupLabel(group.key)} (${group.count})`}
              </text>
            ))}
          </g>
        )}
        <g class="gp-graph__edges">
          {layout.edges.map((edge) => {
            const a = byId.get(edge.source);
            const b = byId.get(edge.target);
            if (!a || !b) return null;
            const on = highlight?.edges.has(edge.id) ?? false;
            const faded = highlight && !on;
            // In a grouped overview, edges are context: faint, so the clusters stay legible.
            const rest = layout.groups ? 0.22 : 0.7;
            const [x1, y1, x2, y2] = trim(a, b);
            return (
              <line
                key={edge.id}
                data-edge={edge.id}
                data-type={edge.type}
                data-highlighted={on ? 'true' : undefined}
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                stroke={on ? colors.accent : colors.edge}
                stroke-width={on ? 2.6 : 1.1}
                stroke-dasharray={dash(edge.type)}
                opacity={faded ? 0.12 : on ? 1 : rest}
                marker-end={`url(#${on ? 'gp-arrow-lit' : 'gp-arrow'})`}
              >
                <title>
                  {`${shortName(pick(a.name, lang))} ${relationLabel(edge.type, lang)} ${shortName(pick(b.name, lang))}`}
                </title>
              </line>
            );
          })}
        </g>
        <g class="gp-graph__nodes">
          {layout.nodes.map((node) => (
            <Node
              key={node.id}
              node={node}
              lang={lang}
              colors={colors}
              lit={lit(node.id)}
              root={highlight?.root === node.id}
              highlighted={!!highlight && highlight.nodes.has(node.id)}
              onOpen={onOpen}
            />
          ))}
        </g>
      </svg>
    </div>
  );
}

/** The segment between two nodes, stopped short of their shapes. */
function trim(a: PlacedNode, b: PlacedNode): [number, number, number, number] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const start = NODE_RADIUS + 1;
  const end = NODE_RADIUS + 4;
  return [a.x + ux * start, a.y + uy * start, b.x - ux * end, b.y - uy * end];
}

function Node({
  node,
  lang,
  colors,
  lit,
  root,
  highlighted,
  onOpen,
}: {
  node: PlacedNode;
  lang: Lang;
  colors: ReturnType<typeof palette>;
  lit: boolean;
  root: boolean;
  highlighted: boolean;
  onOpen(id: string): void;
}) {
  const name = shortName(pick(node.name, lang));
  const codes = node.jurisdiction;
  const label = `${name} — ${kindLabel(node.kind, lang)}, ${codes.map((c) => jurisdictionName(c, lang)).join(', ')}`;
  return (
    <g
      class="gp-node"
      data-node={node.id}
      data-kind={node.kind}
      data-highlighted={highlighted ? 'true' : undefined}
      transform={`translate(${node.x},${node.y})`}
      opacity={lit ? 1 : 0.18}
      role="link"
      tabIndex={0}
      aria-label={label}
      onClick={() => onOpen(node.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(node.id);
        }
      }}
    >
      <title>{label}</title>
      {root && (
        <path
          d={kindPath(node.kind, NODE_RADIUS + 6)}
          fill="none"
          stroke={colors.accent}
          stroke-width="3"
        />
      )}
      <path
        d={kindPath(node.kind, NODE_RADIUS)}
        fill={jurisdictionColor(codes[0] ?? '')}
        stroke={highlighted ? colors.accent : colors.ring}
        stroke-width={highlighted ? 2.5 : 1.2}
        stroke-dasharray={kindDashed(node.kind) ? '3 2' : undefined}
      />
      {codes[1] && (
        <circle
          cx={NODE_RADIUS * 0.75}
          cy={-NODE_RADIUS * 0.75}
          r="5"
          fill={jurisdictionColor(codes[1])}
          stroke={colors.ring}
          stroke-width="1"
        />
      )}
      <text
        y={NODE_RADIUS + 13}
        text-anchor="middle"
        font-size="11"
        font-weight={highlighted || root ? '700' : '500'}
        fill={colors.fg}
        stroke={colors.bg}
        stroke-width="3"
        paint-order="stroke"
      >
        {name.length > 22 ? `${name.slice(0, 21)}…` : name}
      </text>
    </g>
  );
}
