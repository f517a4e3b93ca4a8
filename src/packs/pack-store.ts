/**
 * Where packs live: the reader's installed packs in `storage.local` (`packs`), and the
 * organisation's, parsed from the policy by the background, beside them (`managedPacks`).
 * Installing is validated whole and written in one call, so a refused or failed import
 * leaves the stored list as it was.
 */
import { storage } from 'wxt/utils/storage';
import type { Glossary } from '../glossary/types';
import { ROOT_ENTRY, type Problem } from '../glossary/validate';
import { packEntryCountItem } from '../user-data/stored-item';
import { applyPacks, type Conflict } from './apply-packs';
import { installPack, removePack, type PackChange } from './install';
import type { InstalledPack, Pack } from './pack-format';
import { parsePackFile } from './validate-pack';

export const installedPacksItem = storage.defineItem<InstalledPack[]>('local:packs', {
  fallback: [],
});

/** The organisation's packs and what its policy got wrong (managed-policy.ts). */
export interface ManagedPacks {
  packs: InstalledPack[];
  problems: string[];
}

export const managedPacksItem = storage.defineItem<ManagedPacks>('local:managedPacks', {
  fallback: { packs: [], problems: [] },
});

/** Stores the reader's packs and the count in one write. */
async function storeInstalled(packs: InstalledPack[], managed: InstalledPack[]): Promise<void> {
  await storage.setItems([
    { item: installedPacksItem, value: packs },
    { item: packEntryCountItem, value: entryCount([...managed, ...packs]) },
  ]);
}

/** Stores the organisation's packs (the background, from the policy) and the count. */
export async function storeManaged(value: ManagedPacks): Promise<void> {
  const installed = storedPacks(await installedPacksItem.getValue());
  await storage.setItems([
    { item: managedPacksItem, value },
    { item: packEntryCountItem, value: entryCount([...value.packs, ...installed]) },
  ]);
}

const entryCount = (packs: readonly InstalledPack[]): number =>
  packs.reduce((sum, pack) => sum + pack.entries.length, 0);

export interface PackSets {
  /** The organisation's, first in precedence; the reader cannot remove them. */
  managed: InstalledPack[];
  installed: InstalledPack[];
  /** What the organisation's policy got wrong. */
  managedProblems: string[];
}

/** A stored pack has the fields the rest of the code reads (it was validated when installed). */
function isStoredPack(value: unknown): value is InstalledPack {
  if (typeof value !== 'object' || value === null) return false;
  const pack = value as Record<string, unknown>;
  return (
    ['id', 'title', 'publisher', 'version', 'date'].every((k) => typeof pack[k] === 'string') &&
    Array.isArray(pack.entries) &&
    Array.isArray(pack.retired)
  );
}

const storedPacks = (value: unknown): InstalledPack[] =>
  Array.isArray(value) ? value.filter(isStoredPack) : [];

export async function readPacks(): Promise<PackSets> {
  const [installed, managed] = await Promise.all([
    installedPacksItem.getValue(),
    managedPacksItem.getValue(),
  ]);
  return {
    managed: storedPacks(managed?.packs),
    installed: storedPacks(installed),
    managedProblems: Array.isArray(managed?.problems) ? managed.problems : [],
  };
}

/** Calls `onChange` after either list changes; returns the unwatch function. */
export function watchPacks(onChange: () => void): () => void {
  const unwatch = [installedPacksItem.watch(onChange), managedPacksItem.watch(onChange)];
  return () => unwatch.forEach((stop) => stop());
}

export type ImportResult =
  | { problems: Problem[] }
  | {
      problems?: undefined;
      pack: Pick<Pack, 'id' | 'title' | 'version'>;
      change: PackChange;
      warnings: Problem[];
      conflicts: Conflict[];
    };

/**
 * Imports a pack file: validated whole (pack-format.ts), installed (a newer version
 * replaces the installed one, an older or the same one is refused), stored in one write.
 * Returns the problems that refused it, or what changed and the conflicts it has.
 */
export async function importPackFile(
  text: string,
  {
    bundled,
    today,
    userEntries,
  }: { bundled: Glossary; today: string; userEntries: Glossary['entries'] },
): Promise<ImportResult> {
  try {
    const parsed = parsePackFile(text, { bundled, today, mode: 'import' });
    if (!parsed.pack) return { problems: parsed.problems };
    const { managed, installed } = await readPacks();
    if (managed.some((p) => p.id === parsed.pack.id)) {
      return refusal(`your organisation already provides the pack "${parsed.pack.id}"`);
    }
    const result = installPack(installed, parsed.pack, new Date().toISOString());
    if (result.refused !== undefined) return refusal(result.refused);
    await storeInstalled(result.packs, managed);
    const { conflicts } = applyPacks(bundled, [...managed, ...result.packs], userEntries);
    const { id, title, version } = parsed.pack;
    return {
      pack: { id, title, version },
      change: result.change,
      warnings: parsed.warnings,
      conflicts: conflicts.filter((c) => c.packId === parsed.pack.id),
    };
  } catch (error) {
    // The browser's storage quota, an engine limit: refused with the reason, nothing written.
    return refusal(`the import failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function refusal(message: string): { problems: Problem[] } {
  return { problems: [{ entry: ROOT_ENTRY, path: '', message }] };
}

/** Removes one of the reader's packs (the organisation's cannot be removed). */
export async function removeInstalledPack(id: string): Promise<void> {
  const { managed, installed } = await readPacks();
  await storeInstalled(removePack(installed, id), managed);
}
