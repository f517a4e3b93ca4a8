/**
 * The browsers the extension is built for, named once: WXT's target, the output folder of
 * each build, and the Debian browser the tests and the benchmark drive. Used by
 * wxt.config.ts, scripts, tests and bench.
 */
import { resolve } from 'node:path';

/** Where `wxt build` writes (wxt.config.ts `outDir`). */
export const OUTPUT_DIR = '.output';

export const TARGETS = {
  chromium: {
    wxt: 'chrome',
    outDir: 'chrome-mv3',
    executable: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    apt: 'chromium',
  },
  firefox: {
    wxt: 'firefox',
    outDir: 'firefox-mv2',
    executable: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    apt: 'firefox-esr',
  },
} as const;

export type TargetName = keyof typeof TARGETS;
export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

/** The built extension of a target (absolute; relative to `root`, default the cwd). */
export function outputDir(target: TargetName, root = process.cwd()): string {
  return resolve(root, OUTPUT_DIR, TARGETS[target].outDir);
}
