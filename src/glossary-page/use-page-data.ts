import { useEffect, useState } from 'preact/hooks';
import { readPacks, watchPacks, type PackSets } from '../packs/pack-store';
import type { ManagedSettings } from '../settings/managed-settings';
import type { Settings } from '../settings/settings';
import { useSettings } from '../ui/use-settings';
import { keptAsideItem, loadUserData, watchUserData, type KeptAside } from '../user-data/store';
import { emptyUserData, type UserData } from '../user-data/types';

export interface PageData {
  settings?: Settings;
  managed: ManagedSettings;
  packs: PackSets;
  userData: UserData;
  /** False until the stored user data has been read (and checked). */
  userDataReady: boolean;
  keptAside: KeptAside | null;
  systemDark: boolean;
}

/** Settings, the reader's data and the kept-aside copy, kept up to date from storage. */
export function usePageData(): PageData {
  const { settings, managed } = useSettings();
  const [packs, setPacks] = useState<PackSets>({ managed: [], installed: [], managedProblems: [] });
  const [userData, setUserData] = useState<UserData>(emptyUserData);
  const [userDataReady, setReady] = useState(false);
  const [keptAside, setKeptAside] = useState<KeptAside | null>(null);
  const [systemDark, setSystemDark] = useState(
    () => matchMedia('(prefers-color-scheme: dark)').matches,
  );

  useEffect(() => {
    let stopped = false;
    const refreshPacks = () => void readPacks().then((value) => !stopped && setPacks(value));
    refreshPacks();
    void loadUserData().then(async ({ data }) => {
      if (stopped) return;
      setUserData(data);
      setKeptAside(await keptAsideItem.getValue());
      setReady(true);
    });
    const unwatch = [
      watchPacks(refreshPacks),
      watchUserData(setUserData),
      keptAsideItem.watch((value) => setKeptAside(value ?? null)),
    ];
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => setSystemDark(media.matches);
    media.addEventListener('change', onMedia);
    return () => {
      stopped = true;
      unwatch.forEach((stop) => stop());
      media.removeEventListener('change', onMedia);
    };
  }, []);

  return { settings, managed, packs, userData, userDataReady, keptAside, systemDark };
}
