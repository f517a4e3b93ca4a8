import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { KINDS, type Entry, type Glossary } from '../../../src/glossary/types';
import {
  buildGraph,
  chainHighlight,
  dependentsHighlight,
  edgeId,
  filterGraph,
} from '../../../src/graph/graph-model';
import { layoutGraph } from '../../../src/graph/layout';

const entry = (
  id: string,
  relations: Entry['relations'] = [],
  kind: Entry['kind'] = 'company',
  jurisdiction = ['US'],
): Entry => ({
  id,
  kind,
  name: { en: id, fr: id },
  summary: { en: id, fr: id },
  dependency: { en: id, fr: id },
  sovereignty: { en: id, fr: id },
  jurisdiction,
  aliases: [{ text: id }],
  facts: [],
  relations,
  reviewed: '2026-01-01',
});

// chip -> designer -> owner; chip -> foundry -> litho; stack runsOn chip and other-chip;
// chip dependsOn stack (runsOn is followed from the root only); rival competesWith chip.
const small: Glossary = {
  version: 1,
  entries: [
    entry(
      'chip',
      [
        { type: 'designedBy', target: 'designer' },
        { type: 'manufacturedBy', target: 'foundry' },
        { type: 'dependsOn', target: 'stack' },
      ],
      'chip',
    ),
    entry('designer', [{ type: 'ownedBy', target: 'owner' }]),
    entry('owner'),
    entry('foundry', [{ type: 'dependsOn', target: 'litho' }], 'company', ['TW']),
    entry('litho', [], 'company', ['NL']),
    entry(
      'stack',
      [
        { type: 'runsOn', target: 'chip' },
        { type: 'runsOn', target: 'other-chip' },
      ],
      'software',
    ),
    entry('other-chip', [{ type: 'manufacturedBy', target: 'foundry' }], 'chip'),
    entry('rival', [{ type: 'competesWith', target: 'chip' }], 'chip', ['CN']),
  ],
};

describe('graph model', () => {
  it('has one node per entry and one edge per relation', () => {
    const graph = buildGraph(bundledGlossary());
    expect(graph.nodes).toHaveLength(bundledGlossary().entries.length);
    const relations = bundledGlossary().entries.reduce((n, e) => n + e.relations.length, 0);
    expect(graph.edges).toHaveLength(relations);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('highlights every path of the chain of Trainium 2 down to the lithography', () => {
    const h = chainHighlight(bundledGlossary(), 'trainium-2');
    expect([...h.nodes]).toEqual(
      expect.arrayContaining(['trainium-2', 'annapurna-labs', 'tsmc', 'asml', 'hbm']),
    );
    expect(h.edges).toContain(edgeId('trainium-2', 'designedBy', 'annapurna-labs'));
    expect(h.edges).toContain(edgeId('trainium-2', 'manufacturedBy', 'tsmc'));
    expect(h.edges).toContain(edgeId('tsmc', 'dependsOn', 'asml'));
    // Customers and rivals are not dependencies.
    expect(h.nodes.has('anthropic')).toBe(false);
    expect(h.nodes.has('nvidia')).toBe(false);
  });

  it('follows dependency edges only, and runsOn from the root only', () => {
    const h = chainHighlight(small, 'chip');
    expect([...h.nodes].sort()).toEqual(['chip', 'designer', 'foundry', 'litho', 'owner', 'stack']);
    expect(h.edges).not.toContain(edgeId('stack', 'runsOn', 'other-chip'));
    expect(h.edges).toContain(edgeId('foundry', 'dependsOn', 'litho'));
    expect(h.nodes.has('rival')).toBe(false);
  });

  it('highlights who depends on an entry, the reverse way', () => {
    const h = dependentsHighlight(small, 'litho');
    // The stack runs on the chip, so it rests on the chip's foundry and lithography too.
    expect([...h.nodes].sort()).toEqual(['chip', 'foundry', 'litho', 'other-chip', 'stack']);
    expect(h.edges).toContain(edgeId('foundry', 'dependsOn', 'litho'));
    expect(h.edges).toContain(edgeId('other-chip', 'manufacturedBy', 'foundry'));
    expect(h.edges).not.toContain(edgeId('chip', 'designedBy', 'designer'));
    const asml = dependentsHighlight(bundledGlossary(), 'asml');
    expect([...asml.nodes]).toEqual(expect.arrayContaining(['tsmc', 'trainium-2']));
  });

  it('highlights nothing for an unknown id', () => {
    expect(chainHighlight(small, 'nope').nodes.size).toBe(0);
    expect(dependentsHighlight(small, 'nope').nodes.size).toBe(0);
  });

  it('filters by kind, jurisdiction, relation type and a set of ids', () => {
    const graph = buildGraph(small);
    expect(filterGraph(graph, { kinds: ['chip'] }).nodes.map((n) => n.id)).toEqual([
      'chip',
      'other-chip',
      'rival',
    ]);
    const tw = filterGraph(graph, { jurisdictions: ['TW', 'NL'] });
    expect(tw.nodes.map((n) => n.id)).toEqual(['foundry', 'litho']);
    expect(tw.edges.map((e) => e.id)).toEqual([edgeId('foundry', 'dependsOn', 'litho')]);
    expect(filterGraph(graph, { relationTypes: ['competesWith'] }).edges).toHaveLength(1);
    const only = filterGraph(graph, { only: new Set(['chip', 'foundry', 'rival']) });
    expect(only.nodes).toHaveLength(3);
    expect(only.edges.map((e) => e.type).sort()).toEqual(['competesWith', 'manufacturedBy']);
  });

  it('groups the layout by kind: one labelled cluster per kind, each node in its own', () => {
    const glossary = bundledGlossary();
    const graph = buildGraph(glossary);
    const layout = layoutGraph(graph, { groupBy: (n) => n.kind, order: KINDS });
    const groups = layout.groups!;
    expect(groups.map((g) => g.key)).toEqual(
      KINDS.filter((k) => graph.nodes.some((n) => n.kind === k)),
    );
    for (const g of groups)
      expect(g.count).toBe(graph.nodes.filter((n) => n.kind === g.key).length);
    // The clusters do not overlap: the boxes around their nodes are disjoint.
    const box = (kind: string) => {
      const members = layout.nodes.filter((n) => n.kind === kind);
      const xs = members.map((n) => n.x);
      const ys = members.map((n) => n.y);
      return {
        kind,
        x0: Math.min(...xs),
        x1: Math.max(...xs),
        y0: Math.min(...ys),
        y1: Math.max(...ys),
      };
    };
    const boxes = groups.map((g) => box(g.key));
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1)
        .map((b) => `${a.kind}/${b.kind}`),
    );
    expect(overlaps).toEqual([]);
    // Labels sit above their cluster and inside the picture.
    for (const g of groups) {
      const top = Math.min(...layout.nodes.filter((n) => n.kind === g.key).map((n) => n.y));
      expect(g.y).toBeLessThan(top);
      expect(g.y).toBeGreaterThan(layout.viewBox.y);
    }
    expect(layoutGraph(graph).groups).toBeUndefined();
  });

  it('lays the graph out the same way every time, with nodes apart', () => {
    const graph = buildGraph(bundledGlossary());
    const a = layoutGraph(graph);
    const b = layoutGraph(graph);
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    const points = new Set(a.nodes.map((n) => `${n.x},${n.y}`));
    expect(points.size).toBe(a.nodes.length);
    for (const n of a.nodes) {
      expect(n.x).toBeGreaterThan(a.viewBox.x);
      expect(n.x).toBeLessThan(a.viewBox.x + a.viewBox.width);
    }
  });
});
