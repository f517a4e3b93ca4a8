import { render } from 'preact';
import { GlossaryPage } from './GlossaryPage';

/** Renders the full glossary page (also the options page) into `root`. */
export function startGlossaryPage(root: HTMLElement): void {
  render(<GlossaryPage />, root);
}
