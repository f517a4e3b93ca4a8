// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Kind } from '../../../src/glossary/types';
import { MentionIndex, PlacedMark, type PlacedMention } from '../../../src/page/mention-index';

/** The fields of a StaticRange the index reads (happy-dom has no StaticRange). */
function range(startContainer: Text, startOffset: number, endContainer: Text, endOffset: number) {
  return {
    startContainer,
    startOffset,
    endContainer,
    endOffset,
    collapsed: false,
  } as unknown as StaticRange;
}

function mention(
  id: string,
  start: [Text, number],
  end: [Text, number],
  nodes: Text[] = start[0] === end[0] ? [start[0]] : [start[0], end[0]],
  kind: Kind = 'chip',
): PlacedMention {
  const at = range(start[0], start[1], end[0], end[1]);
  return { id, kind, text: id, range: at, endpoints: at, nodes };
}

const ids = (mentions: PlacedMention[]) => mentions.map((m) => m.id);

let text: Text;
beforeEach(() => {
  document.body.textContent = '';
  // "Nvidia and TSMC make Blackwell"
  //  0     6   10  14   19
  text = document.createTextNode('Nvidia and TSMC make Blackwell');
  document.body.append(text);
});

describe('MentionIndex', () => {
  it('starts empty', () => {
    const index = new MentionIndex();
    expect(index.size).toBe(0);
    expect([...index.mentions()]).toEqual([]);
    expect(index.at(text, 0)).toEqual([]);
  });

  it('finds the mention under an offset inside it', () => {
    const index = new MentionIndex();
    const nvidia = mention('nvidia', [text, 0], [text, 6]);
    const tsmc = mention('tsmc', [text, 11], [text, 15]);
    index.add(tsmc);
    index.add(nvidia);
    expect(index.size).toBe(2);
    expect(ids(index.at(text, 3))).toEqual(['nvidia']);
    expect(ids(index.at(text, 12))).toEqual(['tsmc']);
    expect(index.at(text, 8)).toEqual([]);
    expect(index.at(text, 25)).toEqual([]);
  });

  it('includes both ends of a span (a caret offset may sit at the end)', () => {
    const index = new MentionIndex();
    index.add(mention('tsmc', [text, 11], [text, 15]));
    expect(ids(index.at(text, 11))).toEqual(['tsmc']);
    expect(ids(index.at(text, 15))).toEqual(['tsmc']);
    expect(index.at(text, 10)).toEqual([]);
    expect(index.at(text, 16)).toEqual([]);
  });

  it('reports both mentions at the boundary of two adjacent ones', () => {
    const node = document.createTextNode('TSMCNvidia');
    document.body.append(node);
    const index = new MentionIndex();
    index.add(mention('nvidia', [node, 4], [node, 10]));
    index.add(mention('tsmc', [node, 0], [node, 4]));
    expect(ids(index.at(node, 4))).toEqual(['tsmc', 'nvidia']);
    expect(ids(index.at(node, 3))).toEqual(['tsmc']);
    expect(ids(index.at(node, 5))).toEqual(['nvidia']);
  });

  it('finds a mention at offsets 0 and the node length', () => {
    const index = new MentionIndex();
    index.add(mention('nvidia', [text, 0], [text, 6]));
    index.add(mention('blackwell', [text, 21], [text, text.length]));
    expect(ids(index.at(text, 0))).toEqual(['nvidia']);
    expect(ids(index.at(text, text.length))).toEqual(['blackwell']);
  });

  it('finds the right mention among many in one node', () => {
    const node = document.createTextNode('ab '.repeat(200));
    document.body.append(node);
    const index = new MentionIndex();
    // Added out of order: the index keeps each node's spans sorted.
    const order = Array.from({ length: 200 }, (_, i) => (i * 77) % 200);
    for (const i of order) index.add(mention(`m${i}`, [node, i * 3], [node, i * 3 + 2]));
    for (const i of [0, 1, 57, 123, 199]) {
      expect(ids(index.at(node, i * 3))).toEqual([`m${i}`]);
      expect(ids(index.at(node, i * 3 + 1))).toEqual([`m${i}`]);
      // A space separates each "ab": its offset ends mention i and touches no other.
      expect(ids(index.at(node, i * 3 + 2))).toEqual([`m${i}`]);
    }
  });

  it('indexes a mention that spans several text nodes in each of them', () => {
    // <p>Trainium<em> 2</em> chips</p>
    const p = document.createElement('p');
    const first = document.createTextNode('Trainium');
    const em = document.createElement('em');
    const second = document.createTextNode(' 2');
    const third = document.createTextNode(' chips');
    em.append(second);
    p.append(first, em, third);
    document.body.append(p);
    const index = new MentionIndex();
    const trainium2 = mention('trainium-2', [first, 0], [second, 2], [first, second]);
    index.add(trainium2);
    expect(ids(index.at(first, 0))).toEqual(['trainium-2']);
    expect(ids(index.at(first, first.length))).toEqual(['trainium-2']);
    expect(ids(index.at(second, 0))).toEqual(['trainium-2']);
    expect(ids(index.at(second, 2))).toEqual(['trainium-2']);
    expect(index.at(third, 0)).toEqual([]);
  });

  it('limits a spanning mention to its offsets in its first and last nodes', () => {
    const first = document.createTextNode('the Trainium');
    const second = document.createTextNode(' 2 chip');
    document.body.append(first, second);
    const index = new MentionIndex();
    index.add(mention('trainium-2', [first, 4], [second, 2], [first, second]));
    expect(index.at(first, 2)).toEqual([]);
    expect(ids(index.at(first, 4))).toEqual(['trainium-2']);
    expect(ids(index.at(second, 2))).toEqual(['trainium-2']);
    expect(index.at(second, 4)).toEqual([]);
  });

  it('covers whole middle nodes of a mention spanning three nodes', () => {
    const a = document.createTextNode('European ');
    const b = document.createTextNode('Chips');
    const c = document.createTextNode(' Act now');
    document.body.append(a, b, c);
    const index = new MentionIndex();
    index.add(mention('eu-chips-act', [a, 0], [c, 4], [a, b, c]));
    expect(ids(index.at(b, 0))).toEqual(['eu-chips-act']);
    expect(ids(index.at(b, b.length))).toEqual(['eu-chips-act']);
    expect(index.at(c, 6)).toEqual([]);
  });

  it('forgets a deleted mention in every node it covered', () => {
    const first = document.createTextNode('Trainium');
    const second = document.createTextNode(' 2');
    document.body.append(first, second);
    const index = new MentionIndex();
    const spanning = mention('trainium-2', [first, 0], [second, 2], [first, second]);
    const nvidia = mention('nvidia', [text, 0], [text, 6]);
    index.add(spanning);
    index.add(nvidia);
    index.delete(spanning);
    expect(index.size).toBe(1);
    expect(index.at(first, 3)).toEqual([]);
    expect(index.at(second, 1)).toEqual([]);
    expect(ids(index.at(text, 1))).toEqual(['nvidia']);
    expect([...index.mentions()]).toEqual([nvidia]);
  });

  it('keeps the other mentions of a node when one is deleted', () => {
    const index = new MentionIndex();
    const nvidia = mention('nvidia', [text, 0], [text, 6]);
    const tsmc = mention('tsmc', [text, 11], [text, 15]);
    index.add(nvidia);
    index.add(tsmc);
    index.delete(nvidia);
    expect(index.at(text, 3)).toEqual([]);
    expect(ids(index.at(text, 12))).toEqual(['tsmc']);
  });

  it('ignores deleting a mention it does not hold', () => {
    const index = new MentionIndex();
    const tsmc = mention('tsmc', [text, 11], [text, 15]);
    index.add(tsmc);
    index.delete(mention('tsmc', [text, 11], [text, 15]));
    expect(index.size).toBe(1);
    expect(ids(index.at(text, 12))).toEqual(['tsmc']);
  });

  it('forgets everything on clear', () => {
    const index = new MentionIndex();
    index.add(mention('nvidia', [text, 0], [text, 6]));
    index.add(mention('tsmc', [text, 11], [text, 15]));
    index.clear();
    expect(index.size).toBe(0);
    expect(index.at(text, 3)).toEqual([]);
    expect(index.at(text, 12)).toEqual([]);
  });

  it('finds nothing in a node without mentions or in a non-text node', () => {
    const index = new MentionIndex();
    index.add(mention('nvidia', [text, 0], [text, 6]));
    expect(index.at(document.createTextNode('Nvidia'), 2)).toEqual([]);
    expect(index.at(document.body, 0)).toEqual([]);
  });

  it('leaves a mention added unlocated out of hit-testing until it is located', () => {
    const index = new MentionIndex();
    const nvidia = mention('nvidia', [text, 0], [text, 6]);
    const tsmc = mention('tsmc', [text, 11], [text, 15]);
    index.add(nvidia, false);
    index.add(tsmc);
    expect(index.size).toBe(2);
    expect(index.at(text, 3)).toEqual([]);
    expect(ids([...index.in(text)].map((s) => s.mention))).toEqual(['tsmc']);
    index.locate(nvidia);
    expect(ids(index.at(text, 3))).toEqual(['nvidia']);
    expect(ids([...index.in(text)].map((s) => s.mention))).toEqual(['nvidia', 'tsmc']);
    index.unlocate(tsmc);
    expect(index.at(text, 12)).toEqual([]);
    expect(index.size).toBe(2);
    index.unlocateAll();
    expect(index.in(text)).toEqual([]);
    expect([...index.mentions()]).toEqual([nvidia, tsmc]);
  });

  it('gives a placed mark in one node that node alone, and a spanning one its nodes', () => {
    const second = document.createTextNode(' 2');
    document.body.append(second);
    const single = new PlacedMark('nvidia', 'company', 'Nvidia', range(text, 0, text, 6));
    expect(single.nodes).toEqual([text]);
    const spanning = new PlacedMark('x', 'chip', 'Blackwell 2', range(text, 21, second, 2), [
      text,
      second,
    ]);
    expect(spanning.nodes).toEqual([text, second]);
    const index = new MentionIndex();
    index.add(single);
    index.add(spanning);
    expect(ids(index.at(second, 1))).toEqual(['x']);
    expect(ids(index.at(text, 3))).toEqual(['nvidia']);
  });

  it('lists the mentions in the order they were added', () => {
    const index = new MentionIndex();
    const tsmc = mention('tsmc', [text, 11], [text, 15]);
    const nvidia = mention('nvidia', [text, 0], [text, 6]);
    index.add(tsmc);
    index.add(nvidia);
    expect([...index.mentions()]).toEqual([tsmc, nvidia]);
  });
});
