/**
 * Positions for the graph's nodes, computed by d3-force (links, charge, collision and a
 * gentle pull to the centre), run to rest synchronously. d3-force seeds its positions and
 * its jiggle deterministically, so the same graph always gets the same picture.
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

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: GraphEdge[];
  /** The SVG viewBox that frames every node with a margin. */
  viewBox: { x: number; y: number; width: number; height: number };
}

interface SimNode extends SimulationNodeDatum {
  id: string;
}

export const NODE_RADIUS = 14;
const TICKS = 300;

/** Lays out `graph`; pure apart from d3's own state, and deterministic. */
export function layoutGraph(graph: Graph): GraphLayout {
  const simNodes: SimNode[] = graph.nodes.map((n) => ({ id: n.id }));
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({
    source: e.source,
    target: e.target,
  }));
  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(90)
        .strength(0.25),
    )
    .force('charge', forceManyBody<SimNode>().strength(-340).distanceMax(600))
    .force('collide', forceCollide<SimNode>(NODE_RADIUS * 3.2))
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.08))
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
  return {
    nodes,
    edges: graph.edges,
    viewBox: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
  };
}
