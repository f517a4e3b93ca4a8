// @vitest-environment happy-dom
/**
 * The annotator's rescans of what a page changes (change-watcher.ts) with fake timers and
 * the fake platform: text added, changed or removed is rescanned once the page is quiet
 * (a burst of changes in one rescan, a page that never pauses at least once a second),
 * marks of removed text go, text shown or hidden by `hidden`/`aria-hidden`/`open` is marked
 * or unmarked, other attribute changes and the extension's own UI are ignored,
 * open shadow roots added later are scanned and followed, and stop() ends it all.
 */
import { describe, expect, it, vi } from 'vitest';
import { UI_ELEMENT } from '../../../src/page/collect-text';
import { annotated, registeredRanges, useFakePlatform } from './annotator-harness';

useFakePlatform();

/** MUTATION_DEBOUNCE_MS of change-watcher.ts. */
const DEBOUNCE = 150;

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

describe('Annotator rescans', () => {
  it('rescans added text once the page is quiet for the debounce delay, only that block', async () => {
    const { marked, scans, onChange } = await annotated('<p>Nvidia</p><div id="feed"></div>');
    const before = scans();
    document.getElementById('feed')!.append(paragraph('AMD'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(scans()).toBe(before);
    expect(marked()).toEqual(['Nvidia']);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'Nvidia']);
    expect(scans() - before).toBe(1);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('coalesces a burst of changes into one rescan after the last of them', async () => {
    const { marked, onChange, platform } = await annotated(
      '<p id="a">Nvidia</p><p id="b">Intel</p><p id="c">CUDA</p>',
    );
    document.body.append(paragraph('AMD'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 50);
    (document.getElementById('a')!.firstChild as Text).data = 'Intel again';
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 50);
    document.getElementById('c')!.remove();
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(onChange).not.toHaveBeenCalled();
    expect(registeredRanges(platform)).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(onChange).toHaveBeenCalledOnce();
    expect(marked()).toEqual(['AMD', 'Intel', 'Intel']);
  });

  it('rescans a page that never stops changing at least once a second', async () => {
    const { marked, onChange } = await annotated('<p>Nvidia</p><p id="ticker">0</p>');
    const ticker = document.getElementById('ticker')!.firstChild as Text;
    // A change every 100 ms for a second: a plain debounce would still be waiting.
    for (let tick = 1; tick <= 10; tick++) {
      ticker.data = tick === 5 ? 'AMD' : String(tick);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(onChange).toHaveBeenCalledOnce();
    expect(marked()).toEqual(['Nvidia']); // AMD came and went before the rescan
  });

  it('drops the marks of changed text and marks the new text', async () => {
    const { annotator, marked } = await annotated('<p>Nvidia makes chips.</p><p>AMD too.</p>');
    const [first, second] = document.querySelectorAll('p');
    (first!.firstChild as Text).data = 'Intel makes chips.'; // same length: the range still fits
    (second!.firstChild as Text).data = 'So'; // shorter: the range no longer fits
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['Intel']);
    expect(Object.fromEntries(annotator.counts())).toEqual({ intel: 1 });
  });

  it('removes the marks of nodes that leave the page', async () => {
    const { annotator, marked } = await annotated(
      '<section><p>Nvidia</p><p>AMD and <b>Intel</b></p></section>',
    );
    document.querySelector('b')!.remove();
    document.querySelector('p')!.remove();
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD']);
    expect(annotator.orderedMentions().map((m) => m.id)).toEqual(['amd']);
  });

  it('starts over when the article it annotates is replaced', async () => {
    const long = ' The chip market keeps growing.'.repeat(10);
    const { annotator, marked } = await annotated(`<article><p>Nvidia.${long}</p></article>`, {
      config: { scope: 'article' },
    });
    const old = annotator.root;
    expect(old?.localName).toBe('article');
    const next = document.createElement('article');
    next.append(paragraph(`AMD.${long}`));
    old!.replaceWith(next);
    await vi.runAllTimersAsync();
    expect(annotator.root).toBe(next);
    expect(marked()).toEqual(['AMD']);
  });
});

describe('Annotator follows visibility attributes', () => {
  it('marks text a `hidden` attribute revealed, and unmarks text it hides', async () => {
    const { marked } = await annotated('<p>Nvidia</p><p id="more" hidden>AMD</p>');
    expect(marked()).toEqual(['Nvidia']);
    document.getElementById('more')!.hidden = false;
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'Nvidia']);
    document.getElementById('more')!.setAttribute('aria-hidden', 'true');
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['Nvidia']);
  });
});

describe('Annotator ignores', () => {
  it('other attribute-only changes', async () => {
    const { scans, onChange } = await annotated('<p id="a">Nvidia</p>');
    const before = scans();
    const p = document.getElementById('a')!;
    p.className = 'read';
    p.style.color = 'red';
    p.dataset.seen = 'yes';
    await vi.advanceTimersByTimeAsync(DEBOUNCE * 5);
    expect(vi.getTimerCount()).toBe(0);
    expect(scans()).toBe(before);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('its own marks and its own UI', async () => {
    const { annotator, scans, onChange, marked } = await annotated('<p>Nvidia</p>');
    const before = scans();
    // Registering marks and moving the focus mark change no node: nothing is waiting.
    annotator.highlights.setStyle('background');
    annotator.highlights.mark('sovereignty-lens-focus', annotator.orderedMentions()[0]!.range);
    expect(vi.getTimerCount()).toBe(0);
    // The card's host element, and text changing in it.
    const ui = document.createElement(UI_ELEMENT);
    document.body.append(ui);
    ui.append(paragraph('AMD'));
    (ui.querySelector('p')!.firstChild as Text).data = 'Intel';
    await vi.advanceTimersByTimeAsync(DEBOUNCE * 5);
    expect(scans()).toBe(before);
    expect(onChange).not.toHaveBeenCalled();
    expect(marked()).toEqual(['Nvidia']);
  });
});

describe('Annotator shadow roots', () => {
  it('scans an open shadow root added after start and follows its changes', async () => {
    const { annotator, marked } = await annotated('<article><p>Nvidia</p></article>');
    const open = document.createElement('x-widget');
    open.attachShadow({ mode: 'open' }).append(paragraph('AMD'));
    const closed = document.createElement('x-widget');
    closed.attachShadow({ mode: 'closed' }).append(paragraph('Intel'));
    document.querySelector('article')!.append(open, closed);
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'Nvidia']);
    expect(annotator.shadowRoots()).toEqual([open.shadowRoot]);
    // A block element can host one too: it is then itself the changed node.
    const block = document.createElement('div');
    block.attachShadow({ mode: 'open' }).append(paragraph('Intel'));
    document.querySelector('article')!.append(block);
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'Intel', 'Nvidia']);
    // The document's observer does not see into shadow trees: the root's own one does.
    open.shadowRoot!.querySelector('p')!.append(' and CUDA');
    await vi.runAllTimersAsync();
    expect(marked()).toEqual(['AMD', 'CUDA', 'Intel', 'Nvidia']);
  });
});

describe('Annotator stop()', () => {
  it('removes the observers, the pending rescan and the highlights; later changes do nothing', async () => {
    const { annotator, platform, scans, onChange } = await annotated('<p>Nvidia</p>');
    const host = document.createElement('x-widget');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(paragraph('AMD'));
    document.body.append(host);
    await vi.runAllTimersAsync();
    expect(annotator.shadowRoots()).toEqual([shadow]);
    document.body.append(paragraph('Intel')); // a rescan waits for its debounce
    await vi.advanceTimersByTimeAsync(DEBOUNCE / 2);
    expect(vi.getTimerCount()).toBe(1);
    const before = scans();
    onChange.mockClear();

    annotator.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(platform.registry.size).toBe(0);
    expect(annotator.index.size).toBe(0);
    expect(annotator.counts().size).toBe(0);
    expect(annotator.shadowRoots()).toEqual([]);

    document.body.append(paragraph('CUDA'));
    shadow.append(paragraph('Nvidia'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE * 10);
    expect(vi.getTimerCount()).toBe(0);
    expect(scans()).toBe(before);
    expect(onChange).not.toHaveBeenCalled();
    expect(registeredRanges(platform)).toEqual([]);
  });
});
