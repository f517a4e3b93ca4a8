/**
 * Merges the installed packs with the bundled glossary and the reader's own entries.
 *
 * Precedence: the bundled glossary, then the packs in installation order; the reader's own
 * entries are never displaced (they cannot reuse a bundled id either, validate-user-data.ts).
 * - A pack entry whose id is held (bundled, an earlier pack, the reader's own) is not
 *   applied.
 * - A pack alias whose collision form (aliasCollisionKey, plural included) is an alias of
 *   an entry that wins is dropped, so the winner keeps marking that text, unless both
 *   aliases carry context cues (the glossary's own collision rule). An entry left without
 *   aliases stays (search, cards, graph) but pages do not mark it.
 * Conflicts never refuse a pack: each is reported, with a message for display. A relation
 * to an id the pack lost leads to the entry that holds it.
 */
import type { Alias, Entry, Glossary } from '../glossary/types';
import { checkAlias } from '../glossary/validate-fields';
import type { InstalledPack } from './pack-format';

/** What holds an id or an alias that a pack entry wanted. */
export interface ConflictHolder {
  source: 'bundled' | 'pack' | 'user';
  /** The pack holding it (`pack` only). */
  packId?: string;
  /** The entry that keeps the id or marks the text. */
  entry: string;
}

export interface Conflict {
  /** `id`: the entry is not applied. `alias`: one of its aliases is dropped. */
  kind: 'id' | 'alias';
  /** The pack whose entry gives way. */
  packId: string;
  entry: string;
  /** The alias dropped, as the pack writes it (`alias` only). */
  alias?: string;
  heldBy: ConflictHolder;
  /** Set on the conflict that dropped the entry's last alias: pages do not mark it. */
  unmarked?: true;
  /** The conflict in English, for display. */
  message: string;
}

/** The pack an applied entry comes from. */
export interface PackOrigin {
  packId: string;
  title: string;
  publisher: string;
  version: string;
}

export interface AppliedPacks {
  /** The pack entries that apply, without their dropped aliases. */
  entries: Entry[];
  origin: Map<string, PackOrigin>;
  conflicts: Conflict[];
}

/** One collision form of a winner's alias. */
interface HeldForm {
  holder: ConflictHolder;
  hasContext: boolean;
}

const RANK = { bundled: 0, pack: 1, user: 2 } as const;

/** The alias's collision forms, as the validator compares them (itself and its plural). */
function forms(alias: Alias): { key: string; hasContext: boolean }[] {
  return checkAlias(alias, 'alias', () => undefined);
}

/** Applies the installed packs in order (see the top of this file). */
export function applyPacks(
  bundled: Glossary,
  packs: readonly InstalledPack[],
  userEntries: readonly Entry[],
): AppliedPacks {
  const ids = new Map<string, ConflictHolder>();
  const held = new Map<string, HeldForm[]>();
  const titles = new Map(packs.map((pack) => [pack.id, pack.title]));
  const hold = (entry: Entry, holder: ConflictHolder): void => {
    if (!ids.has(entry.id)) ids.set(entry.id, holder);
    for (const alias of entry.aliases) {
      for (const { key, hasContext } of forms(alias)) {
        const list = held.get(key);
        if (list) list.push({ holder, hasContext });
        else held.set(key, [{ holder, hasContext }]);
      }
    }
  };
  for (const entry of bundled.entries) hold(entry, { source: 'bundled', entry: entry.id });
  for (const entry of userEntries) hold(entry, { source: 'user', entry: entry.id });

  const holderName = (holder: ConflictHolder): string => {
    if (holder.source === 'bundled') return `the bundled entry "${holder.entry}"`;
    if (holder.source === 'user') return `your own entry "${holder.entry}"`;
    return `the entry "${holder.entry}" of the pack "${titles.get(holder.packId ?? '') ?? holder.packId}"`;
  };
  /** Who keeps a form against a pack alias: the first winner, unless both have cues. */
  const blocker = (key: string, hasContext: boolean): ConflictHolder | undefined => {
    const blocking = (held.get(key) ?? []).filter((form) => !hasContext || !form.hasContext);
    return blocking.map((form) => form.holder).sort((a, b) => RANK[a.source] - RANK[b.source])[0];
  };

  const entries: Entry[] = [];
  const origin = new Map<string, PackOrigin>();
  const conflicts: Conflict[] = [];
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const name = `the entry "${entry.id}" of the pack "${pack.title}"`;
      const owner = ids.get(entry.id);
      if (owner) {
        conflicts.push({
          kind: 'id',
          packId: pack.id,
          entry: entry.id,
          heldBy: { ...owner },
          message: `${capitalise(name)} is not applied: ${holderName(owner)} has the same id.`,
        });
        continue;
      }
      const aliases = entry.aliases.filter((alias) => {
        const holder = forms(alias)
          .map((form) => blocker(form.key, form.hasContext))
          .find((found) => found !== undefined);
        if (!holder) return true;
        conflicts.push({
          kind: 'alias',
          packId: pack.id,
          entry: entry.id,
          alias: alias.text,
          heldBy: { ...holder },
          message: `The alias "${alias.text}" of ${name} is dropped: ${holderName(holder)} already marks that text.`,
        });
        return false;
      });
      const last = conflicts.at(-1);
      if (aliases.length === 0 && last && entry.aliases.length > 0) {
        last.unmarked = true;
        last.message += ` "${entry.id}" has no alias left: it stays in search, cards and the graph, but pages do not mark it.`;
      }
      const applied = aliases.length === entry.aliases.length ? entry : { ...entry, aliases };
      entries.push(applied);
      origin.set(entry.id, {
        packId: pack.id,
        title: pack.title,
        publisher: pack.publisher,
        version: pack.version,
      });
      hold(applied, { source: 'pack', packId: pack.id, entry: entry.id });
    }
  }
  return { entries, origin, conflicts };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
