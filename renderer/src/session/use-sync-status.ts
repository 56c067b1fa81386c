import type { SyncController } from '../sync/sync-controller.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import { useSubjectValue } from './use-subject-value.ts';

export function useSyncStatus(sync: SyncController): SyncStatus {
  return useSubjectValue(sync.status$);
}
