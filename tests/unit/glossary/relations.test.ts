import { describe, expect, it } from 'vitest';
import {
  CARD_RELATION_ORDER,
  DEPENDENCY_RELATIONS,
  RELATIONS,
  RELATION_TYPES,
  ROOT_ONLY_RELATIONS,
  type RelationDescriptor,
} from '../../../src/glossary/relations';

describe('the relation descriptor table', () => {
  it('gives every type its labels, chain rule, card place and graph line', () => {
    for (const type of RELATION_TYPES) {
      const d: RelationDescriptor = RELATIONS[type];
      expect(d.label.en.trim(), type).not.toBe('');
      expect(d.label.fr.trim(), type).not.toBe('');
      expect(['always', 'root', 'never'], type).toContain(d.chain);
      expect(['solid', 'dashed', 'dotted'], type).toContain(d.graphLine);
      // A type the chain follows has a priority; one it does not has none.
      expect(d.chainPriority === undefined, type).toBe(d.chain === 'never');
    }
  });

  it('derives one order per use, each holding every type it should exactly once', () => {
    expect([...CARD_RELATION_ORDER].sort()).toEqual([...RELATION_TYPES].sort());
    expect(new Set(RELATION_TYPES.map((t) => RELATIONS[t].cardOrder)).size).toBe(
      RELATION_TYPES.length,
    );
    const priorities = DEPENDENCY_RELATIONS.map(
      (t) => (RELATIONS[t] as RelationDescriptor).chainPriority!,
    );
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(new Set(priorities).size).toBe(priorities.length);
    for (const type of ROOT_ONLY_RELATIONS) expect(DEPENDENCY_RELATIONS).toContain(type);
    // What chains have always followed, in this order.
    expect(DEPENDENCY_RELATIONS).toEqual([
      'designedBy',
      'manufacturedBy',
      'dependsOn',
      'runsOn',
      'partOf',
      'ownedBy',
    ]);
    expect(ROOT_ONLY_RELATIONS).toEqual(['runsOn']);
  });
});
