import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import type { Entry } from '../../../src/glossary/types';
import { parsePackFile } from '../../../src/packs/validate-pack';
import { copyOf, testPack, TODAY, truthEntries } from './pack-fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'sl-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `npm run pack -- ...args` from `cwd`: exit code, stdout and stderr. */
function run(args: string[], cwd = process.cwd()): { status: number; out: string; err: string } {
  try {
    const out = execFileSync(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/pack.ts'), ...args],
      {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
        stdio: 'pipe',
        env: { ...process.env, SL_TODAY: '' },
      },
    );
    return { status: 0, out, err: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, out: failed.stdout, err: failed.stderr };
  }
}

/** A pack folder in the temporary directory: pack.json and entries/<id>.json. */
function packDir(name: string, entries: Entry[], fields: Record<string, unknown> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'entries'), { recursive: true });
  const pack: Record<string, unknown> = { ...testPack(), ...fields };
  delete pack.entries;
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack, null, 2));
  for (const entry of entries) {
    writeFileSync(join(dir, 'entries', `${entry.id}.json`), JSON.stringify(entry, null, 2));
  }
  return dir;
}

describe('npm run pack', () => {
  it('writes a valid folder as a pack file, with its warnings, conflicts and a summary', () => {
    const entries = [
      ...truthEntries('valid-base.json'),
      copyOf('cuda', 'test-cuda', ['CUDA', 'Test CUDA']),
    ];
    entries[2]!.reviewed = '2026-01-04';
    const dir = packDir('valid', entries);
    const out = join(tmp, 'valid.json');
    const result = run([dir, '--out', out, '--today', TODAY]);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toMatch(
      /^pack warning: foundry-c reviewed: 2026-01-04 is more than 6 months/m,
    );
    expect(result.out).toContain(
      'pack conflict: The alias "CUDA" of the entry "test-cuda" of the pack "Test pack" is dropped: the bundled entry "cuda" already marks that text.',
    );
    const text = readFileSync(out, 'utf8');
    const bytes = Buffer.byteLength(text).toLocaleString('en');
    expect(result.out).toContain(
      `pack: test-pack 1.0.0: 4 entries, 1 conflicts, ${bytes} bytes -> ${out}`,
    );
    const parsed = parsePackFile(text, {
      bundled: bundledGlossary(),
      today: TODAY,
      mode: 'import',
    });
    expect(parsed.pack?.entries.map((e) => e.id)).toEqual([
      'chip-a',
      'designer-b',
      'foundry-c',
      'test-cuda',
    ]);
  });

  it('names the file <id>-<version>.json by default', () => {
    const dir = packDir('named', truthEntries('valid-base.json'), {
      id: 'named-pack',
      version: '2.1.0',
    });
    const result = run([dir, '--today', TODAY], tmp);
    expect(result.status).toBe(0);
    expect(existsSync(join(tmp, 'named-pack-2.1.0.json'))).toBe(true);
  });

  it('prints every problem of a broken folder, one line each, and writes nothing', () => {
    const entries = truthEntries('valid-base.json');
    Object.assign(entries[1]!, { kind: 'planet' });
    const dir = packDir('broken', entries, { version: '1.0', homepage: 'https://example.org' });
    writeFileSync(
      join(dir, 'entries', 'misnamed.json'),
      JSON.stringify({ ...entries[2], id: 'foundry-d' }),
    );
    const out = join(tmp, 'broken.json');
    const result = run([dir, '--out', out, '--today', TODAY]);
    expect(result.status).toBe(1);
    const lines = result.err.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pack: foundry-d id: must equal the file name "misnamed"/),
        'pack: $ homepage: unknown property',
        expect.stringMatching(/^pack: \$ version: must be MAJOR\.MINOR\.PATCH/),
        expect.stringMatching(/^pack: designer-b kind: must be one of/),
      ]),
    );
    expect(lines.at(-1)).toBe(`pack: ${lines.length - 1} problem(s) in ${dir}; no file written`);
    expect(existsSync(out)).toBe(false);
  });

  it('holds the pack to the rules judged against today, as the build does', () => {
    const dir = packDir('stale', truthEntries('stale-fact.json'));
    const out = join(tmp, 'stale.json');
    const result = run([dir, '--out', out, '--today', TODAY]);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/^pack: chip-a facts\[1\]\.en: speaks of the future/m);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder whose entry file is not JSON, or that has no pack.json, saying which', () => {
    const dir = packDir('not-json', truthEntries('valid-base.json'));
    writeFileSync(join(dir, 'entries', 'chip-a.json'), '{ "id": ');
    const result = run([dir, '--today', TODAY]);
    expect(result.status).toBe(1);
    expect(result.err).toContain(`pack: ${join(dir, 'entries', 'chip-a.json')} is not valid JSON`);
    const missing = run([join(tmp, 'nowhere'), '--today', TODAY]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain(`pack: cannot read ${join(tmp, 'nowhere', 'pack.json')}`);
  });

  it('prints its usage without a folder', () => {
    const result = run([]);
    expect(result.status).toBe(1);
    expect(result.err).toContain('usage: npm run pack -- DIR');
  });
});
