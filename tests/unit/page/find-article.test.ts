// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findArticleRoot, isBoilerplate } from '../../../src/page/find-article';

const prose = (n = 3) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i}: Amazon designs Trainium 2 through Annapurna Labs and has TSMC make it in Taiwan, which ties its AI compute to one foundry.</p>`,
  ).join('');

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const el = (selector: string): Element => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findArticleRoot', () => {
  it('chooses the article element over the navigation, header and footer around it', () => {
    const doc = page(
      `<header id="site-header"><nav>${'<a href="#">Section</a>'.repeat(40)}</nav></header>` +
        `<article id="story"><h1>Title</h1>${prose()}</article>` +
        `<footer>${'<p>Legal notice and links for the whole site, repeated.</p>'.repeat(5)}</footer>`,
    );
    expect(findArticleRoot(doc)).toBe(el('#story'));
  });

  it('chooses the largest article when it holds most of the text', () => {
    const doc = page(
      `<article id="big">${prose(6)}</article><article id="teaser"><p>A short teaser for another story.</p></article>`,
    );
    expect(findArticleRoot(doc)).toBe(el('#big'));
  });

  it('falls back to main when there is no article', () => {
    const doc = page(`<nav><a href="#">Home</a></nav><main id="content">${prose()}</main>`);
    expect(findArticleRoot(doc)).toBe(el('#content'));
  });

  it('falls back to role=main when there is no article or main', () => {
    const doc = page(`<div id="menu"></div><div role="main" id="content">${prose()}</div>`);
    expect(findArticleRoot(doc)).toBe(el('#content'));
  });

  it('ignores a too-thin article and uses main instead', () => {
    const doc = page(
      `<article id="thin"><p>Short.</p></article><main id="content">${prose()}</main>`,
    );
    expect(findArticleRoot(doc)).toBe(el('#content'));
  });

  it('falls back to the block holding the most paragraph text', () => {
    const doc = page(
      `<div id="sidebar"><p>Short link list.</p></div>` +
        `<div id="wrapper"><div id="text">${prose(4)}</div><div id="other">${prose(1)}</div></div>`,
    );
    expect(findArticleRoot(doc)).toBe(el('#text'));
  });

  it('does not pick paragraphs inside page furniture as the densest block', () => {
    const doc = page(
      `<div class="cookie-banner">${prose(6)}</div><div id="text">${prose(3)}</div>`,
    );
    expect(findArticleRoot(doc)).toBe(el('#text'));
  });

  it('returns the body when nothing looks like an article', () => {
    const doc = page('<div><span>Hello</span></div><p>Short.</p>');
    expect(findArticleRoot(doc)).toBe(doc.body);
  });

  it('returns the container of a feed of many similar articles', () => {
    const doc = page(
      `<nav>${'<a href="#">Section</a>'.repeat(10)}</nav><section id="feed">` +
        Array.from({ length: 5 }, (_, i) => `<article id="a${i}">${prose(2)}</article>`).join('') +
        '</section>',
    );
    expect(findArticleRoot(doc)).toBe(el('#feed'));
  });
});

describe('isBoilerplate', () => {
  it('treats nav and menu elements as boilerplate, inside an article too', () => {
    page('<nav id="n"></nav><menu id="m"></menu><article><nav id="inner"></nav></article>');
    expect(isBoilerplate(el('#n'))).toBe(true);
    expect(isBoilerplate(el('#m'))).toBe(true);
    expect(isBoilerplate(el('#inner'))).toBe(true);
  });

  it('treats the site header and footer as boilerplate but not an article’s own', () => {
    page(
      '<header id="site-h"></header><footer id="site-f"></footer>' +
        '<article><header id="art-h"><h1>Title</h1></header><p>Text</p><footer id="art-f">By X</footer></article>',
    );
    expect(isBoilerplate(el('#site-h'))).toBe(true);
    expect(isBoilerplate(el('#site-f'))).toBe(true);
    expect(isBoilerplate(el('#art-h'))).toBe(false);
    expect(isBoilerplate(el('#art-f'))).toBe(false);
  });

  it('treats an aside outside the article as boilerplate and one inside as article text', () => {
    page('<aside id="out"></aside><article><aside id="in">A side note</aside></article>');
    expect(isBoilerplate(el('#out'))).toBe(true);
    expect(isBoilerplate(el('#in'))).toBe(false);
  });

  it.each(['navigation', 'banner', 'contentinfo', 'menu', 'search', 'complementary'])(
    'treats role=%s as boilerplate',
    (role) => {
      page(`<div id="x" role="${role}"></div>`);
      expect(isBoilerplate(el('#x'))).toBe(true);
    },
  );

  it.each([
    'cookie-banner',
    'cookies',
    'gdpr-consent',
    'consent_overlay',
    'ad',
    'ad-slot',
    'ads',
    'top advert-box',
    'sponsored',
    'newsletter-signup',
    'share-bar',
    'social',
    'comments',
    'breadcrumb',
    'paywall',
    'OUTBRAIN',
  ])('treats class %j as boilerplate', (className) => {
    page(`<div id="x" class="${className}"></div>`);
    expect(isBoilerplate(el('#x'))).toBe(true);
  });

  it('treats an id naming a cookie banner as boilerplate', () => {
    page('<div id="cookie-notice"></div>');
    expect(isBoilerplate(el('#cookie-notice'))).toBe(true);
  });

  it('treats a Google ad slot as boilerplate', () => {
    page('<ins id="x" class="adsbygoogle"></ins>');
    expect(isBoilerplate(el('#x'))).toBe(true);
  });

  it.each([
    'article-body',
    'header-title',
    'loaded',
    'shadow',
    'adapter',
    'reading',
    'headline',
    'download',
  ])('does not treat class %j as boilerplate', (className) => {
    page(`<div id="x" class="${className}"></div>`);
    expect(isBoilerplate(el('#x'))).toBe(false);
  });

  it('does not treat plain paragraphs, sections or SVG elements as boilerplate', () => {
    page(
      '<section id="s"><p id="p">Text</p><svg><text id="t" class="label">x</text></svg></section>',
    );
    expect(isBoilerplate(el('#s'))).toBe(false);
    expect(isBoilerplate(el('#p'))).toBe(false);
    expect(isBoilerplate(el('#t'))).toBe(false);
  });
});

describe('findArticleRoot with furniture around the text', () => {
  it('ignores paragraphs nested deep inside a cookie banner', () => {
    document.body.innerHTML = `<div class="cookie-banner"><div id="inner">${'<p>We use cookies to measure and improve this site for you, and partners may too.</p>'.repeat(6)}</div></div><div id="text">${'<p>Trainium 2 is designed by Annapurna Labs and made by TSMC in Taiwan for AWS.</p>'.repeat(3)}</div>`;
    expect(findArticleRoot(document).id).toBe('text');
  });

  it('does not take teaser articles in a sidebar for the article', () => {
    document.body.innerHTML = `<main id="main">${'<p>Europe answers with the Chips Act and the Rhea processor designed by SiPearl.</p>'.repeat(8)}</main><aside>${'<article><p>Read also: another story about chips and clouds, with a long teaser text here.</p></article>'.repeat(4)}</aside>`;
    expect(findArticleRoot(document).id).toBe('main');
  });
});
