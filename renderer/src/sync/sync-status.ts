import { initialSyncState, type SyncMachineState } from '../../../shared/sync/sync-state.ts';

export type SyncConnection = 'connecting' | 'online' | 'offline';

export type SyncStatus = {
  connection: SyncConnection;
  /** The server no longer accepts this session; local work goes on until the officer signs in. */
  sessionExpired: boolean;
  pending: number;
  /** Set while the first copy of the queue is still arriving. */
  initialSync: { pulled: number; total: number | null } | null;
  /**
   * Set once the open complaints are on the device while the closed history still arrives:
   * the history's share already here, 0–1 (null while unknown).
   */
  history: { fraction: number | null } | null;
  lastSyncedAt: number | null;
  /** The explicit state machine the status bar shows (phase, reason, first-copy progress). */
  machine: SyncMachineState;
};

export const INITIAL_SYNC_STATUS: SyncStatus = {
  connection: 'connecting',
  sessionExpired: false,
  pending: 0,
  initialSync: { pulled: 0, total: null },
  history: null,
  lastSyncedAt: null,
  machine: initialSyncState(0),
};
