/**
 * The built extensions the security tests read (`npm run build` makes them). A missing
 * build fails the tests with the command to run; they never pass silently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir } from '../../../scripts/targets';

export const OUTPUTS = {
  chromium: outputDir('chromium'),
  firefox: outputDir('firefox'),
} as const;

export type Target = keyof typeof OUTPUTS;
export const TARGETS = Object.keys(OUTPUTS) as Target[];

/** The fields of a built manifest the tests look at. */
export interface BuiltManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  [key: string]: unknown;
}

export function readManifest(target: Target): BuiltManifest {
  const file = join(OUTPUTS[target], 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No built extension at ${file}: run \`npm run build\` first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

/** Every file under `dir` whose name ends with one of `extensions`, as absolute paths. */
export function listFiles(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) throw new Error(`No build at ${dir}: run \`npm run build\` first.`);
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    if (extensions.some((ext) => entry.name.endsWith(ext))) {
      out.push(join(entry.parentPath, entry.name));
    }
  }
  return out.sort();
}
