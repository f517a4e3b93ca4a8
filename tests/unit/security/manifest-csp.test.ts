/**
 * The content security policy is the browsers' strict default (own scripts only, no eval,
 * no remote code) plus `connect-src 'none'`, so the browser itself refuses any connection
 * from the extension's pages and background; and no web page or other extension may
 * message the extension.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS, readManifest } from './built-output';

describe.each(TARGETS)('the %s manifest', (target) => {
  const manifest = readManifest(target);

  it('declares a policy with own scripts only and no connections at all', () => {
    const csp = manifest.content_security_policy as string | { extension_pages?: string };
    const policy = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(policy).toBeDefined();
    const directives = new Map(
      policy!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm/);
  });

  it('declares no externally_connectable, so web pages and other extensions cannot message it', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('loads no remote code in its background', () => {
    const background = JSON.stringify(manifest.background ?? {});
    expect(background).not.toMatch(/https?:/);
  });
});
