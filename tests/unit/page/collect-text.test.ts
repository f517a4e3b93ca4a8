// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectText,
  collectTextSlice,
  isExcludedElement,
  iterateTextBlocks,
  primaryLanguage,
  type TextBlock,
} from '../../../src/page/collect-text';
import { blockOffsets, documentText, toRangeEndpoints } from '../../../src/page/block-offsets';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (blocks: TextBlock[]): string[] => blocks.map((b) => b.text);

describe('collectText', () => {
  it('splits text at block elements and keeps inline elements in one block', () => {
    const root = body(
      '<h1>Trainium <em>2</em> launch</h1><p>From <a href="#">Annapurna</a> <strong>Labs</strong>.</p>' +
        '<ul><li>one</li><li>two<br>three</li></ul><div>tail <span>span</span><div>inner</div>after</div>',
    );
    expect(texts(collectText(root))).toEqual([
      'Trainium 2 launch',
      'From Annapurna Labs.',
      'one',
      'two',
      'three',
      'tail span',
      'inner',
      'after',
    ]);
  });

  it('skips code, form fields, scripts, styles and templates', () => {
    const root = body(
      '<p>a</p><script>var x = "Nvidia";</script><style>p{}</style><noscript>n</noscript>' +
        '<template><p>t</p></template><textarea>Nvidia</textarea><input value="Nvidia">' +
        '<select><option>Nvidia</option></select><code>cuda()</code><pre>CUDA</pre>' +
        '<kbd>k</kbd><samp>s</samp><p>b</p>',
    );
    expect(texts(collectText(root))).toEqual(['a', 'b']);
  });

  it('skips editable, hidden and aria-hidden elements and the extension UI', () => {
    const root = body(
      '<div contenteditable>edit</div><div contenteditable="true">edit</div>' +
        '<div contenteditable="plaintext-only">edit</div><div contenteditable="false">kept</div>' +
        '<p hidden>hidden</p><p aria-hidden="true">aria</p><p aria-hidden="false">shown</p>' +
        '<sovereignty-lens-ui>card</sovereignty-lens-ui>',
    );
    expect(texts(collectText(root))).toEqual(['kept', 'shown']);
  });

  it('does not glue the words around a skipped inline element', () => {
    const root = body('<p>Nvidia<code>x</code>CUDA</p>');
    expect(texts(collectText(root))).toEqual(['Nvidia', 'CUDA']);
  });

  it('keeps SVG text but not SVG titles', () => {
    const root = body(
      '<svg><title>Chart of Nvidia</title><text>AMD</text><text>Intel <tspan>Gaudi</tspan></text></svg>',
    );
    expect(texts(collectText(root))).toEqual(['AMD', 'Intel Gaudi']);
  });

  it('skips elements hidden by CSS when asked to check visibility', () => {
    const root = body('<p style="display:none">gone</p><p>seen</p>');
    expect(texts(collectText(root, { visibility: 'check' }))).toEqual(['seen']);
    expect(texts(collectText(root, { visibility: 'ignore' }))).toEqual(['gone', 'seen']);
  });

  it('does not check CSS visibility in happy-dom by default', () => {
    const root = body('<p style="display:none">gone</p><p>seen</p>');
    expect(texts(collectText(root))).toEqual(['gone', 'seen']);
  });

  it('drops whitespace-only blocks but keeps whitespace inside blocks', () => {
    const root = body('<div>\n  <p>\n  Nvidia </p>\n</div>');
    expect(texts(collectText(root))).toEqual(['\n  Nvidia ']);
  });

  it('gives each block the primary subtag of the nearest lang attribute', () => {
    document.documentElement.setAttribute('lang', 'fr-FR');
    const root = body(
      '<p>fr</p><div lang="en-GB"><p>en</p><p lang="">none</p></div><p>fr again</p>',
    );
    expect(collectText(root).map((b) => [b.text, b.lang])).toEqual([
      ['fr', 'fr'],
      ['en', 'en'],
      ['none', null],
      ['fr again', 'fr'],
    ]);
    document.documentElement.removeAttribute('lang');
    expect(collectText(body('<p>x</p>'))[0]!.lang).toBeNull();
  });

  it('collects a subtree, or nothing when the subtree is inside an excluded element', () => {
    body('<p id="a">one <b id="b">two</b></p><pre><span id="c">code</span></pre>');
    expect(texts(collectText(document.getElementById('a')!))).toEqual(['one two']);
    expect(texts(collectText(document.getElementById('b')!))).toEqual(['two']);
    expect(collectText(document.getElementById('c')!)).toEqual([]);
    expect(collectText(document.querySelector('pre')!)).toEqual([]);
  });

  it('collects a whole document without its head', () => {
    document.head.innerHTML = '<title>Nvidia</title>';
    body('<p>body</p>');
    expect(texts(collectText(document))).toEqual(['body']);
  });
});

describe('toRangeEndpoints', () => {
  it('maps a mention spanning inline elements to one range', () => {
    const root = body('<p>The Trainium <em>2</em> chip</p>');
    const [block] = collectText(root);
    const r = toRangeEndpoints(block!, 4, 14);
    expect(r.startContainer.data).toBe('The Trainium ');
    expect(r.startOffset).toBe(4);
    expect(r.endContainer.data).toBe('2');
    expect(r.endOffset).toBe(1);
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    expect(range.toString()).toBe('Trainium 2');
  });

  it('starts in the next node and ends in the previous node at node boundaries', () => {
    const root = body('<p>ab<b>cd</b>ef</p>');
    const [block] = collectText(root);
    const r = toRangeEndpoints(block!, 2, 4);
    expect([r.startContainer.data, r.startOffset, r.endContainer.data, r.endOffset]).toEqual([
      'cd',
      0,
      'cd',
      2,
    ]);
    const all = toRangeEndpoints(block!, 0, 6);
    expect([all.startContainer.data, all.endContainer.data, all.endOffset]).toEqual([
      'ab',
      'ef',
      2,
    ]);
  });
});

describe('documentText and slices', () => {
  it('joins blocks with a blank line and gives each block offset', () => {
    const blocks = collectText(body('<p>one</p><p>two</p><p>three</p>'));
    const text = documentText(blocks);
    expect(text).toBe('one\n\ntwo\n\nthree');
    const offsets = blockOffsets(blocks);
    expect(offsets.map((o, i) => text.slice(o, o + blocks[i]!.text.length))).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('collects incrementally within a character budget', () => {
    const root = body('<p>aaaa</p><p>bbbb</p><p>cccc</p><p>dddd</p><p>eeee</p>');
    const iterator = iterateTextBlocks(root);
    const first = collectTextSlice(iterator, { maxChars: 8 });
    expect([texts(first.blocks), first.done]).toEqual([['aaaa', 'bbbb'], false]);
    const rest = collectTextSlice(iterator, { deadline: Infinity });
    expect([texts(rest.blocks), rest.done]).toEqual([['cccc', 'dddd', 'eeee'], true]);
  });

  it('stops a slice at its deadline', () => {
    const root = body('<p>x</p>'.repeat(100));
    let clock = 0;
    const slice = collectTextSlice(iterateTextBlocks(root), { deadline: 3, now: () => clock++ });
    expect(slice.done).toBe(false);
    expect(slice.blocks.length).toBeGreaterThan(0);
    expect(slice.blocks.length).toBeLessThan(100);
  });
});

describe('other DOMs and helpers', () => {
  it('collects the same blocks from linkedom', () => {
    const html =
      '<!doctype html><html lang="fr"><head><title>t</title></head><body>' +
      '<h1>Trainium <em>2</em></h1><p>Voir <code>x</code> Nvidia</p><p lang="en">AMD</p></body></html>';
    const { document: linked } = parseHTML(html);
    const blocks = collectText(linked as unknown as Document);
    expect(blocks.map((b) => [b.text, b.lang])).toEqual([
      ['Trainium 2', 'fr'],
      ['Voir ', 'fr'],
      [' Nvidia', 'fr'],
      ['AMD', 'en'],
    ]);
    const r = toRangeEndpoints(blocks[0]!, 0, 10);
    expect([r.startContainer.data, r.endContainer.data, r.endOffset]).toEqual([
      'Trainium ',
      '2',
      1,
    ]);
  });

  it('normalises language tags to their primary subtag', () => {
    expect(primaryLanguage('fr-FR')).toBe('fr');
    expect(primaryLanguage('EN_us')).toBe('en');
    // The same value twice, then another (the last answer is kept).
    expect(primaryLanguage('EN_us')).toBe('en');
    expect(primaryLanguage('de')).toBe('de');
    expect(primaryLanguage(' -x')).toBeNull();
    expect(primaryLanguage(' -x')).toBeNull();
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });

  it('tells which elements are excluded', () => {
    body('<code id="a"></code><p id="b"></p><div id="c" contenteditable="false"></div>');
    expect(['a', 'b', 'c'].map((id) => isExcludedElement(document.getElementById(id)!))).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('shadow roots', () => {
  it('collects an open shadow root with the language of its host', () => {
    document.documentElement.setAttribute('lang', 'fr');
    const root = body('<div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Trainium <em>2</em></p><code>x</code>';
    expect(collectText(shadow).map((b) => [b.text, b.lang])).toEqual([['Trainium 2', 'fr']]);
    document.documentElement.removeAttribute('lang');
  });

  it('collects nothing from a shadow root inside excluded content', () => {
    const root = body('<pre><span id="host"></span></pre>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nvidia</p>';
    expect(collectText(shadow)).toEqual([]);
  });

  it('reads the open shadow roots found on the way, after the tree, breadth first', () => {
    const root = body(
      '<p>light</p><div id="a"><p>a light</p></div><section id="b"></section>' +
        '<pre><span id="in-code"></span></pre><div id="closed"></div>',
    );
    const a = root.querySelector('#a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>in a</p><span id="nested"></span>';
    const nested = a.querySelector('#nested')!.attachShadow({ mode: 'open' });
    nested.innerHTML = '<p>nested in a</p>';
    const b = root.querySelector('#b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<p>in b</p>';
    root.querySelector('#in-code')!.attachShadow({ mode: 'open' }).innerHTML = '<p>code</p>';
    root.querySelector('#closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>closed</p>';
    const seen: ShadowRoot[] = [];
    const blocks = Array.from(iterateTextBlocks(root, { onShadowRoot: (s) => seen.push(s) }));
    expect(texts(blocks)).toEqual(['light', 'a light', 'in a', 'in b', 'nested in a']);
    expect(seen).toEqual([a, b, nested]);
    // Without the option, shadow roots are not read.
    expect(texts(collectText(root))).toEqual(['light', 'a light']);
  });

  it('reads the shadow root of a host given as the root', () => {
    const root = body('<div id="host"><span>slotted</span></div>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const seen: ShadowRoot[] = [];
    const blocks = Array.from(iterateTextBlocks(host, { onShadowRoot: (s) => seen.push(s) }));
    expect(texts(blocks)).toEqual(['slotted', 'inside']);
    expect(seen).toEqual([shadow]);
  });
});
