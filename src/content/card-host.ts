/**
 * The card's state in a page (which entry, pinned, anchored where) and its one
 * `<sovereignty-lens-ui>` element. The rendering (Preact, floating-ui) is the card UI
 * script, loaded on the first card (`CardHostOptions.loadUi`).
 */
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { Lang } from '../glossary/types';
import type { PackOrigin } from '../packs/apply-packs';
import { UI_ELEMENT } from '../page/collect-text';
import type { CardUi } from './card-ui';
import type { UiHost } from './ui-host';

export interface CardHostOptions {
  /** What the card of an entry shows, asked for when it opens (undefined when it cannot be had). */
  data: (id: string) => Promise<CardView | undefined>;
  /** Opens an entry in the full glossary (through the background: no extension URL in the page). */
  openInGlossary: (id: string) => void;
  /** Called when the pointer enters (true) or leaves (false) the card. */
  onPointerInside: (inside: boolean) => void;
  onClosed: () => void;
  /** The card UI script, loaded on first use (undefined when it cannot be loaded). */
  loadUi: () => Promise<CardUi | undefined>;
}

/** What one card shows: its entry and its neighbours, the reader's note on it, their own entries. */
export interface CardView {
  index: GlossaryIndex;
  note: string | undefined;
  userIds: ReadonlySet<string>;
  origins: ReadonlyMap<string, PackOrigin>;
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
  #ui: UiHost | undefined;
  #renderer: CardUi | undefined;
  #rendererLoading: Promise<CardUi | undefined> | undefined;
  #state: CardState | undefined;
  /** Renders in the order they were asked for: a late answer never covers a newer card. */
  #renders = 0;

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

  /** Starts loading what the card of `id` needs (the card UI, its data) before it opens. */
  prepare(id: string): void {
    if (!this.#renderer) void this.#loadRenderer();
    void this.#options.data(id);
  }

  #loadRenderer(): Promise<CardUi | undefined> {
    this.#rendererLoading ??= this.#options.loadUi().then((renderer) => {
      this.#renderer = renderer;
      if (!renderer) this.#rendererLoading = undefined; // try again next time
      return renderer;
    });
    return this.#rendererLoading;
  }

  hide(): void {
    if (!this.#state) return;
    this.#state = undefined;
    void this.#render();
    this.#options.onClosed();
  }

  async #render(): Promise<void> {
    const ticket = ++this.#renders;
    const id = this.entryId;
    const [view, renderer] = await Promise.all([
      id ? this.#options.data(id) : undefined,
      this.#renderer ?? this.#loadRenderer(),
    ]);
    if (ticket !== this.#renders || !renderer) return;
    const state = this.#state;
    const ui = (this.#ui ??= renderer.createUiHost());
    // First card, or the page replaced its body (or removed our element): mount again.
    if (state && !ui.host.isConnected) ui.attach();
    if (!state || !view) {
      renderer.renderCard(ui.container, null);
      return;
    }
    const update = (change: Partial<CardState>) => {
      if (!this.#state) return;
      this.#state = { ...this.#state, ...change };
      void this.#render();
    };
    renderer.renderCard(ui.container, {
      index: view.index,
      note: view.note,
      userIds: view.userIds,
      origins: view.origins,
      lang: state.lang,
      dark: state.dark,
      stack: state.stack,
      anchor: state.anchor,
      pinned: state.pinned,
      focus: state.focus,
      onOpenInGlossary: this.#options.openInGlossary,
      onOpenEntry: (next) => update({ stack: [...state.stack, next], pinned: true }),
      onBack: () => update({ stack: state.stack.slice(0, -1) }),
      onTogglePin: () => update({ pinned: !state.pinned }),
      onClose: () => this.hide(),
      onPointerEnter: () => this.#options.onPointerInside(true),
      onPointerLeave: () => this.#options.onPointerInside(false),
    });
  }

  /** Removes the UI element from the page. */
  destroy(): void {
    this.#state = undefined;
    this.#renders++;
    if (this.#ui) this.#renderer?.renderCard(this.#ui.container, null);
    this.#ui?.remove();
    this.#ui = undefined;
  }
}
