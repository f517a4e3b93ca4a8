/**
 * The list of installed packs. Its order is their precedence (apply-packs.ts): a new pack
 * goes last, a newer version of an installed pack takes the old one's place. Pure: the
 * lists given are never changed; each call returns a new list or refuses whole.
 */
import type { Entry } from '../glossary/types';
import { compareVersions, type InstalledPack, type Pack } from './pack-format';

/** What installing a version changed, by entry id. */
export interface PackChange {
  /** `added`: a pack not installed before; `updated`: a newer version of one. */
  kind: 'added' | 'updated';
  /** The version replaced (`updated` only). */
  from?: string;
  /** Entries the installed version did not have. */
  added: string[];
  /** Entries of both versions whose content differs. */
  changed: string[];
  /** Entries the installed version had and the new one dropped without retiring them. */
  removed: string[];
  /** Entries the installed version had and the new one lists in `retired`. */
  retired: string[];
}

export type InstallResult =
  | { packs: InstalledPack[]; change: PackChange; refused?: undefined }
  | { refused: string; packs?: undefined; change?: undefined };

/**
 * Installs a validated pack at `now` (ISO time): last when its id is new, in place of the
 * installed version when it is newer. The same version, or an older one, is refused with
 * the reason.
 */
export function installPack(
  installed: readonly InstalledPack[],
  pack: Pack,
  now: string,
): InstallResult {
  const next: InstalledPack = { ...pack, installedAt: now };
  const index = installed.findIndex((p) => p.id === pack.id);
  const old = installed[index];
  if (!old) {
    const added = pack.entries.map((e) => e.id);
    return {
      packs: [...installed, next],
      change: { kind: 'added', added, changed: [], removed: [], retired: [] },
    };
  }
  const order = compareVersions(pack.version, old.version);
  if (order === 0)
    return { refused: `version ${pack.version} of ${pack.title} is already installed` };
  if (order < 0) {
    return {
      refused: `version ${pack.version} of ${pack.title} is older than the installed version ${old.version}`,
    };
  }
  const packs = installed.slice();
  packs[index] = next;
  return { packs, change: { kind: 'updated', from: old.version, ...entryChanges(old, pack) } };
}

/** The list without the pack `id` (the same list, copied, when it is not installed). */
export function removePack(installed: readonly InstalledPack[], id: string): InstalledPack[] {
  return installed.filter((pack) => pack.id !== id);
}

function entryChanges(
  old: Pack,
  pack: Pack,
): Pick<PackChange, 'added' | 'changed' | 'removed' | 'retired'> {
  const before = new Map(old.entries.map((e) => [e.id, e]));
  const after = new Set(pack.entries.map((e) => e.id));
  const retiredIds = new Set(pack.retired);
  const gone = old.entries.map((e) => e.id).filter((id) => !after.has(id));
  return {
    added: pack.entries.filter((e) => !before.has(e.id)).map((e) => e.id),
    changed: pack.entries
      .filter((e) => before.has(e.id) && !sameEntry(before.get(e.id)!, e))
      .map((e) => e.id),
    removed: gone.filter((id) => !retiredIds.has(id)),
    retired: gone.filter((id) => retiredIds.has(id)),
  };
}

/** Whether two entries hold the same data, whatever the order of their keys. */
function sameEntry(a: Entry, b: Entry): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : item,
  );
}
