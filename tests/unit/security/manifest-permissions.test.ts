/**
 * Pins the built manifests' permissions, host permissions and content-script matches to
 * the README's "Permissions" table: adding or dropping one fails here until both the
 * manifest (wxt.config.ts) and the README's justification are updated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGETS, readManifest, type BuiltManifest } from './built-output';

/** A match pattern (host permission or content-script match) rather than an API name. */
const isMatchPattern = (value: string): boolean => value === '<all_urls>' || value.includes('://');

/**
 * What a manifest asks for, as `permission:NAME`, `host:PATTERN` (host permissions,
 * including MV2 patterns listed under `permissions`), `optional:...` and
 * `content-script:PATTERN`.
 */
export function declaredAccess(manifest: BuiltManifest): string[] {
  const out = new Set<string>();
  const add = (prefix: string, values: string[] | undefined): void => {
    for (const value of values ?? []) {
      out.add(`${prefix}${isMatchPattern(value) ? 'host' : 'permission'}:${value}`);
    }
  };
  add('', manifest.permissions);
  add('', manifest.host_permissions);
  add('optional-', manifest.optional_permissions);
  add('optional-', manifest.optional_host_permissions);
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches ?? []) out.add(`content-script:${match}`);
  }
  return [...out].sort();
}

interface ReadmeRow {
  what: string;
  why: string;
}

/** The rows of the table under the README's "## Permissions" heading. */
export function readmePermissionRows(readme: string): ReadmeRow[] {
  const section = /^## Permissions\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const rows = section[1]!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  // Header row, then the |---| separator.
  return rows
    .slice(2)
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)))
    .map(([what = '', why = '']) => ({ what, why }));
}

/** The access a README row justifies: each `code` span of its first cell. */
export function justifiedAccess(rows: ReadmeRow[]): string[] {
  const out = new Set<string>();
  for (const { what } of rows) {
    const optional = /optional/i.test(what) ? 'optional-' : '';
    for (const [, token] of what.matchAll(/`([^`]+)`/g)) {
      if (!isMatchPattern(token!)) out.add(`${optional}permission:${token}`);
      else if (/content script/i.test(what)) out.add(`content-script:${token}`);
      else out.add(`${optional}host:${token}`);
    }
  }
  return [...out].sort();
}

const readme = readFileSync('README.md', 'utf8');
const rows = readmePermissionRows(readme);

describe('permissions', () => {
  it('reads a Permissions table in the README whose every row says why', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.what, 'a row names nothing in `code`').toMatch(/`[^`]+`/);
      expect(row.why.length, `the row ${row.what} gives no reason`).toBeGreaterThan(10);
    }
  });

  it.each(TARGETS)(
    'declares in the %s manifest exactly the permissions the README justifies',
    (target) => {
      expect(declaredAccess(readManifest(target))).toEqual(justifiedAccess(rows));
    },
  );

  it('asks the same of Chromium and Firefox', () => {
    expect(declaredAccess(readManifest('chromium'))).toEqual(
      declaredAccess(readManifest('firefox')),
    );
  });

  it('classifies README rows and manifest entries the same way', () => {
    const sample = [
      '| Permission | Why |',
      '| --- | --- |',
      '| content script on all pages (`<all_urls>`) | to read the article you are reading |',
      '| `storage` | to keep your settings |',
      '| `https://example.org/*` | an example host permission |',
    ].join('\n');
    expect(justifiedAccess(readmePermissionRows(`# x\n\n## Permissions\n\n${sample}\n`))).toEqual(
      declaredAccess({
        manifest_version: 3,
        name: 'x',
        version: '1',
        permissions: ['storage'],
        host_permissions: ['https://example.org/*'],
        content_scripts: [{ matches: ['<all_urls>'] }],
      }),
    );
  });
});
