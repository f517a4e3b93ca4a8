/**
 * npm run store:check [-- --chrome-zip PATH] [--strict]
 *
 * Store readiness, after `npm run zip`:
 * 1. `web-ext lint` on .output/firefox-mv2 (addons.mozilla.org's own linter): prints every
 *    error and warning; the warnings the README explains are marked as such.
 * 2. The Chromium zip (newest .output/*-chrome.zip, or --chrome-zip): a Manifest V3
 *    manifest with a resolvable name and description within the Chrome Web Store's
 *    limits, the package.json version, every icon and entry file present in the zip, a
 *    128 px icon, permissions the README's "Permissions" table names, no
 *    content_security_policy other than the strict one (own scripts, no connections) and no
 *    externally_connectable.
 * Prints a summary; exits 1 on any web-ext error or Chromium zip problem (and with
 * --strict, on a web-ext warning the README does not explain).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { outputDir } from './targets';

const FIREFOX_DIR = outputDir('firefox');
const OUTPUT_DIR = resolve('.output');

/**
 * web-ext warnings that come from a dependency or a deliberate choice, with the README's
 * explanation ("Store review notes"). Keyed by code and the file they point at.
 */
export const EXPLAINED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(chunks\/.*|content-scripts\/content)\.js$/,
    why: "Preact's renderer (its dangerouslySetInnerHTML branch, which our code never uses: lint bans it)",
  },
  {
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'data_collection_permissions is newer than strict_min_version; older Firefox ignores it',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'the same key, for Firefox for Android',
  },
];

// ---- A minimal zip reader (central directory; stored and deflated entries) ----

/** The files of a zip archive, by path. */
export function readZip(buffer: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localHeader = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const localName = buffer.readUInt16LE(localHeader + 26);
    const localExtra = buffer.readUInt16LE(localHeader + 28);
    const start = localHeader + 30 + localName + localExtra;
    const data = buffer.subarray(start, start + compressedSize);
    if (method === 0) files.set(name, data);
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`${name}: unsupported compression method ${method}`);
  }
  return files;
}

// ---- The Chromium zip ----

interface Manifest {
  manifest_version?: number;
  name?: string;
  short_name?: string;
  description?: string;
  version?: string;
  default_locale?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: string | Record<string, string>; default_popup?: string };
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[]; matches?: string[] }[];
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
}

/** The names in `code` in the first column of the README's "## Permissions" table. */
export function readmePermissions(readme: string): Set<string> {
  const section = /^## Permissions\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const first = line.trim().startsWith('|') ? line.split('|')[1] : undefined;
    for (const [, token] of first?.matchAll(/`([^`]+)`/g) ?? []) names.add(token!);
  }
  return names;
}

/** Resolves `__MSG_key__` from the zip's default-locale messages. */
function localise(value: string | undefined, files: Map<string, Buffer>, locale = 'en'): string {
  const key = /^__MSG_(\w+)__$/.exec(value ?? '')?.[1];
  if (!key) return value ?? '';
  const messages = files.get(`_locales/${locale}/messages.json`);
  if (!messages) return '';
  const table = JSON.parse(messages.toString('utf8')) as Record<string, { message?: string }>;
  return table[key]?.message ?? '';
}

export interface ZipReport {
  problems: string[];
  facts: string[];
}

/** Checks a Chromium store zip; `version` is package.json's, `allowed` the README's list. */
export function checkChromeZip(
  files: Map<string, Buffer>,
  version: string,
  allowed: Set<string>,
): ZipReport {
  const problems: string[] = [];
  const facts: string[] = [];
  const raw = files.get('manifest.json');
  if (!raw) return { problems: ['no manifest.json at the root of the zip'], facts };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  } catch (error) {
    return { problems: [`manifest.json is not JSON: ${String(error)}`], facts };
  }
  if (manifest.manifest_version !== 3) {
    problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
  }
  const name = localise(manifest.name, files, manifest.default_locale);
  if (!name) problems.push('the name is empty or its message is missing');
  else if (name.length > 75) problems.push(`the name has ${name.length} characters (max 75)`);
  const description = localise(manifest.description, files, manifest.default_locale);
  if (!description) problems.push('the description is empty or its message is missing');
  else if (description.length > 132) {
    problems.push(`the description has ${description.length} characters (max 132)`);
  }
  if (manifest.short_name && manifest.short_name.length > 12) {
    facts.push(`short_name "${manifest.short_name}" is longer than 12 characters (it may be cut)`);
  }
  if (manifest.version !== version) {
    problems.push(`version ${manifest.version} differs from package.json's ${version}`);
  }
  if (!/^\d+(\.\d+){0,3}$/.test(manifest.version ?? '')) {
    problems.push(`version "${manifest.version}" is not 1 to 4 dot-separated integers`);
  }
  const icons = manifest.icons ?? {};
  if (!icons['128']) problems.push('no 128 px icon (the Chrome Web Store requires one)');
  const defaultIcon = manifest.action?.default_icon;
  const iconFiles = [
    ...Object.values(icons),
    ...(typeof defaultIcon === 'string' ? [defaultIcon] : Object.values(defaultIcon ?? {})),
  ];
  const entryFiles = [
    manifest.background?.service_worker,
    manifest.action?.default_popup,
    ...(manifest.content_scripts ?? []).flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]),
  ].filter((f): f is string => !!f);
  for (const file of [...iconFiles, ...entryFiles]) {
    if (!files.has(file.replace(/^\//, ''))) problems.push(`${file} is named but not in the zip`);
  }
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []),
  ];
  for (const permission of new Set(asked)) {
    if (!allowed.has(permission)) {
      problems.push(`permission ${permission} is not justified in the README's Permissions table`);
    }
  }
  // The only override allowed: the default policy plus connect-src 'none' (wxt.config.ts).
  const csp = manifest.content_security_policy as { extension_pages?: string } | undefined;
  if (csp !== undefined) {
    const policy = typeof csp === 'object' ? csp.extension_pages : undefined;
    if (policy !== "script-src 'self'; object-src 'self'; connect-src 'none'") {
      problems.push(`content_security_policy is not the strict one: ${JSON.stringify(csp)}`);
    }
  }
  if ('externally_connectable' in manifest) problems.push('externally_connectable is declared');
  facts.push(
    `"${name}" ${manifest.version}, MV${manifest.manifest_version}, ${files.size} files, ` +
      `icons ${Object.keys(icons).join('/')} px, permissions: ${[...new Set(asked)].join(', ') || 'none'}`,
  );
  return { problems, facts };
}

function newestZip(suffix: string): string | undefined {
  if (!existsSync(OUTPUT_DIR)) return undefined;
  return readdirSync(OUTPUT_DIR)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(OUTPUT_DIR, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

// ---- web-ext lint ----

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintResult {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function runWebExtLint(): LintResult {
  const run = spawnSync(
    'npx',
    [
      'web-ext',
      'lint',
      '--source-dir',
      FIREFOX_DIR,
      '--output',
      'json',
      '--no-config-discovery',
      '--no-input',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    throw new Error(`web-ext lint printed no JSON (exit ${run.status}):\n${run.stderr}`);
  }
  return JSON.parse(run.stdout.slice(start)) as LintResult;
}

export function explanation(message: LintMessage): string | undefined {
  return EXPLAINED_WARNINGS.find(
    (known) => known.code === message.code && known.file.test(message.file ?? ''),
  )?.why;
}

function where(message: LintMessage): string {
  return `${message.file ?? '?'}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}`;
}

// ---- main ----

function main(argv: string[]): number {
  const strict = argv.includes('--strict');
  const zipArg = argv.indexOf('--chrome-zip');
  let failed = false;

  console.log('web-ext lint (Firefox, .output/firefox-mv2)');
  if (!existsSync(join(FIREFOX_DIR, 'manifest.json'))) {
    console.log(`  no build at ${FIREFOX_DIR}: run \`npm run build\` (or \`npm run zip\`) first`);
    return 1;
  }
  const lint = runWebExtLint();
  for (const error of lint.errors) {
    console.log(`  ERROR   ${error.code} ${where(error)}: ${error.message}`);
  }
  let unexplained = 0;
  for (const warning of lint.warnings) {
    const why = explanation(warning);
    if (!why) unexplained++;
    console.log(
      `  warning ${warning.code} ${where(warning)}: ${warning.message}` +
        (why ? `\n          explained: ${why}` : '\n          NOT EXPLAINED in the README'),
    );
  }
  for (const notice of lint.notices) {
    console.log(`  notice  ${notice.code} ${where(notice)}: ${notice.message}`);
  }
  console.log(
    `  ${lint.summary.errors} errors, ${lint.summary.warnings} warnings ` +
      `(${lint.summary.warnings - unexplained} explained), ${lint.summary.notices} notices`,
  );
  if (lint.summary.errors > 0) failed = true;
  if (strict && unexplained > 0) failed = true;

  console.log('\nChromium zip');
  const zipPath = zipArg >= 0 ? resolve(argv[zipArg + 1] ?? '') : newestZip('-chrome.zip');
  if (!zipPath || !existsSync(zipPath)) {
    console.log('  no .output/*-chrome.zip: run `npm run zip` first');
    failed = true;
  } else {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    const allowed = readmePermissions(readFileSync('README.md', 'utf8'));
    const report = checkChromeZip(readZip(readFileSync(zipPath)), version, allowed);
    console.log(`  ${zipPath}`);
    for (const fact of report.facts) console.log(`  ${fact}`);
    for (const problem of report.problems) console.log(`  PROBLEM ${problem}`);
    console.log(`  ${report.problems.length} problems`);
    if (report.problems.length > 0) failed = true;
  }
  const firefoxZip = newestZip('-firefox.zip');
  console.log(`\nFirefox zip: ${firefoxZip ?? 'none (run `npm run zip`)'}`);
  if (!firefoxZip) failed = true;

  console.log(`\nstore check: ${failed ? 'FAILED' : 'ok'}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
