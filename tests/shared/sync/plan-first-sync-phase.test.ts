import { describe, expect, it } from 'vitest';
import {
  historyShare,
  isOpenStatus,
  openCursorOf,
  planFirstSyncPhase,
} from '../../../shared/sync/plan-first-sync-phase.ts';

const open = (done: boolean) => ({ asOf: 1000, after: null, done });

describe('planFirstSyncPhase', () => {
  it('starts a first pull in the open phase only for a device that asks', () => {
    expect(planFirstSyncPhase({ seq: 0 }, true)).toBe('open');
    expect(planFirstSyncPhase({ seq: 0 }, false)).toBe('changes');
    expect(planFirstSyncPhase({ seq: 12 }, true)).toBe('changes');
  });

  it('stays in the open phase until it is done, then brings the history up to the start', () => {
    expect(planFirstSyncPhase({ seq: 0, firstPullHead: 50, open: open(false) }, true)).toBe('open');
    expect(planFirstSyncPhase({ seq: 0, firstPullHead: 50, open: open(true) }, true)).toBe(
      'history',
    );
    expect(planFirstSyncPhase({ seq: 49, firstPullHead: 50, open: open(true) }, true)).toBe(
      'history',
    );
    expect(planFirstSyncPhase({ seq: 50, firstPullHead: 50, open: open(true) }, true)).toBe(
      'changes',
    );
  });
});

describe('the open phase', () => {
  it('counts every status but selesai, diarsipkan and bukan_wewenang as open', () => {
    expect(isOpenStatus('didisposisi')).toBe(true);
    expect(isOpenStatus('belum_diverifikasi')).toBe(true);
    for (const closed of ['selesai', 'diarsipkan', 'bukan_wewenang'] as const)
      expect(isOpenStatus(closed)).toBe(false);
  });

  it('orders by overdue at the sync’s start, a complaint without a due date never overdue', () => {
    expect(openCursorOf({ id: 'a', dueAt: 999, receivedAt: 5 }, 1000).o).toBe(1);
    expect(openCursorOf({ id: 'a', dueAt: 1000, receivedAt: 5 }, 1000).o).toBe(0);
    expect(openCursorOf({ id: 'a', dueAt: 0, receivedAt: 5 }, 1000).o).toBe(0);
  });

  it('reports the history’s share from what came after the open phase', () => {
    expect(historyShare(100, 1100, 100)).toBe(0);
    expect(historyShare(550, 1100, 100)).toBe(0.45);
    expect(historyShare(1100, 1100, 100)).toBe(1);
    expect(historyShare(100, 100, 100)).toBe(1);
    expect(historyShare(100, null, 100)).toBeNull();
  });
});
