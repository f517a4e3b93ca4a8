import { defineUnlistedScript } from '#imports';
import { cardUi } from '@/src/content/card-ui';
import { registerPart } from '@/src/content/parts';

// Injected by the background when the first card of a page is about to open.
export default defineUnlistedScript(() => {
  registerPart('card-ui', cardUi);
});
