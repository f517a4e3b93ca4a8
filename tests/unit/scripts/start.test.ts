import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../../../scripts/targets';

const run = (args: string[], env: Record<string, string>) =>
  execFileSync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', ...args],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );

describe('npm start', () => {
  it('prints how to load the build by hand when there is no display', () => {
    const out = run(['--skip-build', '--print-only'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(out).toContain('No display was found');
    expect(out).toContain('chrome://extensions');
    expect(out).toContain(outputDir('chromium'));
    expect(out).toMatch(/http:\/\/127\.0\.0\.1:\d+\/articles\/demo-en\.html/);
  });

  it('gives the Firefox steps and the French demo article when asked', () => {
    const out = run(['--skip-build', '--print-only', '--firefox', '--lang=fr'], { DISPLAY: '' });
    expect(out).toContain('about:debugging#/runtime/this-firefox');
    expect(out).toContain('demo-fr.html');
  });

  it('says when the browser it was pointed at does not exist', () => {
    const out = run(['--skip-build', '--print-only'], {
      DISPLAY: ':0',
      CHROME_PATH: '/nonexistent/chrome',
    });
    expect(out).toContain('No Chrome or Chromium was found');
  });
});
