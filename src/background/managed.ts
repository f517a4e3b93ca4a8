/**
 * Reads the organisation's policy (storage.managed) when the background starts and when
 * the policy changes, and keeps its parsed form where every context reads it: the settings
 * part (settings/managed-settings.ts) and the packs (packs/pack-store.ts). Without a policy
 * (most readers; Firefox without policies.json rejects the read) both are empty.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { bundledGlossary } from '../glossary/bundled';
import { resolveToday } from '../glossary/truth-rules';
import { parseManagedPolicy } from '../packs/managed-policy';
import { managedPacksItem, storeManaged } from '../packs/pack-store';
import { managedSettingsItem } from '../settings/settings';

/**
 * The policy last parsed, as JSON text: the background starts often (MV3), and checking a
 * policy's packs takes tens of milliseconds, so an unchanged policy is not parsed again.
 */
const parsedSourceItem = storage.defineItem<string | null>('local:managedPolicySource', {
  fallback: null,
});

export async function loadManagedPolicy(): Promise<void> {
  const raw = await browser.storage.managed.get().catch(() => ({}));
  const source = JSON.stringify(raw);
  if ((await parsedSourceItem.getValue()) === source) return;
  const policy = parseManagedPolicy(raw, { bundled: bundledGlossary(), today: resolveToday() });
  for (const problem of policy.problems) console.warn(`Sovereignty Lens policy: ${problem}`);
  // The background starts often (MV3): write only what changed, so that nothing reloads.
  const [settings, packs] = await Promise.all([
    managedSettingsItem.getValue(),
    managedPacksItem.getValue(),
  ]);
  const managedPacks = { packs: policy.packs, problems: policy.problems };
  if (JSON.stringify(settings) !== JSON.stringify(policy.settings)) {
    await managedSettingsItem.setValue(policy.settings);
  }
  if (JSON.stringify(packs) !== JSON.stringify(managedPacks)) await storeManaged(managedPacks);
  await parsedSourceItem.setValue(source);
}

/** Loads the policy now and again whenever the browser reports a change; returns the unwatch. */
export function followManagedPolicy(): () => void {
  void loadManagedPolicy();
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void loadManagedPolicy();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
