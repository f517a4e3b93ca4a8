import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_GLOSSARY_PATH } from '../../fixtures/matcher/load';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/scan.ts');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function scan(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let html: string;
let txt: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-'));
  html = join(dir, 'article.html');
  txt = join(dir, 'notes.txt');
  writeFileSync(
    html,
    '<!doctype html><html lang="fr"><head><title>Nvidia</title></head><body>' +
      '<h1>Trainium <em>2</em>, la puce d’Amazon</h1><p>Face à Nvidia, <code>CUDA</code> et l’UE.</p>' +
      '<p>Le Google Ironwood, Le Google Ironwood.</p></body></html>',
  );
  writeFileSync(txt, 'Nvidia and CUDA.\n\nAMD too.\n');
});

describe('npm run scan', () => {
  it('prints one JSON line per file with offsets into the extracted text', async () => {
    const { code, stdout } = await scan(html, txt, '--json', '--glossary', TEST_GLOSSARY_PATH);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].file).toBe(html);
    expect(Object.keys(lines[0])).toEqual(['file', 'mentions']);
    expect(lines[0].mentions).toEqual([
      { id: 'trainium-2', name: 'Trainium 2', kind: 'chip', text: 'Trainium 2', start: 0, end: 10 },
      { id: 'amazon', name: 'Amazon', kind: 'company', text: 'Amazon', start: 22, end: 28 },
      { id: 'nvidia', name: 'Nvidia', kind: 'company', text: 'Nvidia', start: 37, end: 43 },
      {
        id: 'european-union',
        name: 'European Union',
        kind: 'institution',
        text: 'UE',
        start: 53,
        end: 55,
      },
    ]);
    expect(
      lines[1].mentions.map((m: { text: string; start: number }) => [m.text, m.start]),
    ).toEqual([
      ['Nvidia', 0],
      ['CUDA', 11],
      ['AMD', 18],
    ]);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await scan(txt, '--glossary', TEST_GLOSSARY_PATH);
    expect(code).toBe(0);
    expect(stdout).toContain('3 mentions of 3 entities');
    expect(stdout).toMatch(/Nvidia\s+company\s+1\s+\[Nvidia\] and CUDA/);
  });

  it('reports a missing file on stderr, scans the others and exits with 1', async () => {
    const missing = join(dir, 'missing.html');
    const { code, stdout, stderr } = await scan(
      missing,
      txt,
      '--json',
      '--glossary',
      TEST_GLOSSARY_PATH,
    );
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([`scan: cannot read ${missing}: no such file`]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).file).toBe(txt);
  });

  it('fails with a message when the glossary is missing', async () => {
    const { code, stderr } = await scan(txt, '--glossary', join(dir, 'none.json'));
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read the glossary');
  });

  it('lists unknown capitalised terms with --unknown', async () => {
    const { stdout } = await scan(html, '--json', '--unknown', '--glossary', TEST_GLOSSARY_PATH);
    const line = JSON.parse(stdout);
    expect(line.unknown).toContainEqual({ term: 'Google Ironwood', count: 2 });
    expect(line.unknown.map((u: { term: string }) => u.term)).not.toContain('Nvidia');
  });
}, 30_000);
