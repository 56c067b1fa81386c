import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Replica } from '../../db/create-replica.ts';
import { QueueStore, type QueueStoreSnapshot } from './queue-store.ts';

/** The in-memory queue of this replica, loading while mounted. */
export function useQueueStore(replica: Replica): {
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
} {
  const store = useMemo(() => new QueueStore(replica.complaints), [replica]);
  useEffect(() => {
    store.start().catch((error: unknown) => console.error('queue: loading failed', error));
    return () => store.stop();
  }, [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}
