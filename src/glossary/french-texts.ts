/**
 * The French texts of one entry as it is written in its file (unvalidated JSON): name,
 * summary, dependency, sovereignty, facts and relation notes, each with its path and a
 * setter, for the typography formatter and check.
 */
export interface FrenchText {
  /** Where in the entry, e.g. `facts[2].fr`. */
  path: string;
  value: string;
  set(value: string): void;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function french(holder: unknown, path: string): FrenchText[] {
  if (!isRecord(holder) || typeof holder.fr !== 'string') return [];
  return [
    {
      path: `${path}.fr`,
      value: holder.fr,
      set: (value) => {
        holder.fr = value;
      },
    },
  ];
}

export function frenchTexts(entry: unknown): FrenchText[] {
  if (!isRecord(entry)) return [];
  const texts = ['name', 'summary', 'dependency', 'sovereignty'].flatMap((key) =>
    french(entry[key], key),
  );
  if (Array.isArray(entry.facts)) {
    entry.facts.forEach((fact: unknown, i: number) => texts.push(...french(fact, `facts[${i}]`)));
  }
  if (Array.isArray(entry.relations)) {
    entry.relations.forEach((relation: unknown, i: number) => {
      if (isRecord(relation)) texts.push(...french(relation.note, `relations[${i}].note`));
    });
  }
  return texts;
}
