/**
 * Everything the extension does in one document while it is enabled there: marks,
 * hover cards, keyboard navigation. `stop()` undoes all of it.
 */
import { browser } from 'wxt/browser';
import type { Matcher } from '../glossary/matcher';
import type { Kind } from '../glossary/types';
import { Annotator, compareMentions, type AnnotatorConfig } from '../page/annotator';
import { FOCUS_HIGHLIGHT, HOVER_HIGHLIGHT } from '../page/highlights';
import { HitTester } from '../page/hit-test';
import { readerIsDark, readerLanguage } from '../reader/preferences';
import type { PlacedMention } from '../page/mention-index';
import type { Settings } from '../settings/settings';
import { CardHost, type CardView } from './card-host';
import type { CardUi } from './card-ui';
import { HoverController } from './hover';

export interface PageSessionOptions {
  /** What the card of an entry shows, asked for when it opens. */
  cardData: (id: string) => Promise<CardView | undefined>;
  /** Opens an entry in the full glossary. */
  openInGlossary: (id: string) => void;
  /** The card UI script, loaded when the first card is about to open. */
  loadCardUi: () => Promise<CardUi | undefined>;
  /** Each entry's kind. */
  kinds: Readonly<Record<string, Kind>>;
  matcher: Matcher;
  settings: Settings;
  onChange: () => void;
}

export function annotatorConfig(settings: Settings): AnnotatorConfig {
  return {
    style: settings.highlightStyle,
    kinds: settings.kinds,
    markMode: settings.markMode,
    scope: settings.scope,
  };
}

export class PageSession {
  readonly annotator: Annotator;
  readonly #abort = new AbortController();
  readonly #cards: CardHost;
  readonly #hover: HoverController;
  readonly #hitTester: HitTester;
  #settings: Settings;
  #focused: PlacedMention | undefined;
  #marksVisible = true;

  constructor({
    cardData,
    openInGlossary,
    loadCardUi,
    kinds,
    matcher,
    settings,
    onChange,
  }: PageSessionOptions) {
    this.#settings = settings;
    this.annotator = new Annotator({
      doc: document,
      matcher,
      kindOf: (id) => (Object.hasOwn(kinds, id) ? kinds[id] : undefined),
      config: annotatorConfig(settings),
      onChange,
    });
    this.#hitTester = new HitTester(document, this.annotator.index, () =>
      this.annotator.shadowRoots(),
    );
    this.#cards = new CardHost({
      data: cardData,
      openInGlossary,
      loadUi: loadCardUi,
      onPointerInside: (inside) => this.#hover.pointerInsideCard(inside),
      onClosed: () => {
        this.#hover.closed();
        this.annotator.highlights.mark(HOVER_HIGHLIGHT, undefined);
      },
    });
    this.#hover = new HoverController({
      win: window,
      hitTester: this.#hitTester,
      delayMs: () => this.#settings.hoverDelayMs,
      isInsideUi: (event) => this.#cards.contains(event),
      show: (mention) => this.#openCard(mention, false),
      prepare: (mention) => this.#cards.prepare(mention.id),
      hide: () => this.#cards.hide(),
      isPinned: () => this.#cards.pinned,
      isOpen: () => this.#cards.open,
      signal: this.#abort.signal,
    });
  }

  async start(): Promise<void> {
    await this.annotator.start();
  }

  async configure(settings: Settings): Promise<void> {
    this.#settings = settings;
    await this.annotator.configure(annotatorConfig(settings));
  }

  stop(): void {
    this.#abort.abort();
    this.#cards.destroy();
    this.annotator.stop();
  }

  /** Scrolls to the next mention of `id` after the focused one, marks it and opens its card. */
  reveal(id: string): boolean {
    const mentions = this.annotator.orderedMentions().filter((m) => m.id === id);
    if (mentions.length === 0) return false;
    const after = this.#focused?.id === id ? this.#focused : undefined;
    const next = (after && mentions.find((m) => compareMentions(m, after) > 0)) ?? mentions[0]!;
    this.#focus(next);
    return true;
  }

  /** Moves the focus mark to the next or previous mention of any entity. */
  step(direction: 1 | -1): boolean {
    const mentions = this.annotator.orderedMentions();
    if (mentions.length === 0) return false;
    const current = this.#focused ? mentions.indexOf(this.#focused) : -1;
    const index =
      current < 0
        ? direction === 1
          ? 0
          : mentions.length - 1
        : (current + direction + mentions.length) % mentions.length;
    this.#focus(mentions[index]!);
    return true;
  }

  /** Shows or hides the marks (the annotation stays, so hover and counts keep working). */
  toggleMarks(): boolean {
    this.#marksVisible = !this.#marksVisible;
    this.annotator.highlights.setStyle(this.#marksVisible ? this.#settings.highlightStyle : 'off');
    return this.#marksVisible;
  }

  /** Shows the card of an entry next to the current selection (context menu). */
  async showForSelection(id: string): Promise<void> {
    const selection = window.getSelection();
    const rect =
      selection && selection.rangeCount > 0
        ? selection.getRangeAt(0).getBoundingClientRect()
        : undefined;
    await this.#cards.show(id, () => rect ?? new DOMRect(innerWidth / 2, 80, 0, 0), {
      lang: readerLanguage(this.#settings, uiLanguage()),
      dark: readerIsDark(this.#settings, pageLooksDark),
      focus: true,
    });
  }

  #focus(mention: PlacedMention): void {
    this.#focused = mention;
    this.annotator.highlights.mark(FOCUS_HIGHLIGHT, mention.range);
    const element = mention.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.#hover.openNow(mention);
    void this.#openCard(mention, true);
  }

  async #openCard(mention: PlacedMention, focus: boolean): Promise<void> {
    this.annotator.highlights.mark(HOVER_HIGHLIGHT, mention.range);
    await this.#cards.show(mention.id, () => this.#hitTester.rects(mention)[0], {
      lang: readerLanguage(this.#settings, uiLanguage()),
      dark: readerIsDark(this.#settings, pageLooksDark),
      focus,
    });
  }
}

/** Dark card on a dark page; the OS preference when the page says nothing. */
function uiLanguage(): string {
  return browser.i18n?.getUILanguage?.() ?? navigator.language;
}

function pageLooksDark(): boolean {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const color = getComputedStyle(element).backgroundColor;
    const rgb = color.match(/\d+(\.\d+)?/g)?.map(Number);
    if (!rgb || rgb.length < 3 || rgb[3] === 0) continue;
    const [r, g, b] = rgb as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}
