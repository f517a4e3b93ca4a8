import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPersonal, watchPersonal } from '../../../src/user-data/personal-read';
import { packEntryCountItem, userDataItem } from '../../../src/user-data/stored-item';

const NONE = { ownEntries: false, packEntries: 0 };

describe('readPersonal', () => {
  it('reads what the storage items wrote: own or hidden entries, and the pack entry count', async () => {
    expect(await readPersonal()).toEqual(NONE);
    await userDataItem.setValue({ entries: [], hidden: ['nvidia'], notes: {} });
    await packEntryCountItem.setValue(3);
    expect(await readPersonal()).toEqual({ ownEntries: true, packEntries: 3 });
  });

  it('does not count notes alone, nor a broken value', async () => {
    await fakeBrowser.storage.local.set({
      userData: { notes: { nvidia: 'x' } },
      packEntryCount: 'x',
    });
    expect(await readPersonal()).toEqual(NONE);
  });

  it('tells a watcher of every write, a note edited alone included (cards show notes)', async () => {
    const seen = vi.fn();
    const stop = watchPersonal(seen);
    await userDataItem.setValue({ entries: [], hidden: [], notes: { nvidia: 'a' } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    await userDataItem.setValue({ entries: [], hidden: [], notes: { nvidia: 'b' } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    expect(seen).toHaveBeenLastCalledWith(NONE);
    stop();
  });

  it('tells a watcher when either changes, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watchPersonal(seen);
    await packEntryCountItem.setValue(2);
    await vi.waitFor(() =>
      expect(seen).toHaveBeenLastCalledWith({ ownEntries: false, packEntries: 2 }),
    );
    stop();
    await packEntryCountItem.setValue(5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
