import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { SearchIndex } from '../glossary/search';
import type { Glossary, Lang } from '../glossary/types';
import type { Problem } from '../glossary/validate';
import type { Conflict, PackOrigin } from '../packs/apply-packs';
import type { PackSets } from '../packs/pack-store';
import type { ManagedSettings } from '../settings/managed-settings';
import type { Settings } from '../settings/settings';
import type { UserData } from '../user-data/types';

/** What every view of the glossary page shares. */
export interface PageState {
  lang: Lang;
  dark: boolean;
  settings?: Settings;
  bundled: Glossary;
  /** Bundled and user entries together, hidden ones included (the page lists them). */
  glossary: Glossary;
  index: GlossaryIndex;
  search: SearchIndex;
  userData: UserData;
  userIds: ReadonlySet<string>;
  /** The organisation's and the reader's packs. */
  packs: PackSets;
  /** The pack each pack entry comes from. */
  origins: ReadonlyMap<string, PackOrigin>;
  /** What the packs could not have (apply-packs.ts). */
  conflicts: readonly Conflict[];
  /** What the organisation set: locked settings are shown as such. */
  managed: ManagedSettings;
  /** Validates and stores new user data; resolves to the problems (none = stored). */
  saveUserData(next: UserData): Promise<Problem[]>;
}

export const PageContext = createContext<PageState | undefined>(undefined);

export function usePage(): PageState {
  const state = useContext(PageContext);
  if (!state) throw new Error('usePage outside the glossary page');
  return state;
}
