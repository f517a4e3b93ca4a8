import { render } from 'preact';
import { bundledGlossary } from '../glossary/bundled';
import { indexGlossary } from '../glossary/glossary-index';
import { createSearchIndex } from '../glossary/search';
import { readPacks, watchPacks, type PackSets } from '../packs/pack-store';
import { readerGlossary } from '../reader/reader-glossary';
import { readUserData, watchUserData } from '../user-data/store';
import type { UserData } from '../user-data/types';
import { Popup } from './Popup';
import './popup.css';
import '../ui/card.css';

/**
 * Renders the toolbar popup into `root`. The reader's glossary (bundled, packs, own entries)
 * is indexed once, and again only when the reader's entries or packs change.
 */
export async function startPopup(root: HTMLElement): Promise<void> {
  let userData: UserData = (await readUserData()).data;
  let packs: PackSets = await readPacks();
  const show = () => {
    const { marked, userIds, origins } = readerGlossary({
      bundled: bundledGlossary(),
      userData,
      packs: [...packs.managed, ...packs.installed],
    });
    render(
      <Popup
        index={indexGlossary(marked)}
        search={createSearchIndex(marked.entries)}
        notes={userData.notes}
        userIds={userIds}
        origins={origins}
      />,
      root,
    );
  };
  show();
  watchUserData((data) => {
    userData = data;
    show();
  });
  watchPacks(
    () =>
      void readPacks().then((next) => {
        packs = next;
        show();
      }),
  );
}
