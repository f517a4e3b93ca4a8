/**
 * Chromium's schema of the organisation's policy (manifest `storage.managed_schema`):
 * Chromium publishes a policy in storage.managed only when it matches. Written at build
 * time from the settings' own tables, so that a new setting is manageable at once.
 * Firefox reads `policies.json` without a schema; both feed managed-policy.ts.
 */
import { KINDS } from '../glossary/types';
import { MANAGEABLE_SETTINGS } from './managed-settings';
import { CHOICE_NAMES, CHOICE_SETTINGS, FLAG_NAMES, HOVER_DELAY_RANGE } from './settings-shape';

export const MANAGED_SCHEMA_FILE = 'managed-schema.json';

export function managedSchema(): Record<string, unknown> {
  const settings: Record<string, unknown> = {
    kinds: { type: 'array', items: { type: 'string', enum: [...KINDS] } },
    hoverDelayMs: {
      type: 'integer',
      minimum: HOVER_DELAY_RANGE.min,
      maximum: HOVER_DELAY_RANGE.max,
    },
  };
  for (const name of CHOICE_NAMES) {
    settings[name] = { type: 'string', enum: [...CHOICE_SETTINGS[name].choices] };
  }
  for (const name of FLAG_NAMES) settings[name] = { type: 'boolean' };
  return {
    type: 'object',
    properties: {
      packs: {
        title: 'Glossary packs',
        description:
          'Pack files (their JSON text, one string each) added to every reader’s glossary, before the packs readers install themselves.',
        type: 'array',
        items: { type: 'string' },
      },
      settings: {
        title: 'Settings',
        description: 'Default values; those named in lockedSettings cannot be changed.',
        type: 'object',
        properties: settings,
      },
      lockedSettings: {
        title: 'Locked settings',
        description: 'Settings fixed to their value in settings (or their default).',
        type: 'array',
        items: { type: 'string', enum: [...MANAGEABLE_SETTINGS] },
      },
      disabledSites: {
        title: 'Sites where the extension is off',
        description: 'Host names; each also covers its subdomains.',
        type: 'array',
        items: { type: 'string' },
      },
    },
  };
}
