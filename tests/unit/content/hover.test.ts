/**
 * The hover controller (src/content/hover.ts) with fake timers and a stand-in window: the
 * card opens after the delay on a mention the pointer rests on, not while it sweeps past,
 * closes after a grace delay, stays while the pointer is in the card or the card is pinned,
 * closes on Escape and on a click outside, and ignores events a page script dispatches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverController } from '../../../src/content/hover';
import type { HitTester } from '../../../src/page/hit-test';
import type { PlacedMention } from '../../../src/page/mention-index';

const DELAY = 300;
const GRACE = 350;

function mention(id: string): PlacedMention {
  return {
    id,
    kind: 'company',
    text: id,
    range: {} as StaticRange,
    endpoints: {} as StaticRangeInit,
    nodes: [],
  };
}

function setUp(options: { pinned?: boolean } = {}) {
  const listeners = new Map<string, ((event: Event) => void)[]>();
  const win = {
    addEventListener(type: string, fn: (event: Event) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), fn]);
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    requestAnimationFrame: (fn: FrameRequestCallback) =>
      setTimeout(() => fn(performance.now()), 16),
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  } as unknown as Window;
  const nvidia = mention('nvidia');
  const tsmc = mention('tsmc');
  // Nvidia under x 0-99, TSMC under x 200-299, nothing elsewhere.
  const hitTester = {
    mentionAt: (x: number) => (x < 100 ? nvidia : x >= 200 && x < 300 ? tsmc : undefined),
  } as unknown as HitTester;
  const events: string[] = [];
  let open = false;
  const abort = new AbortController();
  const controller = new HoverController({
    win,
    hitTester,
    delayMs: () => DELAY,
    isInsideUi: (event) => (event as PointerEvent).clientY > 500,
    show: (m) => {
      open = true;
      events.push(`show ${m.id}`);
    },
    prepare: (m) => events.push(`prepare ${m.id}`),
    hide: () => {
      open = false;
      events.push('hide');
    },
    isPinned: () => options.pinned === true,
    isOpen: () => open,
    signal: abort.signal,
  });
  const fire = (type: string, fields: Record<string, unknown>) => {
    const event = {
      type,
      isTrusted: true,
      pointerType: 'mouse',
      timeStamp: performance.now(),
      composedPath: () => [],
      target: null,
      ...fields,
    } as unknown as Event;
    for (const fn of listeners.get(type) ?? []) fn(event);
  };
  const move = (x: number, y = 10, fields: Record<string, unknown> = {}) =>
    fire('pointermove', { clientX: x, clientY: y, ...fields });
  return { controller, events, move, fire, abort };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HoverController', () => {
  it('opens the card after the delay on a mention the pointer rests on, and prepares it first', () => {
    const { events, move } = setUp();
    move(50);
    vi.advanceTimersByTime(20);
    expect(events).toEqual(['prepare nvidia']);
    vi.advanceTimersByTime(DELAY - 40);
    expect(events).toEqual(['prepare nvidia']);
    vi.advanceTimersByTime(40);
    expect(events).toEqual(['prepare nvidia', 'show nvidia']);
  });

  it('does not open a card while the pointer sweeps fast, even over a mention, and opens once it rests', () => {
    const { events, move } = setUp();
    // Back and forth over Nvidia at 5 px per ms, one move every 16 ms, for 3 delays.
    for (let i = 0; i < (3 * DELAY) / 16; i++) {
      move(i % 2 === 0 ? 5 : 85);
      vi.advanceTimersByTime(16);
    }
    expect(events).toEqual(['prepare nvidia']);
    // The pointer stops on Nvidia: its card opens within one more delay.
    vi.advanceTimersByTime(DELAY + 20);
    expect(events).toEqual(['prepare nvidia', 'show nvidia']);
  });

  it('opens nothing for a pointer that crosses mentions on its way elsewhere', () => {
    const { events, move } = setUp();
    for (let x = 0; x <= 320; x += 80) {
      move(x);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(DELAY * 3);
    expect(events.filter((e) => e.startsWith('show'))).toEqual([]);
    expect(events).toEqual(['prepare nvidia', 'prepare tsmc']);
  });

  it('ignores pointer and key events that a page script dispatches', () => {
    const { events, move, fire } = setUp();
    move(50, 10, { isTrusted: false });
    vi.advanceTimersByTime(DELAY * 2);
    expect(events).toEqual([]);
    move(50);
    vi.advanceTimersByTime(DELAY * 2);
    expect(events).toEqual(['prepare nvidia', 'show nvidia']);
    fire('keydown', { key: 'Escape', isTrusted: false });
    fire('pointerdown', { isTrusted: false, clientY: 10 });
    expect(events.at(-1)).toBe('show nvidia');
  });

  it('closes after a grace delay when the pointer leaves, not while it is in the card', () => {
    const { controller, events, move } = setUp();
    move(50);
    vi.advanceTimersByTime(DELAY * 2);
    move(150); // off the mention: the card waits
    vi.advanceTimersByTime(GRACE - 50);
    expect(events.at(-1)).toBe('show nvidia');
    move(150, 600); // into the card
    vi.advanceTimersByTime(GRACE * 2);
    expect(events.at(-1)).toBe('show nvidia');
    controller.pointerInsideCard(false); // out of the card, onto nothing
    vi.advanceTimersByTime(GRACE + 10);
    expect(events.at(-1)).toBe('hide');
    expect(controller.current).toBeUndefined();
  });

  it('keeps a pinned card when the pointer leaves', () => {
    const { events, move } = setUp({ pinned: true });
    move(50);
    vi.advanceTimersByTime(DELAY * 2);
    move(150);
    vi.advanceTimersByTime(GRACE * 3);
    expect(events).toEqual(['prepare nvidia', 'show nvidia']);
  });

  it('closes with Escape and with a click outside the card', () => {
    const { events, move, fire } = setUp();
    move(50);
    vi.advanceTimersByTime(DELAY * 2);
    fire('keydown', { key: 'Escape' });
    expect(events.at(-1)).toBe('hide');
    move(250);
    vi.advanceTimersByTime(DELAY * 2);
    expect(events.at(-1)).toBe('show tsmc');
    fire('pointerdown', { clientY: 600 }); // inside the card: stays
    expect(events.at(-1)).toBe('show tsmc');
    fire('pointerdown', { clientY: 10 });
    expect(events.at(-1)).toBe('hide');
  });

  it('stops when its signal aborts: no card opens afterwards', () => {
    const { events, move, abort } = setUp();
    move(50);
    abort.abort();
    vi.advanceTimersByTime(DELAY * 2);
    expect(events.filter((e) => e.startsWith('show'))).toEqual([]);
  });
});
