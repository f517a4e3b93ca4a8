import { render } from 'preact';
import { bundledGlossary } from '../glossary/bundled';
import { GlossaryPage } from './GlossaryPage';
import '../ui/card.css';
import './glossary-page.css';

/** Renders the full glossary page (also the options page) into `root`. */
export function startGlossaryPage(root: HTMLElement): void {
  render(<GlossaryPage bundled={bundledGlossary()} />, root);
}
