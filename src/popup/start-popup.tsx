import { render } from 'preact';
import { Popup } from './Popup';

/** Renders the toolbar popup into `root`. */
export function startPopup(root: HTMLElement): void {
  render(<Popup />, root);
}
