/**
 * The parts of the platform the annotator needs and happy-dom lacks, as the smallest
 * honest stand-ins: a Highlight that is a set of ranges, the `CSS.highlights` registry
 * (a Map), `StaticRange`, an IntersectionObserver that reports only what a test tells it,
 * `scheduler.yield()` as a task on the fake clock (happy-dom's MessagePort never delivers
 * and Node's would run outside the fake clock), a spied `console.timeStamp`, and
 * `performance.now()` that also counts the main-thread time a test says was spent
 * (`work`), since no fake clock moves while code runs. Under vitest's happy-dom
 * environment the window is `globalThis`, so the stand-ins are stubbed globals.
 */
import { vi, type Mock } from 'vitest';

/** A Highlight: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

class FakeStaticRange {
  /** Ranges made since the platform was installed. */
  static made = 0;
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;

  constructor(init: StaticRangeInit) {
    FakeStaticRange.made++;
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }

  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** An IntersectionObserver that reports only what `report` tells it. */
export class FakeIntersectionObserver {
  readonly observed = new Set<Element>();
  disconnected = false;
  readonly #callback: IntersectionObserverCallback;

  constructor(callback: IntersectionObserverCallback) {
    this.#callback = callback;
  }

  observe(target: Element): void {
    this.observed.add(target);
  }

  unobserve(target: Element): void {
    this.observed.delete(target);
  }

  disconnect(): void {
    this.observed.clear();
    this.disconnected = true;
  }

  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  /**
   * Reports observed elements as coming near the viewport (true) or leaving it, above it
   * or below it (`side`; an entry without a position otherwise).
   */
  report(targets: Element[], isIntersecting: boolean, side?: 'above' | 'below'): void {
    const rootBounds = { top: 0, bottom: 1000 } as DOMRectReadOnly;
    const at = side === 'above' ? -500 : 2000;
    const entries = targets
      .filter((target) => this.observed.has(target))
      .map(
        (target) =>
          ({
            target,
            isIntersecting,
            ...(side
              ? { rootBounds, boundingClientRect: { top: at, bottom: at + 100 } as DOMRectReadOnly }
              : {}),
          }) as IntersectionObserverEntry,
      );
    if (entries.length > 0) this.#callback(entries, this as unknown as IntersectionObserver);
  }
}

export interface FakePlatform {
  /** `CSS.highlights`. */
  registry: Map<string, FakeHighlight>;
  /** Every IntersectionObserver created, oldest first. */
  intersectionObservers: FakeIntersectionObserver[];
  timeStamp: Mock<(label?: string) => void>;
  /** Spends `ms` of main-thread time: `performance.now()` moves on, no timer fires. */
  work(ms: number): void;
  /** How many `StaticRange`s were made. */
  rangesMade(): number;
}

/** Vitest's console has no `timeStamp` (a devtools method). */
type StampingConsole = { timeStamp?: (label?: string) => void };

/** Installs the stand-ins and fake timers; `removeFakePlatform` undoes it. */
export function installFakePlatform(): FakePlatform {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'],
  });
  const registry = new Map<string, FakeHighlight>();
  const intersectionObservers: FakeIntersectionObserver[] = [];
  FakeStaticRange.made = 0;
  const origin = Date.now();
  let worked = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => Date.now() - origin + worked);
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('StaticRange', FakeStaticRange);
  vi.stubGlobal('CSS', Object.assign(Object.create(CSS) as object, { highlights: registry }));
  vi.stubGlobal(
    'IntersectionObserver',
    class extends FakeIntersectionObserver {
      constructor(callback: IntersectionObserverCallback) {
        super(callback);
        intersectionObservers.push(this);
      }
    },
  );
  vi.stubGlobal('scheduler', {
    // A task later, and 1 ms later on the fake clock: each slice is a step of its own.
    yield: () => new Promise<void>((resolve) => setTimeout(resolve, 1)),
  });
  const timeStamp = vi.fn<(label?: string) => void>();
  (console as StampingConsole).timeStamp = timeStamp;
  return {
    registry,
    intersectionObservers,
    timeStamp,
    work: (ms) => {
      worked += ms;
    },
    rangesMade: () => FakeStaticRange.made,
  };
}

export function removeFakePlatform(): void {
  delete (console as StampingConsole).timeStamp;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
}
