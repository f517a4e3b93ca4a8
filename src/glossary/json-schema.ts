/**
 * Writes the JSON Schemas of the glossary from its shape (entry-shape.ts): the schemas are
 * generated, never edited by hand (`npm run glossary:schema`; a unit test fails when the
 * files in data/ differ from what this writes).
 */
import { KIND_TABLE, KINDS } from './kinds';
import { SHAPES, type ObjectShape, type Shape } from './entry-shape';

type Json = Record<string, unknown>;

/** The schema files of data/, by path from the project root, as their text. */
export function glossarySchemaFiles(): Record<string, string> {
  const { glossary, ...defs } = SHAPES;
  const names = new Map<Shape, string>(Object.entries(defs).map(([name, s]) => [s, name]));
  const write = (shape: Shape, top = false): Json => {
    const name = names.get(shape);
    if (name !== undefined && !top) return { $ref: `#/$defs/${name}` };
    if (shape.refines) {
      const { base, extra } = shape.refines;
      const ref = write(base);
      return ref.$ref
        ? { ...pickDescription(extra), ...ref, ...withoutDescription(extra as Json) }
        : ref;
    }
    if ('anyOf' in shape) {
      return { ...pickDescription(shape), anyOf: shape.anyOf.map((s) => write(s)) };
    }
    if ('enum' in shape) return { description: shape.description, enum: [...shape.enum] };
    if (shape.type === 'array') {
      const { items, ...rest } = shape;
      return { ...rest, items: write(items) };
    }
    if (shape.type === 'object') return writeObject(shape, write);
    return { ...shape };
  };

  const schema: Json = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://sovereignty-lens.org/glossary.schema.json',
    title: 'Sovereignty Lens glossary',
    ...writeObject(glossary, write),
    $defs: Object.fromEntries(Object.entries(defs).map(([name, s]) => [name, write(s, true)])),
  };
  (schema.$defs as Record<string, Json>).entry!.allOf = factsNeeded();
  const entry: Json = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Sovereignty Lens glossary entry',
    description:
      'One file of data/glossary/: one entry, named <id>.json. The shape is defined in glossary.schema.json.',
    $ref: 'glossary.schema.json#/$defs/entry',
  };
  return {
    'data/glossary.schema.json': `${JSON.stringify(schema, null, 2)}\n`,
    'data/entry.schema.json': `${JSON.stringify(entry, null, 2)}\n`,
  };
}

/** Any object shape, whatever its properties. */
type SomeObjectShape = Omit<ObjectShape, 'properties' | 'required'> & {
  properties: object;
  required: readonly PropertyKey[];
};

function writeObject(shape: SomeObjectShape, write: (s: Shape) => Json): Json {
  const own = shape.properties as Record<string, Shape>;
  const properties = { ...shape.fileOnly, ...own };
  const required = new Set<string>([
    ...shape.required.map(String),
    ...(shape.requiredInData ?? []).map(String),
  ]);
  return {
    ...pickDescription(shape),
    type: 'object',
    required: Object.keys(properties).filter((key) => required.has(key)),
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, write(s)])),
  };
}

/** The kinds whose entries need a minimum of facts (kinds.ts), as conditions on `facts`. */
function factsNeeded(): Json[] {
  const byMin = new Map<number, string[]>();
  for (const kind of KINDS) {
    const min = KIND_TABLE[kind].minFacts;
    if (min !== undefined) byMin.set(min, [...(byMin.get(min) ?? []), kind]);
  }
  return [...byMin].map(([min, kinds]) => ({
    if: { properties: { kind: { enum: kinds } }, required: ['kind'] },
    then: { properties: { facts: { minItems: min } } },
  }));
}

function pickDescription(value: { description?: string }): Json {
  return value.description === undefined ? {} : { description: value.description };
}

function withoutDescription(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'description'));
}
