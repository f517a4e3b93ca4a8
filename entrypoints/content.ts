import { defineContentScript } from '#imports';
import { startContent } from '@/src/content/start-content';
import '@/src/ui/card.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  cssInjectionMode: 'ui',
  main(ctx) {
    startContent(ctx);
  },
});
