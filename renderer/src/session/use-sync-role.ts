import type { SyncController, SyncRole } from '../sync/sync-controller.ts';
import { useSubjectValue } from './use-subject-value.ts';

/** Whether this window syncs for the officer's windows or follows the one that does. */
export function useSyncRole(sync: SyncController): SyncRole {
  return useSubjectValue(sync.role$);
}
