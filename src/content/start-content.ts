import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isMessage, type PageSummary } from '../messaging/protocol';

/** Starts the in-page work of the extension for one document. */
export function startContent(ctx: ContentScriptContext): void {
  const onMessage = (message: unknown): Promise<PageSummary> | undefined => {
    if (!isMessage(message)) return undefined;
    switch (message.type) {
      case 'page/get-summary':
        return Promise.resolve({ url: location.href, active: true, entities: [] });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
