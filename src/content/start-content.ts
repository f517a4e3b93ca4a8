import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { indexGlossary } from '../glossary/glossary-index';
import { compiledGlossary } from '../glossary/compiled-glossary';
import {
  compiledKinds,
  matcherFromCompiled,
  type CompiledGlossary,
  type Matcher,
} from '../glossary/matcher';
import type { Kind } from '../glossary/types';
import { requestFromBackground } from '../messaging/send';
import type { Message, PageSummary } from '../messaging/protocol';
import { supportsHighlights } from '../page/highlights';
import { createYielder } from '../page/yield';
import { readPersonal, watchPersonal, type Personal } from '../user-data/personal-read';
import { readSettingsRaw, watchSettingsRaw } from '../settings/settings-read';
import { isSiteDisabled, type Settings } from '../settings/settings-shape';
import type { CardView } from './card-host';
import { Lifetime } from './lifetime';
import { PageSession } from './page-session';
import { loadPart } from './parts';

/** The annotator of one document, as the loader (loader.ts) drives it. */
export interface ContentAnnotator {
  /** Settled once the settings are applied and the first scan has started. */
  readonly ready: Promise<void>;
  /** Answers a message for this frame (the loader's listener passes them on). */
  handle(message: Message): Promise<unknown>;
}

/**
 * What the loader read while the annotator was being injected (it gives none when the
 * reader's data was written meanwhile: the annotator then reads it itself).
 */
export interface StartState {
  settings: Settings;
  personal: Personal;
}

/** Starts the in-page work of the extension for one document. */
export function startContent(ctx: ContentScriptContext, state?: StartState): ContentAnnotator {
  const controller = new ContentController(Lifetime.follow(ctx));
  const ready = controller.run(state);
  return { ready, handle: (message) => controller.handle(message) };
}

class ContentController {
  readonly #life: Lifetime;
  /** The matcher of this document and each entry's kind. */
  #matcher: Matcher | undefined;
  #kinds: Readonly<Record<string, Kind>> | undefined;
  /** Whether the reader's own entries or packs change what to match. */
  #personalState: Personal = { ownEntries: false, packEntries: 0 };
  /** What each card shows, asked of the background when it first opens. */
  #cardViews = new Map<string, Promise<CardView | undefined>>();
  #session: PageSession | undefined;
  #settings: Settings | undefined;
  #lastDistinct = -1;
  #notifyTimer: number | undefined;
  readonly #yield = createYielder(window);

  constructor(life: Lifetime) {
    this.#life = life;
  }

  async run(state?: StartState): Promise<void> {
    // Watching first, in the same task as the loader's hand-over: no change is missed
    // between the loader's reads and these watchers.
    const unwatch = [
      watchSettingsRaw((settings) => void this.#apply(settings)),
      watchPersonal((personal) => {
        this.#personalState = personal;
        void this.#glossaryChanged();
      }),
    ];
    this.#life.onEnd(() => unwatch.forEach((stop) => stop()));
    this.#life.onEnd(() => {
      this.#session?.stop();
      this.#session = undefined;
    });
    await this.#yield();
    // With the loader's reads, the first scan starts without waiting for storage.
    const [settings, personal] = state
      ? [state.settings, state.personal]
      : await Promise.all([readSettingsRaw(), readPersonal()]);
    this.#personalState = personal;
    await this.#apply(settings);
  }

  /** Whether the reader's glossary differs from the bundled one: own or hidden entries, packs. */
  get #personal(): boolean {
    return this.#personalState.ownEntries || this.#personalState.packEntries > 0;
  }

  /** Why the extension does nothing on this page, if it does nothing. */
  #offReason(settings: Settings): PageSummary['reason'] {
    if (!supportsHighlights(window)) return 'unsupported';
    if (settings.paused) return 'paused';
    if (isSiteDisabled(location.hostname, settings.disabledSites)) return 'site-disabled';
    return undefined;
  }

  async #apply(settings: Settings): Promise<void> {
    if (!this.#life.check()) return;
    const previous = this.#settings;
    this.#settings = settings;
    if (previous && previous.markOwnEntries !== settings.markOwnEntries && this.#session) {
      // Another pattern: start over with it.
      this.#session.stop();
      this.#session = undefined;
      this.#matcher = undefined;
      this.#kinds = undefined;
    }
    if (this.#offReason(settings)) {
      this.#session?.stop();
      this.#session = undefined;
      this.#notify();
      return;
    }
    if (this.#session) {
      await this.#session.configure(settings);
      return;
    }
    await this.#prepareMatcher();
    if (this.#session || !this.#matcher || !this.#kinds) return; // started meanwhile
    this.#session = new PageSession({
      cardData: (id) => this.#loadCardView(id),
      openInGlossary: (id) => void requestFromBackground({ type: 'glossary/open-entry', id }),
      loadCardUi: () => loadPart('card-ui'),
      kinds: this.#kinds,
      matcher: this.#matcher,
      settings,
      onChange: () => {
        if (this.#life.check()) this.#notify();
      },
    });
    await this.#session.start();
  }

  /**
   * The matcher of this document: the bundled glossary's table, compiled at build time;
   * with the reader's own or hidden entries, and when the reader lets pages see them
   * (`markOwnEntries`), the background's table of the merged glossary (the bundled one if
   * the background cannot answer).
   */
  async #prepareMatcher(): Promise<void> {
    if (this.#matcher) return;
    let compiled: CompiledGlossary = compiledGlossary();
    if (this.#personal && this.#settings?.markOwnEntries !== false) {
      const mine = await requestFromBackground({ type: 'glossary/get-matcher' });
      if (mine?.version === compiled.version && typeof mine.aliases === 'string') compiled = mine;
    }
    const matcher = matcherFromCompiled(compiled);
    // The first findMentions fills the matcher's lazy tables and warms its code: in a task
    // of its own, so that no task of the start-up grows long.
    await this.#yield();
    matcher.findMentions('Sovereignty Lens');
    await this.#yield();
    this.#matcher ??= matcher;
    this.#kinds ??= compiledKinds(compiled);
  }

  /** What the card of `id` shows, asked of the background once (again after a failure). */
  #loadCardView(id: string): Promise<CardView | undefined> {
    let view = this.#cardViews.get(id);
    if (!view) {
      view = requestFromBackground({ type: 'glossary/get-card', id }).then((data) => {
        if (!data || !Array.isArray(data.entries)) {
          this.#cardViews.delete(id);
          return undefined;
        }
        return {
          index: indexGlossary({ version: 1, entries: data.entries }),
          note: data.note ?? undefined,
          userIds: new Set(data.userIds),
          origins: new Map(Object.entries(data.origins ?? {})),
        };
      });
      this.#cardViews.set(id, view);
    }
    return view;
  }

  /** The reader's entries changed (glossary page, import): marks and cards follow at once. */
  async #glossaryChanged(): Promise<void> {
    this.#cardViews.clear();
    this.#matcher = undefined;
    this.#kinds = undefined;
    if (!this.#session || !this.#settings) return;
    this.#session.stop();
    this.#session = undefined;
    await this.#apply(this.#settings);
  }

  async handle(message: Message): Promise<unknown> {
    if (!this.#life.check()) return undefined;
    const session = this.#session;
    switch (message.type) {
      case 'page/get-summary':
        return this.#summary();
      case 'page/reveal':
        return { found: session?.reveal(message.id) ?? false };
      case 'page/step':
        return { found: session?.step(message.direction) ?? false };
      case 'page/toggle-marks':
        return { visible: session?.toggleMarks() ?? false };
      case 'page/look-up':
        return { found: await this.#lookUp(message.text) };
      case 'page/start':
        return { active: !!session };
      default:
        return undefined;
    }
  }

  /** The entry a selected text names (a mention in it, else the background's search), as a card. */
  async #lookUp(text: string): Promise<boolean> {
    const session = this.#session;
    if (!session || !this.#matcher) return false;
    const id =
      this.#matcher.findMentions(text)[0]?.id ??
      (await requestFromBackground({ type: 'glossary/resolve', text }))?.id;
    if (!id) return false;
    await session.showForSelection(id);
    return true;
  }

  #summary(): PageSummary {
    const settings = this.#settings;
    const reason = settings ? this.#offReason(settings) : undefined;
    const counts = this.#session?.annotator.counts() ?? new Map<string, number>();
    const summary: PageSummary = {
      url: location.href,
      active: !!this.#session,
      entities: [...counts].map(([id, count]) => ({ id, count })),
    };
    if (reason) summary.reason = reason;
    return summary;
  }

  /** Tells the background the number of distinct entities, only in the top frame, debounced. */
  #notify(): void {
    if (window.top !== window) return;
    if (this.#notifyTimer !== undefined) clearTimeout(this.#notifyTimer);
    this.#notifyTimer = window.setTimeout(() => {
      this.#notifyTimer = undefined;
      const distinct = this.#session?.annotator.counts().size ?? 0;
      if (distinct === this.#lastDistinct && this.#session) return;
      this.#lastDistinct = distinct;
      void requestFromBackground({
        type: 'tab/summary-changed',
        distinct,
        active: !!this.#session,
      });
    }, 100);
  }
}
