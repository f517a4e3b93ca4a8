/**
 * The card's rendering: Preact, floating-ui and the card component. Shipped as its own
 * script (entrypoints/card-ui.ts) and loaded into a page only when a card is first
 * needed (see parts.ts); `CardHost` (card-host.ts) keeps the state and calls it.
 */
import { render } from 'preact';
import { HoverLayer, type HoverLayerProps } from './HoverLayer';
import { createUiHost, type UiHost } from './ui-host';

export type { HoverLayerProps };

/** What the card script provides to the annotator. */
export interface CardUi {
  createUiHost(): UiHost;
  /** Renders the card into the host's container; `null` empties it. */
  renderCard(container: HTMLElement, props: HoverLayerProps | null): void;
}

export const cardUi: CardUi = {
  createUiHost: () => createUiHost(),
  renderCard(container, props) {
    render(props ? <HoverLayer {...props} /> : null, container);
  },
};
