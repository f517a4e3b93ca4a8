/** Pack files for browser tests, built from tests/fixtures/packs/sample by `npm run pack`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The sample pack's text, as `npm run pack -- tests/fixtures/packs/sample` writes it. */
export function buildSamplePack(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'sl-pack-')), 'sample.json');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/pack.ts', 'tests/fixtures/packs/sample', '--out', out],
    { stdio: 'pipe' },
  );
  return readFileSync(out, 'utf8');
}

/** The same pack as another version, with `change` applied to its parsed JSON. */
export function packVariant(text: string, change: (pack: PackJson) => void): string {
  const pack = JSON.parse(text) as PackJson;
  change(pack);
  return JSON.stringify(pack, null, 2);
}

export interface PackJson {
  format: string;
  id: string;
  title: string;
  version: string;
  entries: {
    id: string;
    aliases: { text: string }[];
    facts: { figures?: { subject: string }[] }[];
  }[];
  retired: string[];
}

/** The ids the sample pack marks on pages/pack-entries.html. */
export const SAMPLE_NAMES = ['FuriosaAI', 'Rebellions', 'd-Matrix'];
