import { useSyncExternalStore } from 'react';
import type { SyncController } from '../../sync/sync-controller.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';

export function useSyncStatus(sync: SyncController): SyncStatus {
  return useSyncExternalStore(
    (notify) => {
      const subscription = sync.status$.subscribe(notify);
      return () => subscription.unsubscribe();
    },
    () => sync.status$.value,
  );
}
