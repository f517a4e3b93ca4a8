import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { collectText } from '../../../src/page/collect-text';
import { documentText } from '../../../src/page/block-offsets';
import { labelSource, main } from '../../../scripts/label-fixtures';

function extract(html: string): string {
  return documentText(collectText(parseHTML(html).document as unknown as Document));
}

describe('labelSource', () => {
  it('removes labels and gives offsets into the collected text', () => {
    const source =
      '<html><head><title>x</title></head><body><h1>{{trainium-2|Trainium <em>2</em>}} launch</h1>' +
      '<p>From {{annapurna-labs|Annapurna Labs}} and {{nvidia|Nvidia}}’s rival.</p></body></html>';
    const { html, expected } = labelSource(source);
    expect(html).not.toContain('{{');
    expect(html).toContain('<h1>Trainium <em>2</em> launch</h1>');
    const text = extract(html);
    expect(expected).toEqual([
      { id: 'trainium-2', text: 'Trainium 2', start: 0, end: 10 },
      { id: 'annapurna-labs', text: 'Annapurna Labs', start: 24, end: 38 },
      { id: 'nvidia', text: 'Nvidia', start: 43, end: 49 },
    ]);
    for (const m of expected) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reports a label inside an excluded element', () => {
    const source =
      '<body><p>{{cuda|CUDA}}</p><pre>{{cuda|CUDA}}</pre><code>{{nvidia|x}}</code></body>';
    expect(() => labelSource(source)).toThrow(/\{\{cuda\|CUDA\}\} is not in the collected text/);
    expect(() => labelSource(source)).toThrow(/\{\{nvidia\|x\}\}/);
  });

  it('reports a label inside an attribute', () => {
    expect(() => labelSource('<body><p title="{{cuda|CUDA}}">x</p></body>')).toThrow(
      /not in the collected text/,
    );
  });

  it('reports a label that crosses a block boundary', () => {
    expect(() => labelSource('<body><p>{{cuda|CU</p><p>DA}}</p></body>')).toThrow(/block/);
  });

  it('reports a malformed label', () => {
    expect(() => labelSource('<body><p>{{cuda CUDA}}</p></body>')).toThrow(/malformed/);
  });
});

describe('npm run fixtures:label', () => {
  it('writes the plain HTML and the expected mentions of every source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'label-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src', 'one.html'),
      '<body><p>{{nvidia|Nvidia}} and {{amd|AMD}}</p></body>',
    );
    writeFileSync(join(dir, 'src', 'bad.html'), '<body><code>{{nvidia|Nvidia}}</code></body>');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = main(dir);
    out.mockRestore();
    err.mockRestore();
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'one.html'), 'utf8')).toBe('<body><p>Nvidia and AMD</p></body>');
    expect(JSON.parse(readFileSync(join(dir, 'one.expected.json'), 'utf8'))).toEqual([
      { id: 'nvidia', text: 'Nvidia', start: 0, end: 6 },
      { id: 'amd', text: 'AMD', start: 11, end: 14 },
    ]);
  });
});
