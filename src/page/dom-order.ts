/**
 * Small DOM helpers of the annotator: the composed tree (through shadow roots), document
 * order of mentions, stale ranges, the extension's own UI, and the first visible block.
 */
import { UI_ELEMENT, type TextBlock } from './collect-text';
import type { PlacedMention } from './mention-index';

/** The parent node, crossing from a shadow root to its host. */
export function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

/** `ancestor.contains(node)`, looking through shadow roots. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/** Whether `node` or one of its (shadow-including) ancestors up to `stop` is in `set`. */
export function hasAncestorIn(node: Node, set: Set<Node>, stop: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (set.has(n)) return true;
    if (n === stop) return false;
  }
  return false;
}

/** True when a range's offsets no longer fit its nodes (the text was edited). */
export function isStale(mention: PlacedMention): boolean {
  const at = mention.endpoints;
  return (
    at.startOffset > (at.startContainer as Text).length ||
    at.endOffset > (at.endContainer as Text).length
  );
}

export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return false;
  return !!element.closest(UI_ELEMENT);
}

/** Document order of two mentions. */
export function compareMentions(a: PlacedMention, b: PlacedMention): number {
  const an = a.endpoints.startContainer;
  const bn = b.endpoints.startContainer;
  if (an === bn) return a.endpoints.startOffset - b.endpoints.startOffset;
  return an.compareDocumentPosition(bn) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * The index of the first block at or below the top of the viewport, by binary search
 * (blocks are in document order, which is top-to-bottom order for article text).
 */
export function firstVisibleBlock(blocks: TextBlock[]): number {
  if (blocks.length < 64) return 0;
  const top = (block: TextBlock): number => {
    const element = block.segments[0]?.node.parentElement;
    return element ? element.getBoundingClientRect().bottom : 0;
  };
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (top(blocks[mid]!) < 0) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, blocks.length - 1);
}
