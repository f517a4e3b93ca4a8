/**
 * Scans every built .js and .html file of both outputs for code built from strings
 * (`eval(`, `new Function`) and remote scripts (`<script src=http…>`, `import("http…")`).
 * Any hit fails with the file, the pattern and the code around it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, TARGETS, listFiles } from './built-output';

/** What the store reviews reject, as patterns over minified code. */
export const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  // `eval(` as a call (also `window.eval(`), not `evaluate(` or `myeval(`.
  { name: 'eval(', pattern: /(?<![\w$])eval\s*\(/g },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/g },
  { name: 'remote <script src>', pattern: /<script\b[^>]*\bsrc\s*=\s*["'`]?\s*(?:https?:)?\/\//gi },
  { name: 'remote import()', pattern: /\bimport\s*\(\s*["'`]\s*(?:https?:)?\/\//g },
  { name: 'remote importScripts()', pattern: /\bimportScripts\s*\(\s*["'`]\s*(?:https?:)?\/\//g },
];

export interface Finding {
  file: string;
  pattern: string;
  excerpt: string;
}

export function scan(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  for (const { name, pattern } of FORBIDDEN) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      out.push({ file, pattern: name, excerpt: text.slice(Math.max(0, at - 60), at + 60) });
    }
  }
  return out;
}

describe('the scanner', () => {
  it('finds each forbidden construct and ignores look-alikes', () => {
    const bad = [
      'eval("1")',
      'window.eval (x)',
      'new Function("return 1")',
      '<script src="https://cdn.example/x.js"></script>',
      "<script type=module src='//cdn.example/x.js'>",
      'import("https://cdn.example/x.js")',
      'importScripts("http://x/y.js")',
    ];
    for (const code of bad) expect(scan('x.js', code), code).toHaveLength(1);
    const fine = [
      'page.evaluate(fn)',
      'myeval(1)',
      'x instanceof Function',
      'typeof f === "function"',
      '<script type="module" src="/chunks/popup.js"></script>',
      'import("./chunk.js")',
      'const url = "https://www.example.org/source";',
    ];
    for (const code of fine) expect(scan('x.js', code), code).toEqual([]);
  });
});

describe.each(TARGETS)('the %s build', (target) => {
  const root = OUTPUTS[target];
  const files = listFiles(root, ['.js', '.mjs', '.html']);

  it('has JavaScript files to scan', () => {
    expect(files.filter((f) => /\.m?js$/.test(f)).length).toBeGreaterThan(2);
  });

  it('contains no eval, new Function or remote script', () => {
    const findings = files.flatMap((file) =>
      scan(relative(root, file), readFileSync(file, 'utf8')),
    );
    expect(findings).toEqual([]);
  });
});
