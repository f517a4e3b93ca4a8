import { render } from 'preact';
import { bundledGlossary } from '../glossary/bundled';
import { indexGlossary } from '../glossary/glossary-index';
import { createSearchIndex } from '../glossary/search';
import { Popup } from './Popup';
import './popup.css';
import '../ui/card.css';

/** Renders the toolbar popup into `root`; the glossary's indexes are built once here. */
export function startPopup(root: HTMLElement): void {
  const index = indexGlossary(bundledGlossary);
  const search = createSearchIndex(bundledGlossary.entries);
  render(<Popup index={index} search={search} />, root);
}
