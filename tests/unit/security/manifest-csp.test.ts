/**
 * The content security policy stays the browsers' strict default (no override that could
 * allow eval or remote code) and no web page or other extension may message the extension.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS, readManifest } from './built-output';

describe.each(TARGETS)('the %s manifest', (target) => {
  const manifest = readManifest(target);

  it('keeps the default content security policy (no content_security_policy key)', () => {
    expect(manifest).not.toHaveProperty('content_security_policy');
  });

  it('declares no externally_connectable, so web pages and other extensions cannot message it', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('loads no remote code in its background', () => {
    const background = JSON.stringify(manifest.background ?? {});
    expect(background).not.toMatch(/https?:/);
  });
});
