import { defineContentScript } from '#imports';
import { startContent } from '@/src/content/start-content';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    startContent(ctx);
  },
});
