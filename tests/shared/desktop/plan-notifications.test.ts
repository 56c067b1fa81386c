import { describe, expect, it } from 'vitest';
import {
  planNotifications,
  type NotificationMemory,
} from '../../../shared/desktop/plan-notifications.ts';
import { toQueueEntry } from '../../../shared/queue/queue-entry.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const WITA = 480;
// Monday 23 November 2026, 09:00 WITA.
const NOW = Date.parse('2026-11-23T01:00:00Z');
// 23:59:59.999 WITA the same day.
const END_OF_TODAY = Date.parse('2026-11-23T15:59:59.999Z');
const TOMORROW = END_OF_TODAY + 86_400_000;
const PENGHUBUNG = { role: 'penghubung', unitId: 'unit-pupr' };
const ADMIN = { role: 'admin_instansi', unitId: '' };

let serial = 0;
function complaint(change: Partial<Complaint>) {
  serial += 1;
  return toQueueEntry(
    sampleComplaint({
      id: `c-${serial}`,
      trackingNumber: `KALTIM-2611-${String(serial).padStart(5, '0')}`,
      dueAt: TOMORROW,
      ...change,
    }),
  );
}

function plan(
  entries: ReturnType<typeof complaint>[],
  memory: NotificationMemory | null,
  officer = PENGHUBUNG,
  now = NOW,
) {
  return planNotifications({ entries, officer, memory, now, utcOffsetMinutes: WITA });
}

describe('which notifications are due', () => {
  it('on the first run remembers what is already disposed without announcing it', () => {
    const disposed = [complaint({}), complaint({})];
    const result = plan(disposed, null);
    expect(result.notifications).toEqual([]);
    expect(result.memory.disposedSeen).toEqual(disposed.map((entry) => entry.id).sort());
  });

  it('announces complaints newly disposed to the penghubung’s OPD, once', () => {
    const old = complaint({});
    const first = plan([old], null);
    const fresh = [complaint({}), complaint({})];
    const otherUnit = complaint({ unitId: 'unit-dinkes' });
    const notYetDisposed = complaint({ status: 'belum_diverifikasi' });
    const second = plan([old, ...fresh, otherUnit, notYetDisposed], first.memory);
    expect(second.notifications).toEqual([
      {
        kind: 'disposed',
        count: 2,
        trackingNumbers: fresh.map((entry) => entry.trackingNumber),
      },
    ]);
    expect(plan([old, ...fresh], second.memory).notifications).toEqual([]);
  });

  it('names at most three tracking numbers and counts the rest', () => {
    const first = plan([], { disposedSeen: [], dueTodayNotifiedOn: null });
    const many = Array.from({ length: 5 }, () => complaint({}));
    const [notification] = plan(many, first.memory).notifications;
    expect(notification?.count).toBe(5);
    expect(notification?.trackingNumbers).toHaveLength(3);
  });

  it('never announces dispositions to the admin or koordinator', () => {
    const memory = { disposedSeen: [], dueTodayNotifiedOn: null };
    expect(plan([complaint({})], memory, ADMIN).notifications).toEqual([]);
    expect(
      plan([complaint({})], memory, { role: 'koordinator', unitId: '' }).notifications,
    ).toEqual([]);
  });

  it('announces the deadlines that fall later today, once per local day', () => {
    const dueToday = complaint({ status: 'belum_diverifikasi', dueAt: END_OF_TODAY });
    const alsoToday = complaint({ status: 'ditindaklanjuti', dueAt: NOW + 3_600_000 });
    const alreadyPassed = complaint({ status: 'didisposisi', dueAt: NOW - 60_000 });
    const closed = complaint({ status: 'selesai', dueAt: END_OF_TODAY });
    const noClock = complaint({ status: 'ditunda', dueAt: 0 });
    const entries = [dueToday, alsoToday, alreadyPassed, closed, noClock, complaint({})];
    const first = plan(entries, null, ADMIN);
    expect(first.notifications).toEqual([
      {
        kind: 'due_today',
        count: 2,
        trackingNumbers: [alsoToday.trackingNumber, dueToday.trackingNumber],
      },
    ]);
    expect(first.memory.dueTodayNotifiedOn).toBe('2026-11-23');
    expect(plan(entries, first.memory, ADMIN, NOW + 3_600_000).notifications).toEqual([]);
    // The next morning the new day's deadlines are announced again.
    const tomorrowMorning = NOW + 86_400_000;
    const next = plan([complaint({ dueAt: TOMORROW })], first.memory, ADMIN, tomorrowMorning);
    expect(next.notifications.map((n) => n.kind)).toEqual(['due_today']);
  });

  it('uses the instansi’s local day, not UTC', () => {
    // 23:30 WITA on the 23rd is still the 23rd locally although UTC says 15:30.
    const late = Date.parse('2026-11-23T15:30:00Z');
    const entry = complaint({ status: 'belum_diverifikasi', dueAt: END_OF_TODAY });
    expect(plan([entry], null, ADMIN, late).notifications).toHaveLength(1);
    // Due just after local midnight is tomorrow's, not today's.
    const afterMidnight = complaint({ status: 'belum_diverifikasi', dueAt: END_OF_TODAY + 1 });
    expect(plan([afterMidnight], null, ADMIN, late).notifications).toEqual([]);
  });

  it('forgets complaints that are no longer disposed here', () => {
    const entry = complaint({});
    const first = plan([entry], null);
    expect(plan([], first.memory).memory.disposedSeen).toEqual([]);
  });
});
