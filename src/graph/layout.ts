/**
 * Positions for the graph's nodes, computed by d3-force (links, charge, collision and a
 * gentle pull to the centre), run to rest synchronously. d3-force seeds its positions and
 * its jiggle deterministically, so the same graph always gets the same picture.
 *
 * With `groupBy`, each group (e.g. each kind) gets its own region of a grid and its nodes
 * are pulled there, so a large glossary reads as labelled clusters instead of one tangle.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { Graph, GraphEdge, GraphNode } from './graph-model';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

/** A cluster of a grouped layout, with where to write its label (above its nodes). */
export interface PlacedGroup {
  key: string;
  count: number;
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Clusters the nodes by this key, in the order of first appearance in `order`. */
  groupBy?: (node: GraphNode) => string;
  /** The groups' order on the grid (keys not listed come after, in node order). */
  order?: readonly string[];
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: GraphEdge[];
  /** Present when the layout was grouped. */
  groups?: PlacedGroup[];
  /** The SVG viewBox that frames every node with a margin. */
  viewBox: { x: number; y: number; width: number; height: number };
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  /** The centre of the node's group; the origin when ungrouped. */
  ax: number;
  ay: number;
}

interface Anchor {
  key: string;
  count: number;
  x: number;
  y: number;
}

export const NODE_RADIUS = 14;
const TICKS = 300;

/** The radius a cluster of `count` nodes settles into, with room for labels. */
const clusterRadius = (count: number): number =>
  NODE_RADIUS * 4 * Math.sqrt(count) + NODE_RADIUS * 2;

/**
 * One anchor per group, packed in rows (shelves) about 4:3 wide, each group in a cell
 * of its own size; groups in `order`, then in order of appearance.
 */
function groupAnchors(keys: string[], order: readonly string[]): Map<string, Anchor> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ranked = [
    ...order.filter((k) => counts.has(k)),
    ...[...counts.keys()].filter((k) => !order.includes(k)),
  ];
  const gap = NODE_RADIUS * 4;
  const sizes = ranked.map((key) => 2 * clusterRadius(counts.get(key)!) + gap);
  const area = sizes.reduce((sum, d) => sum + d * d, 0);
  const width = Math.max(Math.max(...sizes), Math.sqrt(area * (4 / 3)));
  const anchors = new Map<string, Anchor>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  ranked.forEach((key, i) => {
    const size = sizes[i]!;
    if (x > 0 && x + size > width) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    anchors.set(key, { key, count: counts.get(key)!, x: x + size / 2, y: y + size / 2 });
    x += size;
    rowHeight = Math.max(rowHeight, size);
  });
  return anchors;
}

/** Lays out `graph`; pure apart from d3's own state, and deterministic. */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): GraphLayout {
  const { groupBy } = options;
  const keys = groupBy ? graph.nodes.map(groupBy) : [];
  const anchors = groupBy ? groupAnchors(keys, options.order ?? []) : undefined;
  const simNodes: SimNode[] = graph.nodes.map((n, i) => {
    const anchor = anchors?.get(keys[i]!);
    return { id: n.id, ax: anchor?.x ?? 0, ay: anchor?.y ?? 0 };
  });
  const group = new Map(graph.nodes.map((n, i) => [n.id, keys[i]]));
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({
    source: e.source,
    target: e.target,
  }));
  const sameGroup = (l: SimulationLinkDatum<SimNode>) =>
    group.get((l.source as SimNode).id) === group.get((l.target as SimNode).id);
  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(groupBy ? 70 : 90)
        // Grouped: links inside a cluster shape it; links across clusters barely pull.
        .strength((l) => (!groupBy ? 0.25 : sameGroup(l) ? 0.2 : 0.004)),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(groupBy ? -160 : -340)
        .distanceMax(groupBy ? 220 : 600),
    )
    .force('collide', forceCollide<SimNode>(NODE_RADIUS * 3.2))
    .force('x', forceX<SimNode>((d) => d.ax).strength(groupBy ? 0.3 : 0.06))
    .force('y', forceY<SimNode>((d) => d.ay).strength(groupBy ? 0.3 : 0.08))
    .stop();
  simulation.tick(TICKS);
  const byId = new Map(simNodes.map((n) => [n.id, n]));
  const nodes = graph.nodes.map((n) => {
    const sim = byId.get(n.id);
    return { ...n, x: Math.round(sim?.x ?? 0), y: Math.round(sim?.y ?? 0) };
  });
  const margin = NODE_RADIUS * 6;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = nodes.length ? Math.min(...xs) - margin : -200;
  const minY = nodes.length ? Math.min(...ys) - margin : -150;
  const maxX = nodes.length ? Math.max(...xs) + margin : 200;
  const maxY = nodes.length ? Math.max(...ys) + margin : 150;
  const groups = anchors && placeGroups(anchors, nodes, keys);
  const top = groups ? Math.min(minY, ...groups.map((g) => g.y - margin / 2)) : minY;
  return {
    nodes,
    edges: graph.edges,
    ...(groups && { groups }),
    viewBox: { x: minX, y: top, width: maxX - minX, height: maxY - top },
  };
}

/** Each group's label goes centred above its highest node. */
function placeGroups(
  anchors: Map<string, Anchor>,
  nodes: PlacedNode[],
  keys: string[],
): PlacedGroup[] {
  return [...anchors.values()].map(({ key, count }) => {
    const members = nodes.filter((_, i) => keys[i] === key);
    const xs = members.map((n) => n.x);
    return {
      key,
      count,
      x: Math.round((Math.min(...xs) + Math.max(...xs)) / 2),
      y: Math.min(...members.map((n) => n.y)) - NODE_RADIUS * 2.5,
    };
  });
}
