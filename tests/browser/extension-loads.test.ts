import { expect, it } from 'vitest';
import { describeInBrowsers } from './helpers';

describeInBrowsers('the built extension', (h) => {
  it('runs its content script on a web page and answers the page summary message', async () => {
    const page = await h.openFixture('pages/basic.html');
    const popup = await h.openPopupFor(page);
    expect(await popup.evaluate(() => location.search)).toMatch(/^\?tab=\d+$/);
    await popup.close();
    await page.close();
  });

  it('renders the popup', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelector('h1')?.textContent === 'Sovereignty Lens');
    await h.screenshot(popup, 'popup');
    await popup.close();
  });

  it('renders the glossary page', async () => {
    const page = await h.openExtensionPage('glossary.html');
    await page.waitFor(() => document.querySelector('h1')?.textContent?.includes('Glossary'));
    await page.close();
  });
});
