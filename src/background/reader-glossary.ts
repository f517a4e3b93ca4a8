/**
 * The reader's glossary as the background holds it for content scripts: the bundled
 * glossary merged with the reader's own entries, notes and hidden entries. Content
 * scripts ship only the build-time pattern (they start on every page, and evaluating the
 * glossary there cost every page load); they ask for this when a card opens, when the
 * reader's entries change what to match, or when a selection needs a search.
 */
import { bundledGlossary } from '../glossary/bundled';
import { cardNeighbourhood } from '../glossary/card-neighbourhood';
import { compileMatcher, compilePattern, type CompiledGlossary } from '../glossary/compile';
import { indexGlossary, type GlossaryIndex } from '../glossary/glossary-index';
import { ownValue } from '../glossary/own';
import { createSearchIndex, type SearchIndex } from '../glossary/search';
import type { Glossary } from '../glossary/types';
import type { CardData } from '../messaging/protocol';
import type { PackOrigin } from '../packs/apply-packs';
import { readPacks, watchPacks } from '../packs/pack-store';
import { readerGlossary } from '../reader/reader-glossary';
import { readUserData, watchUserData } from '../user-data/store';
import type { UserData } from '../user-data/types';

interface Prepared {
  glossary: Glossary;
  userIds: ReadonlySet<string>;
  origins: ReadonlyMap<string, PackOrigin>;
  userData: UserData;
  index?: GlossaryIndex;
  compiled?: CompiledGlossary;
  search?: SearchIndex;
}

/** Holds the merged glossary, rebuilt after the reader's data changes. */
export class ReaderGlossary {
  #prepared: Promise<Prepared> | undefined;

  /** Drops what was built; the next request reads the stored data again. */
  invalidate(): void {
    this.#prepared = undefined;
  }

  /** Follows the stored data (call once, in the background). */
  watch(): () => void {
    const unwatch = [watchUserData(() => this.invalidate()), watchPacks(() => this.invalidate())];
    return () => unwatch.forEach((stop) => stop());
  }

  #prepare(): Promise<Prepared> {
    this.#prepared ??= Promise.all([readUserData(), readPacks()]).then(([{ data }, packs]) => {
      const { marked, userIds, origins } = readerGlossary({
        bundled: bundledGlossary(),
        userData: data,
        packs: [...packs.managed, ...packs.installed],
      });
      return { glossary: marked, userIds, origins, userData: data };
    });
    return this.#prepared;
  }

  /**
   * What the card of `id` shows: the entry, the entries its dependency chain and related
   * lists name, the reader's note on it, and which of those entries are the reader's own.
   * Null for an id the reader's glossary does not have.
   */
  async cardData(id: string): Promise<CardData | null> {
    const prepared = await this.#prepare();
    prepared.index ??= indexGlossary(prepared.glossary);
    const entries = cardNeighbourhood(prepared.index, id);
    if (!entries) return null;
    return {
      entries,
      note: ownValue(prepared.userData.notes, id) ?? null,
      userIds: entries.filter((entry) => prepared.userIds.has(entry.id)).map((entry) => entry.id),
      origins: Object.fromEntries(
        entries.flatMap((entry) => {
          const origin = prepared.origins.get(entry.id);
          return origin ? [[entry.id, origin]] : [];
        }),
      ),
    };
  }

  /** The pattern for the merged glossary (the reader's entries added, hidden ones left out). */
  async compiled(): Promise<CompiledGlossary> {
    const prepared = await this.#prepare();
    return (prepared.compiled ??= compilePattern(prepared.glossary.entries));
  }

  /** The entry a selected text names: a mention in it first, else the best search hit. */
  async resolve(text: string): Promise<string | null> {
    const prepared = await this.#prepare();
    const mention = compileMatcher(prepared.glossary.entries).findMentions(text)[0];
    if (mention) return mention.id;
    prepared.search ??= createSearchIndex(prepared.glossary.entries);
    return prepared.search.search(text, 1)[0]?.entry.id ?? null;
  }
}
