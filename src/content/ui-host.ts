/**
 * The one `<sovereignty-lens-ui>` element the extension adds to a page, with a **closed**
 * shadow root: the card may show the reader's own notes and entries, so page scripts must
 * not reach into it (`host.shadowRoot` is null for them). The card's styles are inlined
 * into the root, so no extension file is web-accessible and the page never sees an
 * extension URL (in Firefox, that URL carries a per-install identifier).
 */
import cardCss from '../ui/card.css?inline';
import { UI_ELEMENT } from '../page/collect-text';

/**
 * Host styles, inside the shadow root: `!important` rules there beat the page's own
 * `!important` rules on the host, so page CSS cannot hide, move or restyle it.
 */
const HOST_CSS = `:host{all:initial!important;position:fixed!important;inset:0 auto auto 0!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;display:block!important;visibility:visible!important;opacity:1!important;z-index:2147483647!important;pointer-events:none!important;transform:none!important;filter:none!important;contain:none!important;background:none!important}`;

/** Key events typed in the card stay in the card (the page's shortcuts do not see them). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface UiHost {
  /** The element in the page. */
  readonly host: HTMLElement;
  /** Where the UI renders, inside the closed shadow root. */
  readonly container: HTMLElement;
  /** Puts the host at the end of the current body (again, if the page replaced it). */
  attach(): void;
  remove(): void;
}

export function createUiHost(doc: Document = document): UiHost {
  const host = doc.createElement(UI_ELEMENT);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${HOST_CSS}\n${cardCss}`;
  const container = doc.createElement('div');
  for (const type of ISOLATED_EVENTS) {
    container.addEventListener(type, (event) => event.stopPropagation());
  }
  shadow.append(style, container);
  return {
    host,
    container,
    attach() {
      (doc.body ?? doc.documentElement).append(host);
      // The top layer puts the card above any z-index the page uses.
      if (typeof host.showPopover === 'function') {
        host.setAttribute('popover', 'manual');
        try {
          host.showPopover();
        } catch {
          // Not connected or already shown: the fixed host still works.
        }
      }
    },
    remove() {
      host.remove();
    },
  };
}
