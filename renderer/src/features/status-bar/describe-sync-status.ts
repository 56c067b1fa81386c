import type { MessageKey } from '../../i18n/messages-id.ts';
import type { MessageParams } from '../../i18n/translate.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'warning';

/** The status-bar sentence for a sync status: what phase, and why when something is wrong. */
export function describeSyncStatus(status: SyncStatus): {
  tone: SyncTone;
  key: MessageKey;
  params: MessageParams;
} {
  const { machine, pending } = status;
  const count = { count: pending };
  switch (machine.phase) {
    case 'paused':
      return { tone: 'warning', key: 'syncState.paused', params: count };
    case 'offline':
      return pending > 0
        ? { tone: 'offline', key: 'sync.offline', params: count }
        : { tone: 'offline', key: 'sync.offlineNone', params: {} };
    case 'connecting':
      return { tone: 'busy', key: 'sync.connecting', params: {} };
    case 'initial_sync':
      return { tone: 'busy', key: 'syncState.initial', params: {} };
    case 'error': {
      const problem = machine.problem;
      if (problem?.kind === 'session_revoked')
        return { tone: 'warning', key: 'syncState.sessionRevoked', params: count };
      if (problem?.kind === 'session_expired')
        return { tone: 'warning', key: 'sync.reloginNeeded', params: count };
      if (problem?.kind === 'clock_skew') {
        const hours = Math.round((Math.abs(problem.offsetMs) / 3_600_000) * 10) / 10;
        return {
          tone: 'warning',
          key: problem.offsetMs > 0 ? 'syncState.clockAhead' : 'syncState.clockBehind',
          params: { hours },
        };
      }
      return { tone: 'offline', key: 'syncState.unreachable', params: count };
    }
    case 'live':
      return pending > 0
        ? { tone: 'busy', key: 'sync.syncing', params: count }
        : { tone: 'ok', key: 'sync.live', params: {} };
  }
}
