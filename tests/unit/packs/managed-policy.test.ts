import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { MANAGED_POLICY_KEYS, parseManagedPolicy } from '../../../src/packs/managed-policy';
import { MANAGEABLE_SETTINGS } from '../../../src/settings/managed-settings';
import { managedSchema } from '../../../src/settings/managed-schema';
import { CHOICE_NAMES, CHOICE_SETTINGS } from '../../../src/settings/settings-shape';
import { packFile, testPack, TODAY } from './pack-fixtures';

const options = { bundled: bundledGlossary(), today: TODAY };

describe('parseManagedPolicy', () => {
  it('reads packs given as file text or as JSON, with the settings part', () => {
    const policy = parseManagedPolicy(
      {
        packs: [
          packFile(),
          { ...testPack({ id: 'second-pack', entries: [] }), entries: undefined },
        ],
        lockedSettings: ['paused'],
        disabledSites: ['intranet.example'],
      },
      options,
    );
    expect(policy.packs.map((p) => p.id)).toEqual(['test-pack']);
    expect(policy.packs[0]!.installedAt).toBe('');
    // The second one has no entries: left out whole, and said so with its place.
    expect(policy.problems.some((p) => p.startsWith('packs[1]: $ entries'))).toBe(true);
    expect(policy.settings.locked).toEqual({ paused: false });
    expect(policy.settings.disabledSites).toEqual(['intranet.example']);
  });

  it('keeps the newer of two versions of a pack, and says so', () => {
    const older = packFile({ version: '1.0.0' });
    const newer = JSON.parse(packFile({ version: '1.2.0' })) as object;
    const policy = parseManagedPolicy({ packs: [older, newer] }, options);
    expect(policy.packs.map((p) => p.version)).toEqual(['1.2.0']);
    expect(policy.problems).toEqual([
      'packs[1]: the pack "test-pack" is given twice; the newer version is kept',
    ]);
  });

  it('reports what it does not know and reads nothing from a malformed policy', () => {
    expect(parseManagedPolicy({ colour: 'red', packs: 'x' }, options).problems).toEqual([
      'colour: not a policy of this extension',
      'packs: must be an array of pack files',
    ]);
    for (const raw of [undefined, null, 'text', [1]]) {
      const policy = parseManagedPolicy(raw, options);
      expect(policy.packs).toEqual([]);
      expect(policy.settings).toEqual({ defaults: {}, locked: {}, disabledSites: [] });
    }
  });
});

describe("Chromium's managed schema", () => {
  const schema = managedSchema() as {
    properties: Record<
      string,
      { properties?: Record<string, { enum?: string[] }>; items?: { enum?: string[] } }
    >;
  };

  it('describes every setting an organisation can set, with the values of each choice', () => {
    const settings = schema.properties.settings!.properties!;
    expect(Object.keys(settings).sort()).toEqual([...MANAGEABLE_SETTINGS].sort());
    for (const name of CHOICE_NAMES) {
      expect(settings[name]!.enum).toEqual([...CHOICE_SETTINGS[name].choices]);
    }
    expect(schema.properties.lockedSettings!.items!.enum).toEqual([...MANAGEABLE_SETTINGS]);
  });

  it('has a property for each key the policy reader knows', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_POLICY_KEYS].sort());
  });
});
