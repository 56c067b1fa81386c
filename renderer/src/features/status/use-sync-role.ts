import { useSyncExternalStore } from 'react';
import type { SyncController, SyncRole } from '../../sync/sync-controller.ts';

/** Whether this window syncs for the officer's windows or follows the one that does. */
export function useSyncRole(sync: SyncController): SyncRole {
  return useSyncExternalStore(
    (notify) => {
      const subscription = sync.role$.subscribe(notify);
      return () => subscription.unsubscribe();
    },
    () => sync.role$.value,
  );
}
