import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { Lang } from '../glossary/types';
import { UI_ELEMENT } from '../page/collect-text';
import { HoverLayer } from './HoverLayer';

/**
 * Host styles, inside the shadow root: `!important` rules there beat the page's own
 * `!important` rules on the host, so page CSS cannot hide, move or restyle it.
 */
const HOST_CSS = `:host{position:fixed!important;inset:0 auto auto 0!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;display:block!important;visibility:visible!important;opacity:1!important;z-index:2147483647!important;pointer-events:none!important;transform:none!important;filter:none!important;contain:none!important;background:none!important}`;

export interface CardHostOptions {
  ctx: ContentScriptContext;
  /** What cards show, asked for on the first card (undefined when it cannot be had). */
  data: () => Promise<CardView | undefined>;
  entryHref: (id: string) => string;
  /** Called when the pointer enters (true) or leaves (false) the card. */
  onPointerInside: (inside: boolean) => void;
  onClosed: () => void;
}

/** The glossary as cards show it: entries, the reader's notes and own entries. */
export interface CardView {
  index: GlossaryIndex;
  notes: Record<string, string>;
  userIds: ReadonlySet<string>;
}

interface CardState {
  stack: string[];
  anchor: () => DOMRect | undefined;
  pinned: boolean;
  focus: boolean;
  lang: Lang;
  dark: boolean;
}

/** The one `<sovereignty-lens-ui>` element, created on first use, and the card in it. */
export class CardHost {
  readonly #options: CardHostOptions;
  #ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  #state: CardState | undefined;

  constructor(options: CardHostOptions) {
    this.#options = options;
  }

  get open(): boolean {
    return this.#state !== undefined;
  }

  get pinned(): boolean {
    return this.#state?.pinned ?? false;
  }

  get entryId(): string | undefined {
    return this.#state?.stack[this.#state.stack.length - 1];
  }

  /** Whether an event happened inside the extension's UI. */
  contains(event: Event): boolean {
    return event.composedPath().some((target) => (target as Element).localName === UI_ELEMENT);
  }

  async show(
    id: string,
    anchor: () => DOMRect | undefined,
    view: { lang: Lang; dark: boolean; focus?: boolean },
  ): Promise<void> {
    this.#state = {
      stack: [id],
      anchor,
      pinned: false,
      focus: view.focus ?? false,
      lang: view.lang,
      dark: view.dark,
    };
    await this.#render();
  }

  hide(): void {
    if (!this.#state) return;
    this.#state = undefined;
    void this.#render();
    this.#options.onClosed();
  }

  async #render(): Promise<void> {
    const view = this.#state ? await this.#options.data() : undefined;
    const ui = await this.#mount();
    const state = this.#state;
    // The page replaced its body (or removed our element): mount again in the new one.
    if (state && !ui.shadowHost.isConnected) this.#attach(ui);
    const root = ui.uiContainer;
    if (!state || !view) {
      render(null, root);
      return;
    }
    const update = (change: Partial<CardState>) => {
      if (!this.#state) return;
      this.#state = { ...this.#state, ...change };
      void this.#render();
    };
    render(
      <HoverLayer
        index={view.index}
        notes={view.notes}
        userIds={view.userIds}
        lang={state.lang}
        dark={state.dark}
        stack={state.stack}
        anchor={state.anchor}
        pinned={state.pinned}
        focus={state.focus}
        entryHref={this.#options.entryHref}
        onOpenEntry={(next) => update({ stack: [...state.stack, next], pinned: true })}
        onBack={() => update({ stack: state.stack.slice(0, -1) })}
        onTogglePin={() => update({ pinned: !state.pinned })}
        onClose={() => this.hide()}
        onPointerEnter={() => this.#options.onPointerInside(true)}
        onPointerLeave={() => this.#options.onPointerInside(false)}
      />,
      root,
    );
  }

  #mount(): Promise<ShadowRootContentScriptUi<void>> {
    this.#ui ??= createShadowRootUi<void>(this.#options.ctx, {
      name: UI_ELEMENT,
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      css: HOST_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
      onRemove: () => undefined,
    }).then((ui) => {
      this.#attach(ui);
      return ui;
    });
    return this.#ui;
  }

  /** Puts the host in the page (at the end of the current body) and in the top layer. */
  #attach(ui: ShadowRootContentScriptUi<void>): void {
    ui.mount();
    const host = ui.shadowHost;
    // The top layer puts the card above any z-index the page uses.
    if (typeof host.showPopover === 'function') {
      host.setAttribute('popover', 'manual');
      try {
        host.showPopover();
      } catch {
        // Not connected or already shown: the fixed host still works.
      }
    }
  }

  /** Removes the UI element from the page. */
  destroy(): void {
    this.#state = undefined;
    void this.#ui?.then((ui) => ui.remove());
    this.#ui = undefined;
  }
}
