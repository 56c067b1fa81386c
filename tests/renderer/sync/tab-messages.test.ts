import { describe, expect, it } from 'vitest';
import { parseTabMessage } from '../../../renderer/src/sync/tab-messages.ts';
import { INITIAL_SYNC_STATUS } from '../../../renderer/src/sync/sync-status.ts';
import { initialSyncState, reduceSyncState } from '../../../shared/sync/sync-state.ts';

describe('messages between the windows of one officer', () => {
  it('carries the leader’s status whole, problem and first-copy progress included', () => {
    let machine = initialSyncState(1_000);
    machine = reduceSyncState(machine, { type: 'INITIAL_START', alreadyPulled: 20, at: 1_000 });
    machine = reduceSyncState(machine, { type: 'STREAM', state: 'disconnected', at: 2_000 });
    machine = reduceSyncState(machine, { type: 'TICK', at: 60_000 });
    expect(machine.problem?.kind).toBe('server_unreachable');
    const status = {
      ...INITIAL_SYNC_STATUS,
      pending: 3,
      lastSyncedAt: 900,
      initialSync: { pulled: 20, total: 500 },
      history: { fraction: 0.45 },
      machine,
    };
    // Structured clone is what BroadcastChannel does to a message.
    expect(parseTabMessage(structuredClone({ type: 'status', status }))).toEqual({
      type: 'status',
      status,
    });
  });

  it('carries requests to the leader', () => {
    for (const type of ['status-wanted', 'sync-now', 'pause', 'resume', 'attachments-kick']) {
      expect(parseTabMessage({ type })).toEqual({ type });
    }
    expect(parseTabMessage({ type: 'attachments-want', eventId: 'ev-1' })).toEqual({
      type: 'attachments-want',
      eventId: 'ev-1',
    });
  });

  it('ignores what it does not understand instead of acting on it', () => {
    expect(parseTabMessage(null)).toBeNull();
    expect(parseTabMessage('sync-now')).toBeNull();
    expect(parseTabMessage({ type: 'drop-replica' })).toBeNull();
    expect(parseTabMessage({ type: 'attachments-want', eventId: '' })).toBeNull();
    expect(
      parseTabMessage({
        type: 'status',
        status: { ...INITIAL_SYNC_STATUS, pending: -1 },
      }),
    ).toBeNull();
    expect(
      parseTabMessage({
        type: 'status',
        status: { ...INITIAL_SYNC_STATUS, machine: { phase: 'live' } },
      }),
    ).toBeNull();
  });
});
