/**
 * Finds the part of a page that holds the article, as reading modes do: an `article`
 * element, else `main` or `[role=main]`, else the element holding most paragraph text.
 * Navigation, site headers and footers, menus, cookie banners and ads outside that
 * element are then never read; `isBoilerplate` also skips them inside it.
 */

/** Below this many characters an `article`/`main` candidate is too thin to trust. */
const MIN_ARTICLE_CHARS = 200;
/**
 * Article sizes are compared up to this many characters: enough to tell the article
 * from teasers next to it, without reading all of a very long one.
 */
const SIZE_CAP = 1_000_000;

/** The element to annotate in "article" scope (the body when nothing better is found). */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  // Teaser cards in a sidebar or footer are not the article.
  const articles = Array.from(doc.querySelectorAll('article')).filter(
    (article) => !hasBoilerplateAncestor(article),
  );
  if (articles.length > 0) {
    // A single article is only checked for being thick enough: sizing it all would read a
    // long article twice.
    const cap = articles.length === 1 ? MIN_ARTICLE_CHARS : SIZE_CAP;
    const sized = articles
      .map((element) => ({ element, chars: textLength(element, cap) }))
      .sort((a, b) => b.chars - a.chars);
    const best = sized[0]!;
    const total = sized.reduce((sum, a) => sum + a.chars, 0);
    // One article holding most of the text is the article; many similar ones are a feed.
    if (best.chars >= MIN_ARTICLE_CHARS && best.chars >= total * 0.6) return best.element;
    if (sized.length > 1 && best.chars >= MIN_ARTICLE_CHARS)
      return commonAncestor(sized.map((a) => a.element)) ?? body;
  }
  const main = doc.querySelector('main, [role="main"]');
  if (main && textLength(main, MIN_ARTICLE_CHARS) >= MIN_ARTICLE_CHARS) return main;
  return densestBlock(doc) ?? body;
}

/** The element whose direct paragraph children hold the most text. */
function densestBlock(doc: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent || isBoilerplate(parent) || hasBoilerplateAncestor(parent)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | undefined;
  let bestScore = MIN_ARTICLE_CHARS;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function hasBoilerplateAncestor(element: Element): boolean {
  for (let a = element.parentElement; a; a = a.parentElement) if (isBoilerplate(a)) return true;
  return false;
}

/**
 * The length of an element's text, counted up to `cap` characters: `textContent` would
 * copy a 5 MB article into one string (a 35 ms task) only to measure it.
 */
function textLength(element: Element, cap: number): number {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length < cap; node = walker.nextNode())
    length += (node as Text).data.length;
  return Math.min(length, cap);
}

function commonAncestor(elements: Element[]): Element | undefined {
  let candidate: Element | null = elements[0] ?? null;
  while (candidate && !elements.every((e) => candidate!.contains(e))) {
    candidate = candidate.parentElement;
  }
  return candidate ?? undefined;
}

const BOILERPLATE_TAGS = new Set(['nav', 'menu']);
const BOILERPLATE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'menu',
  'menubar',
  'search',
  'complementary',
  'alertdialog',
]);
/** Class or id words of cookie banners, ads, share bars and newsletter boxes. */
const BOILERPLATE_WORDS =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|ads?|advert\w*|sponsor\w*|promo|newsletter|share|social|related|comments?|breadcrumbs?|paywall|outbrain|taboola)(?:$|[\s_-])/i;

/**
 * Whether an element is page furniture rather than article text: navigation, site
 * header and footer (those outside any article), menus, cookie banners, ads.
 */
export function isBoilerplate(element: Element): boolean {
  const tag = element.localName;
  if (BOILERPLATE_TAGS.has(tag)) return true;
  if ((tag === 'header' || tag === 'footer') && !element.closest('article')) return true;
  if (tag === 'aside' && !element.closest('article')) return true;
  const role = element.getAttribute('role');
  if (role && BOILERPLATE_ROLES.has(role)) return true;
  if (tag === 'ins' && element.classList.contains('adsbygoogle')) return true;
  const words = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`;
  return words.length > 1 && BOILERPLATE_WORDS.test(words);
}
