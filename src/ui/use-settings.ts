import { useEffect, useState } from 'preact/hooks';
import { NO_MANAGED_SETTINGS, type ManagedSettings } from '../settings/managed-settings';
import {
  managedSettingsItem,
  readManagedSettings,
  readSettings,
  watchSettings,
  type Settings,
} from '../settings/settings';

/**
 * The settings in effect and what the organisation set (its locked settings are shown as
 * such), kept up to date: for the popup and the glossary page.
 */
export function useSettings(): { settings?: Settings; managed: ManagedSettings } {
  const [settings, setSettings] = useState<Settings>();
  const [managed, setManaged] = useState<ManagedSettings>(NO_MANAGED_SETTINGS);
  useEffect(() => {
    let stopped = false;
    const refreshManaged = () =>
      void readManagedSettings().then((value) => !stopped && setManaged(value));
    void readSettings().then((value) => !stopped && setSettings(value));
    refreshManaged();
    const unwatch = [watchSettings(setSettings), managedSettingsItem.watch(refreshManaged)];
    return () => {
      stopped = true;
      unwatch.forEach((stop) => stop());
    };
  }, []);
  return { settings, managed };
}
