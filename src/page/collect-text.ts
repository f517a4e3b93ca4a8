/**
 * Collects a document's visible prose text, block by block, with a map from block
 * offsets back to DOM Text nodes. Works with the browser DOM, happy-dom and linkedom:
 * it only uses firstChild/nextSibling/parentNode, nodeType, localName and attributes.
 *
 * A manual walk, not a TreeWalker with an acceptNode callback: the callback alone made
 * the walk about ten times slower in Chromium when it was measured (docs/ARCHITECTURE.md,
 * "From page text to marks").
 */

/** A run of a block's text that comes from one Text node. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
  /** The node's length when collected. */
  length: number;
}

/** The text between two block boundaries, with its language and its Text nodes. */
export interface TextBlock {
  text: string;
  /** Primary language subtag of the nearest `lang` attribute ("fr" for "fr-FR"), or null. */
  lang: string | null;
  segments: TextSegment[];
}

export interface CollectOptions {
  /**
   * Skip elements hidden by CSS with `Element.checkVisibility()`. `auto` (default) does
   * so when the function exists and the DOM has layout (not happy-dom / jsdom).
   */
  visibility?: 'auto' | 'check' | 'ignore';
  /**
   * Also collect the text of every open shadow root under the root (and of the root's own,
   * when it is a host), found in the same walk: after the root's text, breadth first.
   * Called for each shadow root before its text is read.
   */
  onShadowRoot?: (shadow: ShadowRoot) => void;
}

/** The tag name of the extension's own UI host. */
export const UI_ELEMENT = 'sovereignty-lens-ui';

/** Elements whose subtree is never read. */
const EXCLUDED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'rt',
  'rp',
  // Inside SVG only text content elements are prose; titles and descriptions are tooltips.
  'title',
  'desc',
  'metadata',
  UI_ELEMENT,
]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  // SVG: each text element is its own block.
  'svg',
  'text',
  'foreignobject',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** The primary language subtag of a lang attribute value, or null when empty. */
export function primaryLanguage(value: string | null | undefined): string | null {
  if (!value) return null;
  // A page repeats one value on many elements: the last answer is kept.
  if (value === lastLang.value) return lastLang.primary;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0] || null;
  lastLang = { value, primary };
  return primary;
}

let lastLang: { value: string; primary: string | null } = { value: '', primary: null };

function usesLayout(root: Node, option: CollectOptions['visibility']): boolean {
  if (option === 'ignore') return false;
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  const probe = doc?.documentElement as (Element & { checkVisibility?: unknown }) | undefined;
  if (!probe || typeof probe.checkVisibility !== 'function') return false;
  if (option === 'check') return true;
  const agent = doc?.defaultView?.navigator?.userAgent ?? '';
  return !/HappyDOM|jsdom/i.test(agent);
}

/**
 * Whether an element's subtree is skipped by text collection: code, form fields,
 * scripts and styles, editable regions, `hidden` and `aria-hidden="true"` elements
 * (aria-hidden text is mostly decorative duplicates), and the extension's own UI.
 */
export function isExcludedElement(element: Element): boolean {
  return EXCLUDED.has(lowerName(element)) || excludedByAttribute(element);
}

function hiddenByCss(element: Element): boolean {
  const checked = element as Element & { checkVisibility(): boolean };
  if (checked.checkVisibility()) return false;
  // checkVisibility() is false for display: contents (no box) although its children show.
  const view = element.ownerDocument?.defaultView;
  return view?.getComputedStyle(element).display !== 'contents';
}

/** The parent node, crossing from a shadow root to its host. */
function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

function isInsideExcluded(node: Node): boolean {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (n.nodeType === ELEMENT_NODE && isExcludedElement(n as Element)) return true;
  }
  return false;
}

function inheritedLang(node: Node): string | null {
  for (let n: Node | null = node; n; n = parentOf(n)) {
    if (n.nodeType === ELEMENT_NODE && (n as Element).hasAttribute('lang')) {
      return primaryLanguage((n as Element).getAttribute('lang'));
    }
  }
  return null;
}

/**
 * Yields the text blocks of a document or subtree in document order (then those of its
 * open shadow roots, with `onShadowRoot`). Whitespace-only blocks are left out. Lazy: a
 * caller can stop between blocks to stay within a time budget (see `collectTextSlice`).
 */
export function* iterateTextBlocks(root: Node, options: CollectOptions = {}): Generator<TextBlock> {
  const onShadowRoot = options.onShadowRoot;
  const shadows: ShadowRoot[] | null = onShadowRoot ? [] : null;
  yield* treeBlocks(root, options.visibility, shadows);
  // The walk of each tree adds the open shadow roots it passes through to the queue.
  for (let i = 0; shadows && i < shadows.length; i++) {
    onShadowRoot!(shadows[i]!);
    yield* treeBlocks(shadows[i]!, options.visibility, shadows);
  }
}

/** The open shadow root of an element, or null. */
function openShadowRoot(element: Element): ShadowRoot | null {
  const shadow = element.shadowRoot;
  return shadow && shadow.mode === 'open' ? shadow : null;
}

/**
 * The blocks of one tree, in document order; with `shadows`, the open shadow roots of
 * the elements read (the root's own included) are appended to it.
 */
function* treeBlocks(
  root: Node,
  visibility: CollectOptions['visibility'],
  shadows: ShadowRoot[] | null,
): Generator<TextBlock> {
  if (root.nodeType === ELEMENT_NODE && isExcludedElement(root as Element)) return;
  if (root.nodeType !== DOCUMENT_NODE && isInsideExcluded(root)) return;
  const checkCss = usesLayout(root, visibility);
  if (shadows && root.nodeType === ELEMENT_NODE) {
    // A host added with its shadow root is itself the changed node to rescan.
    const own = openShadowRoot(root as Element);
    if (own) shadows.push(own);
  }

  const langs: (string | null)[] = [inheritedLang(root)];
  let parts: string[] = [];
  let segments: TextSegment[] = [];
  let length = 0;
  let blockLang: string | null = null;
  const ready: TextBlock[] = [];

  const flush = (): void => {
    if (length === 0) return;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    if (/\S/.test(text)) ready.push({ text, lang: blockLang, segments });
    parts = [];
    segments = [];
    length = 0;
  };
  const addText = (node: Text): void => {
    const data = node.data;
    if (data.length === 0) return;
    if (length === 0) blockLang = langs[langs.length - 1] ?? null;
    parts.push(data);
    segments.push({ node, start: length, length: data.length });
    length += data.length;
  };
  // For each element being walked through: bit 1 if it is a block, bit 2 if it set a lang.
  const open: number[] = [];
  const leave = (): void => {
    const flags = open.pop() ?? 0;
    if (flags & 1) flush();
    if (flags & 2) langs.pop();
  };

  if (root.nodeType === TEXT_NODE) {
    addText(root as Text);
    flush();
    yield* ready;
    return;
  }

  // From the root element for a document: linkedom's doctype has no nextSibling.
  let node: Node | null =
    root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const name = lowerName(element);
      // Most elements have no attributes: then only the tag name can exclude them.
      const attributes = hasAttributes(element);
      if (
        EXCLUDED.has(name) ||
        (attributes && excludedByAttribute(element)) ||
        (checkCss && hiddenByCss(element))
      ) {
        // A boundary, so that "foo<code>x</code>bar" never reads as "foobar".
        flush();
      } else {
        const block = BLOCKS.has(name);
        if (block) flush();
        if (shadows) {
          const shadow = openShadowRoot(element);
          if (shadow) shadows.push(shadow);
        }
        if (element.firstChild) {
          let flags = block ? 1 : 0;
          if (attributes && element.hasAttribute('lang')) {
            langs.push(primaryLanguage(element.getAttribute('lang')));
            flags |= 2;
          }
          open.push(flags);
          node = element.firstChild;
          continue;
        }
      }
    }
    // Next node in document order, leaving finished elements on the way up.
    while (node) {
      const sibling: Node | null = node.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) {
        node = null;
        break;
      }
      node = parent;
      leave();
    }
    if (ready.length > 0) {
      yield* ready;
      ready.length = 0;
    }
  }
  flush();
  yield* ready;
}

/** The element's local name in lower case (SVG's `foreignObject`, XHTML written in capitals). */
function lowerName(element: Element): string {
  return element.localName?.toLowerCase() ?? '';
}

function hasAttributes(element: Element): boolean {
  return typeof element.hasAttributes === 'function' ? element.hasAttributes() : true;
}

/** The attribute part of `isExcludedElement`. */
function excludedByAttribute(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Collects every text block of a document or subtree, in document order. */
export function collectText(root: Node, options: CollectOptions = {}): TextBlock[] {
  return Array.from(iterateTextBlocks(root, options));
}

/** A budget for one slice of incremental collection. */
export interface SliceBudget {
  /** Stop after this time (same clock as `now`), e.g. performance.now() + 8. */
  deadline?: number;
  /** Stop once this many characters were collected in the slice. */
  maxChars?: number;
  /** The clock; default performance.now (or Date.now). */
  now?: () => number;
}

/**
 * Pulls blocks from an iterator of `iterateTextBlocks` until the budget is spent.
 * Returns the blocks and whether the iterator is finished. Always returns at least one
 * block when one is left, so every slice makes progress.
 */
export function collectTextSlice(
  blocks: Iterator<TextBlock>,
  budget: SliceBudget,
): { blocks: TextBlock[]; done: boolean } {
  const now =
    budget.now ?? (typeof performance !== 'undefined' ? () => performance.now() : Date.now);
  const out: TextBlock[] = [];
  let chars = 0;
  for (;;) {
    const next = blocks.next();
    if (next.done) return { blocks: out, done: true };
    out.push(next.value);
    chars += next.value.text.length;
    if (budget.maxChars !== undefined && chars >= budget.maxChars) break;
    if (budget.deadline !== undefined && (out.length & 7) === 0 && now() >= budget.deadline) break;
  }
  return { blocks: out, done: false };
}
