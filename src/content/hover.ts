/**
 * Hover intent for the in-page card: the card opens after a short delay on a mention,
 * not while the pointer sweeps fast across text; it stays open while the pointer moves
 * into it, hides after a grace delay, closes with Esc, and stays when pinned.
 */
import type { HitTester } from '../page/hit-test';
import type { PlacedMention } from '../page/mention-index';

/** Pointer speed above which a mention under the pointer is being swept past, not read. */
const SWEEP_PX_PER_MS = 1.2;
const HIDE_GRACE_MS = 350;
/** Without a move for this long, the pointer is at rest. */
const REST_MS = 80;

export interface HoverControllerOptions {
  win: Window;
  hitTester: HitTester;
  delayMs: () => number;
  isInsideUi: (event: Event) => boolean;
  show: (mention: PlacedMention) => void;
  /** A mention came under the pointer: what its card needs can start loading. */
  prepare?: (mention: PlacedMention) => void;
  hide: () => void;
  isPinned: () => boolean;
  isOpen: () => boolean;
  signal: AbortSignal;
}

export class HoverController {
  readonly #o: HoverControllerOptions;
  #current: PlacedMention | undefined;
  #candidate: PlacedMention | undefined;
  #showTimer: number | undefined;
  #hideTimer: number | undefined;
  #frame: number | undefined;
  #last = { x: 0, y: 0, t: 0, speed: 0 };
  /** The element under the pointer at the last move (inside open shadow roots too). */
  #target: EventTarget | null = null;
  #insideUi = false;

  constructor(options: HoverControllerOptions) {
    this.#o = options;
    const { win, signal } = options;
    const listen = { capture: true, passive: true, signal } as const;
    win.addEventListener('pointermove', (e) => this.#onMove(e as PointerEvent), listen);
    win.addEventListener('pointerdown', (e) => this.#onDown(e), listen);
    win.addEventListener('keydown', (e) => this.#onKey(e as KeyboardEvent), {
      capture: true,
      signal,
    });
    signal.addEventListener('abort', () => this.#clearTimers());
  }

  /** The mention whose card is open. */
  get current(): PlacedMention | undefined {
    return this.#current;
  }

  /** Tells the controller the pointer entered or left the card. */
  pointerInsideCard(inside: boolean): void {
    this.#insideUi = inside;
    if (inside) this.#cancelHide();
    else this.#scheduleHide();
  }

  /** Opens a card for `mention` at once (keyboard navigation, popup clicks). */
  openNow(mention: PlacedMention): void {
    this.#clearTimers();
    this.#candidate = undefined;
    this.#current = mention;
    this.#o.show(mention);
  }

  /** Forgets the open card (it was closed elsewhere). */
  closed(): void {
    this.#current = undefined;
    this.#insideUi = false;
    this.#cancelHide();
  }

  #onMove(event: PointerEvent): void {
    // Page scripts can dispatch pointer events: only the reader's own pointer counts.
    if (!event.isTrusted || event.pointerType === 'touch') return;
    const now = event.timeStamp;
    const dt = Math.max(1, now - this.#last.t);
    const distance = Math.hypot(event.clientX - this.#last.x, event.clientY - this.#last.y);
    // Smoothed speed, so one jittery sample does not decide.
    const speed = dt > 200 ? 0 : 0.5 * this.#last.speed + 0.5 * (distance / dt);
    this.#last = { x: event.clientX, y: event.clientY, t: now, speed };
    this.#target = event.composedPath()[0] ?? event.target;
    if (this.#o.isInsideUi(event)) {
      this.pointerInsideCard(true);
      return;
    }
    if (this.#frame !== undefined) return;
    this.#frame = this.#o.win.requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#update();
    });
  }

  #update(): void {
    const { x, y } = this.#last;
    const mention = this.#o.hitTester.mentionAt(x, y, this.#target);
    if (mention && mention === this.#current) {
      this.#cancelHide();
      return;
    }
    if (this.#current && !this.#insideUi) this.#scheduleHide();
    if (!mention) {
      this.#candidate = undefined;
      this.#clearShow();
      return;
    }
    if (mention !== this.#candidate) {
      this.#candidate = mention;
      this.#o.prepare?.(mention);
      this.#armShow();
    }
  }

  #armShow(): void {
    this.#clearShow();
    this.#showTimer = this.#o.win.setTimeout(() => {
      this.#showTimer = undefined;
      const candidate = this.#candidate;
      if (!candidate) return;
      // A pointer that has not moved for a while is at rest, whatever its last speed.
      const resting = performance.now() - this.#last.t > REST_MS;
      if (!resting && this.#last.speed > SWEEP_PX_PER_MS) {
        this.#armShow(); // still sweeping: wait for the pointer to settle
        return;
      }
      if (this.#o.hitTester.mentionAt(this.#last.x, this.#last.y, this.#target) !== candidate)
        return;
      this.#candidate = undefined;
      this.#cancelHide();
      this.#current = candidate;
      this.#o.show(candidate);
    }, this.#o.delayMs());
  }

  #scheduleHide(): void {
    if (this.#hideTimer !== undefined || !this.#o.isOpen() || this.#o.isPinned()) return;
    this.#hideTimer = this.#o.win.setTimeout(() => {
      this.#hideTimer = undefined;
      if (this.#insideUi || this.#o.isPinned()) return;
      this.#current = undefined;
      this.#o.hide();
    }, HIDE_GRACE_MS);
  }

  #onDown(event: Event): void {
    if (!event.isTrusted) return;
    if (this.#o.isInsideUi(event) || !this.#o.isOpen() || this.#o.isPinned()) return;
    this.#current = undefined;
    this.#o.hide();
  }

  #onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || !this.#o.isOpen()) return;
    this.#current = undefined;
    this.#clearTimers();
    this.#o.hide();
  }

  #cancelHide(): void {
    if (this.#hideTimer !== undefined) this.#o.win.clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }

  #clearShow(): void {
    if (this.#showTimer !== undefined) this.#o.win.clearTimeout(this.#showTimer);
    this.#showTimer = undefined;
  }

  #clearTimers(): void {
    this.#clearShow();
    this.#cancelHide();
    if (this.#frame !== undefined) this.#o.win.cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}
