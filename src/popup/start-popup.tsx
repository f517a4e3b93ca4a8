import { render } from 'preact';
import { bundledGlossary } from '../glossary/bundled';
import { indexGlossary } from '../glossary/glossary-index';
import { createSearchIndex } from '../glossary/search';
import { readerGlossary } from '../reader/reader-glossary';
import { readUserData, watchUserData } from '../user-data/store';
import type { UserData } from '../user-data/types';
import { Popup } from './Popup';
import './popup.css';
import '../ui/card.css';

/**
 * Renders the toolbar popup into `root`. The glossary (the bundled one plus the reader's
 * own entries) is indexed once, and again only when the reader's entries change.
 */
export async function startPopup(root: HTMLElement): Promise<void> {
  const show = (userData: UserData) => {
    const { marked, userIds } = readerGlossary({ bundled: bundledGlossary(), userData });
    render(
      <Popup
        index={indexGlossary(marked)}
        search={createSearchIndex(marked.entries)}
        notes={userData.notes}
        userIds={userIds}
      />,
      root,
    );
  };
  show((await readUserData()).data);
  watchUserData(show);
}
