/**
 * The text blocks of a subtree and of every open shadow root under it, for the annotator.
 */
import { isExcludedElement, iterateTextBlocks, type TextBlock } from './collect-text';

/** Elements read per look at the clock while looking for open shadow roots. */
const SHADOW_WALK_STEP = 2_048;
/**
 * The text blocks of `root`, then of every open shadow root under it (observed from
 * then on). While it looks for shadow roots it yields an empty block every
 * SHADOW_WALK_STEP elements, so that the caller can look at the clock.
 */
export function* iterateWithShadowRoots(
  root: Node,
  onShadowRoot: (shadow: ShadowRoot) => void,
): Generator<TextBlock> {
  yield* iterateTextBlocks(root);
  const pause: TextBlock = { text: '', lang: null, segments: [] };
  const queue: Node[] = [root];
  // A host added with its shadow root is itself the changed node to rescan.
  const own = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (own && own.mode === 'open' && !isExcludedElement(root as Element)) {
    queue.push(own);
    onShadowRoot(own);
    yield* iterateTextBlocks(own);
  }
  while (queue.length > 0) {
    const scope = queue.shift()!;
    let steps = 0;
    let node: Node | null = scope.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        if (!isExcludedElement(element)) {
          const shadow = element.shadowRoot;
          if (shadow && shadow.mode === 'open') {
            queue.push(shadow);
            onShadowRoot(shadow);
            yield* iterateTextBlocks(shadow);
          }
          descend = element.firstChild !== null;
        }
        if (++steps % SHADOW_WALK_STEP === 0) yield pause;
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== scope && !node.nextSibling) node = node.parentNode;
      node = node && node !== scope ? node.nextSibling : null;
    }
  }
}
