import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowsers, settledMarkCount, type TestPage } from './helpers';
import { expectedHighlights } from './helpers/expected';
import { countHighlights, hasHighlightCount, readHighlights } from './helpers/probes';

const ARTICLES = readdirSync('tests/fixtures/articles')
  .filter((f) => f.endsWith('.html'))
  .map((f) => `articles/${f}`);

async function waitForMarks(page: TestPage, atLeast = 1): Promise<void> {
  await page.waitFor(countHighlights, undefined, 15_000).catch(() => undefined);
  await page.waitFor(hasHighlightCount, [atLeast, 'atLeast'] as [number, 'atLeast' | 'exactly']);
}

describeInBrowsers('page annotation', (h) => {
  it('marks exactly what npm run scan finds (scanHtml), on every fixture article', async () => {
    await h.setSettings({ scope: 'page' });
    for (const article of ARTICLES) {
      const expected = expectedHighlights(article, 'page');
      const page = await h.openFixture(article);
      await waitForMarks(page, Math.min(1, expected.length));
      // Give sliced scanning time to finish, then compare.
      await page.waitFor(hasHighlightCount, [expected.length, 'atLeast'] as [
        number,
        'atLeast' | 'exactly',
      ]);
      const actual = await page.evaluate(readHighlights);
      expect(actual, article).toEqual(expected);
      await page.close();
    }
    await h.setSettings({ scope: 'article' });
  });

  it('marks only the article by default, not the site header, navigation or footer', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await waitForMarks(page, 50);
    // Every batch registered (the scan registers them a frame at a time).
    await settledMarkCount(page);
    const outside = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      const out: string[] = [];
      for (const [, hl] of registry)
        for (const r of hl) {
          const el = r.startContainer.parentElement;
          if (el && !el.closest('article')) out.push(el.localName);
        }
      return out;
    });
    expect(outside).toEqual([]);
    expect(await page.evaluate(readHighlights)).toEqual(
      expectedHighlights('articles/demo-en.html', 'article'),
    );
    await page.close();
  });

  it('never marks code, form fields, editable or hidden text, and keeps split names whole', async () => {
    const page = await h.openFixture('pages/exclusions.html');
    await waitForMarks(page, 5);
    const texts = (await page.evaluate(readHighlights)).map((r) => r.text);
    expect(texts).toContain('Trainium 2');
    expect(texts).toContain('Annapurna Labs');
    expect(texts).toContain('OVHcloud');
    for (const hidden of [
      'CUDA',
      'TSMC',
      'ASML',
      'Google',
      'TPU',
      'Maia',
      'AMD',
      'Intel Gaudi',
      'OpenAI',
      'Huawei Ascend',
      'Cerebras',
    ]) {
      expect(texts).not.toContain(hidden);
    }
    expect(texts.filter((t) => t === 'Nvidia')).toEqual(['Nvidia']); // only the heading's
    await page.close();
  });

  it('leaves the page DOM as it was, apart from its own UI element', async () => {
    const page = await h.openFixture('pages/exclusions.html');
    await waitForMarks(page, 5);
    const same = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      clone
        .querySelectorAll('sovereignty-lens-ui, style[data-sovereignty-lens]')
        .forEach((e) => e.remove());
      const w = window as unknown as { __domBefore: string };
      return clone.outerHTML === w.__domBefore;
    });
    expect(same).toBe(true);
    await page.close();
  });

  it('marks a paragraph added after load within half a second and unmarks removed text', async () => {
    const page = await h.openFixture('pages/exclusions.html');
    await waitForMarks(page, 5);
    const before = await settledMarkCount(page);
    const started = Date.now();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Later, ASML shipped another EUV scanner to TSMC.';
      document.getElementById('live')!.append(p);
    });
    await page.waitFor(
      hasHighlightCount,
      [before + 2, 'atLeast'] as [number, 'atLeast' | 'exactly'],
      2_000,
    );
    expect(Date.now() - started).toBeLessThan(1_000); // includes the round trips of the test itself
    const texts = (await page.evaluate(readHighlights)).map((r) => r.text);
    expect(texts).toEqual(expect.arrayContaining(['ASML', 'TSMC']));
    await page.evaluate(() => document.getElementById('added')!.remove());
    await page.waitFor(
      hasHighlightCount,
      [before, 'exactly'] as [number, 'atLeast' | 'exactly'],
      2_000,
    );
    await page.close();
  });

  it('leaves an article unmarked while paused or off for its site, and marks it once on again', async () => {
    // The loader starts the annotator only once the settings let it, watching them.
    for (const off of [{ paused: true }, { disabledSites: ['127.0.0.1'] }]) {
      await h.setSettings(off);
      const page = await h.openFixture('articles/demo-en.html');
      // Long enough for the first marks of an article (within ~150 ms of load).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await page.evaluate(countHighlights), JSON.stringify(off)).toBe(0);
      await h.setSettings({ paused: false, disabledSites: [] });
      await waitForMarks(page, 50);
      await page.close();
    }
  });

  it('removes every mark from an open tab when the site is disabled, and restores them', async () => {
    const page = await h.openFixture('articles/demo-en.html');
    await waitForMarks(page, 50);
    const marked = await settledMarkCount(page);
    await h.setSettings({ disabledSites: ['127.0.0.1'] });
    await page.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      return [...registry.keys()].every((name) => !name.startsWith('sovereignty-lens'));
    });
    await h.setSettings({ disabledSites: [] });
    await waitForMarks(page, marked);
    expect(await page.evaluate(countHighlights)).toBe(marked);
    await page.close();
  });
});
