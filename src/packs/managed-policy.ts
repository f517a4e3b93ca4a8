/**
 * An organisation's policy for the extension, as the browser's policy engine gives it
 * (storage.managed: Chromium's `3rdparty` extension policy, Firefox's `policies.json`
 * `3rdparty.Extensions`): its packs, default and locked settings, and sites where the
 * extension is off. The keys are listed in MANAGED_POLICY_KEYS and described for Chromium in
 * the managed schema the build writes (managed-schema.ts). Pure: the background reads the
 * policy and keeps the parsed result.
 */
import type { Glossary } from '../glossary/types';
import { formatProblems } from '../glossary/validate';
import { parseManagedSettings, type ManagedSettings } from '../settings/managed-settings';
import { compareVersions, type InstalledPack } from './pack-format';
import { validatePack, parsePackFile } from './validate-pack';

export const MANAGED_POLICY_KEYS = ['packs', 'settings', 'lockedSettings', 'disabledSites'];

export interface ManagedPolicy {
  settings: ManagedSettings;
  /** The organisation's packs, in the policy's order; they come before the reader's. */
  packs: InstalledPack[];
  /** What was left out, and why, for the glossary page (plain English, one line each). */
  problems: string[];
}

/**
 * Parses a policy. Each pack is a pack file's text (the form both policy engines carry
 * best) or the same JSON as an object; a pack that fails validation is left out, never
 * half-applied, and its problems are reported. Of two packs with the same id, the newer
 * version is kept.
 */
export function parseManagedPolicy(
  raw: unknown,
  { bundled, today }: { bundled: Glossary; today: string },
): ManagedPolicy {
  const policy = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const problems: string[] = [];
  for (const key of Object.keys(policy)) {
    if (!MANAGED_POLICY_KEYS.includes(key)) problems.push(`${key}: not a policy of this extension`);
  }
  const parsed = parseManagedSettings(policy as Record<string, unknown>);
  problems.push(...parsed.problems);

  const given = (policy as Record<string, unknown>).packs;
  if (given !== undefined && !Array.isArray(given)) {
    problems.push('packs: must be an array of pack files');
  }
  const packs: InstalledPack[] = [];
  (Array.isArray(given) ? given : []).forEach((item: unknown, i) => {
    const options = { bundled, today, mode: 'import' as const };
    const result =
      typeof item === 'string' ? parsePackFile(item, options) : validatePack(item, options);
    if (!result.pack) {
      const lines = formatProblems(result.problems, `packs[${i}]`).split('\n');
      problems.push(...lines);
      return;
    }
    const pack: InstalledPack = { ...result.pack, installedAt: '' };
    const same = packs.findIndex((p) => p.id === pack.id);
    if (same === -1) packs.push(pack);
    else {
      problems.push(`packs[${i}]: the pack "${pack.id}" is given twice; the newer version is kept`);
      if (compareVersions(pack.version, packs[same]!.version) > 0) packs[same] = pack;
    }
  });
  return { settings: parsed.settings, packs, problems };
}
