import { defineUnlistedScript } from '#imports';
import { registerPart } from '@/src/content/parts';
import { startContent } from '@/src/content/start-content';

// Injected by the background into a frame whose loader found an article (content.ts).
export default defineUnlistedScript(() => {
  registerPart('annotator', { start: startContent });
});
