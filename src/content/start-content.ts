import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Glossary, Kind } from '../glossary/types';
import { bundledGlossary } from '../glossary/bundled';
import { indexGlossary, type GlossaryIndex } from '../glossary/glossary-index';
import { compiledGlossary } from '../glossary/compiled-glossary';
import { compileMatcher, matcherFromCompiled, type Matcher } from '../glossary/matcher';
import { createSearchIndex } from '../glossary/search';
import { sendToBackground } from '../messaging/send';
import { isOwnSender, parseMessage, type Message, type PageSummary } from '../messaging/protocol';
import { supportsHighlights } from '../page/highlights';
import { mergeUserEntries, userEntryIds } from '../user-data/merge';
import { readUserData, watchUserData } from '../user-data/store';
import type { UserData } from '../user-data/types';
import { isSiteDisabled, readSettings, watchSettings, type Settings } from '../settings/settings';
import { PageSession } from './page-session';

/** Starts the in-page work of the extension for one document. */
export function startContent(ctx: ContentScriptContext): void {
  void new ContentController(ctx).run();
}

class ContentController {
  readonly #ctx: ContentScriptContext;
  /** The glossary of this document, its index (built on first need) and kinds. */
  #glossary: Glossary | undefined;
  #index: GlossaryIndex | undefined;
  #kinds: Readonly<Record<string, Kind>> | undefined;
  #matcher: Matcher | undefined;
  #userData: UserData | undefined;
  #session: PageSession | undefined;
  #settings: Settings | undefined;
  #lastDistinct = -1;
  #notifyTimer: number | undefined;

  constructor(ctx: ContentScriptContext) {
    this.#ctx = ctx;
  }

  async run(): Promise<void> {
    const onMessage = (
      raw: unknown,
      sender: Browser.runtime.MessageSender,
    ): Promise<unknown> | undefined => {
      const message = parseMessage(raw);
      if (!message || !isOwnSender(sender, browser.runtime.id)) return undefined;
      return this.#handle(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.#ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.#session?.stop();
    });
    const unwatch = watchSettings((settings) => void this.#apply(settings));
    this.#ctx.onInvalidated(unwatch);
    await this.#apply(await readSettings());
  }

  /** Why the extension does nothing on this page, if it does nothing. */
  #offReason(settings: Settings): PageSummary['reason'] {
    if (!supportsHighlights(window)) return 'unsupported';
    if (settings.paused) return 'paused';
    if (isSiteDisabled(location.hostname, settings.disabledSites)) return 'site-disabled';
    return undefined;
  }

  async #apply(settings: Settings): Promise<void> {
    this.#settings = settings;
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
    // Read and compiled once per document, and only where the extension is on.
    if (!this.#userData) {
      this.#userData = (await readUserData()).data;
      const unwatch = watchUserData((data) => void this.#userDataChanged(data));
      this.#ctx.onInvalidated(unwatch);
    }
    if (this.#session) return; // started while the user data was read
    this.#prepareGlossary();
    const userData = this.#userData;
    this.#session = new PageSession({
      ctx: this.#ctx,
      index: () => this.#glossaryIndex(),
      kinds: this.#kinds!,
      matcher: this.#matcher!,
      notes: userData.notes,
      userIds: userEntryIds(userData),
      settings,
      onChange: () => this.#notify(),
    });
    await this.#session.start();
  }

  /**
   * The matcher of this document: the bundled glossary's, compiled at build time, which
   * needs neither the glossary itself nor its index (both wait for a card or a look-up);
   * or, with the reader's own entries, the merged glossary compiled here.
   */
  #prepareGlossary(): void {
    if (this.#matcher && this.#kinds) return;
    const userData = this.#userData;
    if (userData && (userData.entries.length > 0 || userData.hidden.length > 0)) {
      this.#glossary = mergeUserEntries(bundledGlossary(), userData);
      this.#matcher = compileMatcher(this.#glossary.entries);
      this.#kinds = Object.fromEntries(this.#glossary.entries.map((e) => [e.id, e.kind]));
    } else {
      this.#matcher = matcherFromCompiled(compiledGlossary);
      this.#kinds = compiledGlossary.kinds;
    }
  }

  #glossaryEntries(): Glossary {
    return (this.#glossary ??= bundledGlossary());
  }

  #glossaryIndex(): GlossaryIndex {
    return (this.#index ??= indexGlossary(this.#glossaryEntries()));
  }

  /** The reader's entries changed (glossary page, import): marks follow at once. */
  async #userDataChanged(data: UserData): Promise<void> {
    this.#userData = data;
    this.#glossary = undefined;
    this.#index = undefined;
    this.#kinds = undefined;
    this.#matcher = undefined;
    if (!this.#session || !this.#settings) return;
    this.#session.stop();
    this.#session = undefined;
    await this.#apply(this.#settings);
  }

  async #handle(message: Message): Promise<unknown> {
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
      default:
        return undefined;
    }
  }

  /** The entry a selected text names (the matcher first, then the search), shown as a card. */
  async #lookUp(text: string): Promise<boolean> {
    const session = this.#session;
    if (!session || !this.#matcher) return false;
    const id =
      this.#matcher.findMentions(text)[0]?.id ??
      createSearchIndex(this.#glossaryEntries().entries).search(text, 1)[0]?.entry.id;
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
      void sendToBackground({ type: 'tab/summary-changed', distinct, active: !!this.#session });
    }, 100);
  }
}
