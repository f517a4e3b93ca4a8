import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { SHAPES, type Shape } from '../../../src/glossary/entry-shape';
import { glossarySchemaFiles } from '../../../src/glossary/json-schema';
import { KIND_TABLE } from '../../../src/glossary/kinds';
import { CONFIDENCES, KINDS, RELATION_TYPES, type Entry } from '../../../src/glossary/types';
import { LIMITS, validateGlossary } from '../../../src/glossary/validate';

describe('the JSON Schemas of data/', () => {
  it('are what npm run glossary:schema writes from the shape', () => {
    for (const [path, text] of Object.entries(glossarySchemaFiles())) {
      expect(readFileSync(path, 'utf8'), `${path}: run npm run glossary:schema`).toBe(text);
    }
  });

  const schema = JSON.parse(glossarySchemaFiles()['data/glossary.schema.json']!) as {
    $defs: Record<string, { enum?: string[]; properties?: Record<string, { maxLength?: number }> }>;
  };

  it('list the kinds, relation types and confidences, and ask for facts where kinds.ts does', () => {
    expect(schema.$defs.kind?.enum).toEqual([...KINDS]);
    expect(schema.$defs.relationType?.enum).toEqual([...RELATION_TYPES]);
    expect(schema.$defs.confidence?.enum).toEqual([...CONFIDENCES]);
    const entry = schema.$defs.entry as unknown as {
      allOf: { if: { properties: { kind: { enum: string[] } } }; then: unknown }[];
    };
    const needing = KINDS.filter((kind) => KIND_TABLE[kind].minFacts !== undefined);
    expect(entry.allOf.flatMap((rule) => rule.if.properties.kind.enum)).toEqual(needing);
  });

  it('bound texts with the limits the validator enforces', () => {
    const max = (def: string, key: string) => schema.$defs[def]?.properties?.[key]?.maxLength;
    expect(max('localizedName', 'fr')).toBe(LIMITS.name);
    expect(max('localizedSummary', 'fr')).toBe(LIMITS.summary);
    expect(max('localizedParagraph', 'fr')).toBe(LIMITS.dependency);
    expect(max('fact', 'fr')).toBe(LIMITS.fact);
    expect(max('alias', 'text')).toBe(LIMITS.alias);
  });
});

/** A value of the wrong type for a shape. */
function wrongValue(shape: Shape): unknown {
  if ('enum' in shape) return 'not-one-of-them';
  if ('anyOf' in shape) return 42;
  switch (shape.type) {
    case 'string':
      return 42;
    case 'boolean':
      return 'yes';
    case 'integer':
    case 'number':
      return 'many';
    case 'array':
      return 'one';
    case 'object':
      return 'an object';
  }
}

/** A bundled entry that has every optional part (alias cues, figures, relation notes). */
function richEntry(): Entry {
  const entries = bundledGlossary().entries;
  const find = <T>(pick: (e: Entry) => T | undefined): T => {
    for (const e of entries) {
      const found = pick(e);
      if (found !== undefined) return structuredClone(found);
    }
    throw new Error('no bundled entry has it');
  };
  const base = structuredClone(entries.find((e) => e.website && e.textSources)!);
  // Every field an alias can have, in a form no bundled entry uses.
  base.aliases = [
    {
      text: 'Zyxwv Unit',
      lang: 'en',
      case: 'name',
      plural: true,
      model: false,
      context: ['zyxwv'],
    },
  ];
  base.facts = [find((e) => e.facts.find((f) => f.figures?.length)), ...base.facts];
  const noted = find((e) => e.relations.find((r) => r.note && r.target !== base.id));
  base.relations = [
    noted,
    ...base.relations.filter((r) => r.type !== noted.type || r.target !== noted.target),
  ];
  // Keep relation targets known: the other entries stay in the glossary.
  return base;
}

/** Every field of the entry shape present in `entry`, with its shape and path. */
function fields(shape: Shape, value: unknown, path: string): { path: string; shape: Shape }[] {
  if ('type' in shape && shape.type === 'object' && value && typeof value === 'object') {
    return Object.entries(shape.properties).flatMap(([key, inner]) => {
      const at = path ? `${path}.${key}` : key;
      return [{ path: at, shape: inner }, ...fields(inner, (value as never)[key], at)];
    });
  }
  if ('type' in shape && shape.type === 'array' && Array.isArray(value) && value.length > 0) {
    return fields(shape.items, value[0], `${path}[0]`);
  }
  return [];
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop()!;
  let at: Record<string, unknown> = root;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

describe('the validator follows the shape', () => {
  const entry = richEntry();
  const others = bundledGlossary().entries.filter((e) => e.id !== entry.id);
  const check = (changed: Entry) => validateGlossary({ version: 1, entries: [changed, ...others] });
  const all = fields(SHAPES.entry, entry, '');

  it('accepts the rich entry as it is, which has every field of the shape', () => {
    expect(check(entry).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    const paths = new Set(all.map((f) => f.path.replace(/\[0\]/g, '[]')));
    for (const key of Object.keys(SHAPES.figure.properties)) {
      expect(paths).toContain(`facts[].figures[].${key}`);
    }
    for (const key of Object.keys(SHAPES.alias.properties)) {
      expect(paths).toContain(`aliases[].${key}`);
    }
    expect(paths).toContain('relations[].note.fr');
  });

  it.each(all.map((f) => [f.path, f.shape] as const))(
    'refuses a wrong value at %s, and names it',
    (path, shape) => {
      const changed = structuredClone(entry);
      setAt(changed as never, path, wrongValue(shape));
      const problems = check(changed).problems.filter((p) => [entry.id, '#0'].includes(p.entry));
      expect(problems.map((p) => p.path)).toContainEqual(
        expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}`)),
      );
    },
  );

  it.each([
    ['', SHAPES.entry],
    ['aliases[0]', SHAPES.alias],
    ['facts[0]', SHAPES.fact],
    ['facts[0].figures[0]', SHAPES.figure],
    ['relations[0]', SHAPES.relation],
  ] as const)(
    'refuses %s without any of its required fields, and with an unknown one',
    (at, shape) => {
      const prefix = at ? `${at}.` : '';
      for (const key of shape.required as readonly string[]) {
        const changed = structuredClone(entry);
        setAt(changed as never, `${prefix}${key}`, undefined);
        const paths = check(changed).problems.map((p) => p.path);
        expect(paths, `${prefix}${key}`).toContain(`${prefix}${key}`);
      }
      const changed = structuredClone(entry);
      setAt(changed as never, `${prefix}surprise`, 1);
      expect(check(changed).problems).toContainEqual(
        expect.objectContaining({ path: `${prefix}surprise`, message: 'unknown property' }),
      );
    },
  );
});
