/**
 * The script the manifest injects into the top frame of every page: small, and cheap on
 * pages that are not articles. It reads the reader's settings, looks at the frame
 * (`frameVerdict`: size and paragraph text), and only where an article can be asks the
 * background to inject the annotator (parts.ts), which then does everything else. A
 * frame without prose is looked at again, at most every few seconds, while its page
 * grows (single-page apps), and the popup's "Mark this page" starts the annotator on it
 * anyway.
 *
 * Sub-frames: when the top frame holds a frame large enough to read, it asks the
 * background to put this loader into the sub-frames that are that large (at any depth);
 * there it decides again for its own frame. Ads and widgets never get it.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnSender, parseMessage, type Message, type PageSummary } from '../messaging/protocol';
import { supportsHighlights } from '../page/highlights';
import { readSettingsRaw, watchSettingsRaw } from '../settings/settings-read';
import { isSiteDisabled, type Settings } from '../settings/settings-shape';
import { frameVerdict, newFrames, readableFrames } from './article-signal';
import { markLoaderPresent } from './frame-probe';
import { Lifetime } from './lifetime';
import { loadPart } from './parts';
import { requestFromBackground } from '../messaging/send';
import { onPersonalStored, readPersonal } from '../user-data/personal-read';
import type { ContentAnnotator } from './start-content';

/** How often, at most, a frame without prose is looked at again while its DOM changes. */
const RECHECK_MS = 2_000;
/** After this long without prose, the frame is left alone (the popup can still start it). */
const RECHECK_FOR_MS = 60_000;
/** When, after `load`, the top frame looks again for frames large enough to read. */
const FRAME_RECHECKS_MS = [1_000, 4_000, 15_000];

export function startLoader(ctx: ContentScriptContext): void {
  void new Loader(ctx, Lifetime.follow(ctx)).run();
}

class Loader {
  readonly #ctx: ContentScriptContext;
  readonly #life: Lifetime;
  #settings: Settings | undefined;
  /** The annotator, once asked for; it answers this frame's messages from then on. */
  #started: Promise<ContentAnnotator | undefined> | undefined;
  #observer: MutationObserver | undefined;
  #recheckTimer: number | undefined;
  #recheckUntil = 0;
  /** Frames of this document already looked at (top frame only), and the sizer. */
  readonly #seenFrames = new WeakSet<Element>();
  #frameSizes: IntersectionObserver | undefined;
  /** A request for the sub-frames is on its way; `#framesAgain` asks once more after it. */
  #framesPending = false;
  #framesAgain = false;

  constructor(ctx: ContentScriptContext, life: Lifetime) {
    this.#ctx = ctx;
    this.#life = life;
  }

  async run(): Promise<void> {
    markLoaderPresent();
    const onMessage = (
      raw: unknown,
      sender: Browser.runtime.MessageSender,
    ): Promise<unknown> | undefined => {
      const message = parseMessage(raw);
      if (!message || !this.#life.check() || !isOwnSender(sender, browser.runtime.id)) {
        return undefined;
      }
      return this.#handle(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    const unwatch = watchSettingsRaw((settings) => {
      this.#settings = settings;
      this.#consider();
    });
    this.#life.onEnd(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
      this.#frameSizes?.disconnect();
      this.#stopWatching();
    });
    if (!supportsHighlights(window)) return;
    this.#settings = await readSettingsRaw();
    this.#consider();
    if (window === window.top) {
      // Frames the page's scripts add after the first look: at `load`, then a few times.
      const later = () => {
        this.#considerFrames();
        for (const delay of FRAME_RECHECKS_MS) {
          const timer = window.setTimeout(() => this.#considerFrames(), delay);
          this.#life.onEnd(() => clearTimeout(timer));
        }
      };
      if (document.readyState === 'complete') later();
      else window.addEventListener('load', later, { once: true });
    }
  }

  /** Why the extension does nothing in this frame, if it does nothing. */
  #reason(): PageSummary['reason'] {
    const settings = this.#settings;
    if (!supportsHighlights(window)) return 'unsupported';
    if (!settings) return undefined;
    if (settings.paused) return 'paused';
    if (isSiteDisabled(location.hostname, settings.disabledSites)) return 'site-disabled';
    if (frameVerdict(window, document, settings.scope === 'page') !== 'article') {
      return 'not-article';
    }
    return undefined;
  }

  /**
   * Top frame: asks the background for the loader in the sub-frames when this document
   * holds a new frame large enough to read, and again when such a frame loads a page.
   */
  #considerFrames(): void {
    const settings = this.#settings;
    if (window !== window.top || !settings || !this.#life.check()) return;
    if (settings.paused || isSiteDisabled(location.hostname, settings.disabledSites)) return;
    // The frames' sizes come from an IntersectionObserver: asynchronous, so looking never
    // forces a layout of the page.
    this.#frameSizes ??= new IntersectionObserver((entries) => {
      const readable = readableFrames(entries);
      for (const { target } of entries) this.#frameSizes?.unobserve(target);
      for (const frame of readable) frame.addEventListener('load', () => this.#requestFrames());
      if (readable.length > 0) this.#requestFrames();
    });
    for (const frame of newFrames(document, this.#seenFrames)) this.#frameSizes.observe(frame);
  }

  #requestFrames(): void {
    if (this.#framesPending) {
      this.#framesAgain = true;
      return;
    }
    this.#framesPending = true;
    void requestFromBackground({ type: 'content/frames' }).finally(() => {
      this.#framesPending = false;
      if (!this.#framesAgain || !this.#life.check()) return;
      this.#framesAgain = false;
      this.#requestFrames();
    });
  }

  /** Starts the annotator if this frame can hold an article; else maybe looks again later. */
  #consider(): void {
    if (!this.#started && this.#life.check() && this.#settings) {
      const reason = this.#reason();
      // The annotator first: its injection is the longest wait before the first marks.
      if (!reason) void this.#start();
      else if (reason === 'not-article' && window === window.top) this.#watchForProse();
    }
    this.#considerFrames();
  }

  /**
   * Injects the annotator into this frame and hands it over, with the settings and the
   * reader's glossary state read meanwhile (so that its first scan waits for no storage).
   */
  #start(): Promise<ContentAnnotator | undefined> {
    this.#stopWatching();
    if (this.#started) return this.#started;
    // A write of the reader's data from now until the hand-over: the annotator reads it.
    let written = false;
    const stop = onPersonalStored(() => (written = true));
    this.#started = Promise.all([loadPart('annotator'), readPersonal()]).then(
      ([part, personal]) => {
        stop();
        const settings = this.#settings;
        if (!part || !settings || !this.#life.check()) {
          this.#started = undefined;
          return undefined;
        }
        return part.start(this.#ctx, written ? undefined : { settings, personal });
      },
    );
    return this.#started;
  }

  /**
   * A page whose prose arrives later (a single-page app rendering its article): look
   * again when the DOM changes, at most every RECHECK_MS, for RECHECK_FOR_MS.
   */
  #watchForProse(): void {
    if (this.#observer) return;
    this.#recheckUntil = performance.now() + RECHECK_FOR_MS;
    this.#observer = new MutationObserver(() => {
      if (this.#recheckTimer !== undefined) return;
      if (performance.now() > this.#recheckUntil) {
        this.#stopWatching();
        return;
      }
      this.#recheckTimer = window.setTimeout(() => {
        this.#recheckTimer = undefined;
        this.#consider();
      }, RECHECK_MS);
    });
    this.#observer.observe(document, { childList: true, subtree: true });
  }

  #stopWatching(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.#recheckTimer !== undefined) clearTimeout(this.#recheckTimer);
    this.#recheckTimer = undefined;
  }

  async #handle(message: Message): Promise<unknown> {
    if (this.#started) {
      const annotator = await this.#started;
      if (annotator) return annotator.handle(message);
    }
    switch (message.type) {
      case 'page/get-summary': {
        const summary: PageSummary = { url: location.href, active: false, entities: [] };
        const reason = this.#reason();
        if (reason) summary.reason = reason;
        return summary;
      }
      case 'page/start':
      case 'page/reveal':
      case 'page/step':
      case 'page/toggle-marks':
      case 'page/look-up': {
        // The reader asked for the extension here: start it (unless paused or off for
        // the site), then let it answer.
        const reason = this.#reason();
        if (reason && reason !== 'not-article') return undefined;
        const annotator = await this.#start();
        if (!annotator) return undefined;
        await annotator.ready;
        return message.type === 'page/start' ? { active: true } : annotator.handle(message);
      }
      default:
        return undefined;
    }
  }
}
