import type { QueueEntry } from '../queue/queue-entry.ts';
import { localDateOf } from '../deadline/working-calendar.ts';

/** What the workstation remembers between runs to notify each thing once. */
export type NotificationMemory = {
  /** Complaints disposed to the officer's OPD already seen (or notified). */
  disposedSeen: string[];
  /** The instansi-local date (YYYY-MM-DD) on which "due today" was last notified. */
  dueTodayNotifiedOn: string | null;
};

export type PlannedNotification =
  | { kind: 'disposed'; trackingNumbers: string[]; count: number }
  | { kind: 'due_today'; trackingNumbers: string[]; count: number };

const CLOSED = new Set(['selesai', 'diarsipkan', 'bukan_wewenang']);
/** A notification names at most this many tracking numbers; the rest are counted. */
export const NAMED_IN_NOTIFICATION = 3;

/**
 * Decides which OS notifications are due, from the queue and what was notified before:
 * complaints newly disposed to the penghubung's own OPD, and once per local day the complaints
 * whose deadline falls today. With no memory yet (first sync on this device) the current
 * dispositions are only remembered, so an officer is not flooded with the backlog.
 */
export function planNotifications(input: {
  entries: Iterable<QueueEntry>;
  officer: { role: string; unitId: string };
  memory: NotificationMemory | null;
  now: number;
  utcOffsetMinutes: number;
}): { notifications: PlannedNotification[]; memory: NotificationMemory } {
  const { officer, memory, now, utcOffsetMinutes } = input;
  const today = localDateOf(now, utcOffsetMinutes);
  const seen = new Set(memory?.disposedSeen ?? []);
  const disposed: QueueEntry[] = [];
  const newlyDisposed: QueueEntry[] = [];
  const dueToday: QueueEntry[] = [];
  for (const entry of input.entries) {
    if (
      officer.role === 'penghubung' &&
      entry.status === 'didisposisi' &&
      entry.unitId === officer.unitId
    ) {
      disposed.push(entry);
      if (!seen.has(entry.id)) newlyDisposed.push(entry);
    }
    if (
      entry.dueAt !== 0 &&
      !CLOSED.has(entry.status) &&
      entry.dueAt >= now &&
      localDateOf(entry.dueAt, utcOffsetMinutes) === today
    ) {
      dueToday.push(entry);
    }
  }
  const named = (list: QueueEntry[]) =>
    [...list]
      .sort((a, b) => a.dueAt - b.dueAt || a.trackingNumber.localeCompare(b.trackingNumber))
      .slice(0, NAMED_IN_NOTIFICATION)
      .map((entry) => entry.trackingNumber);

  const notifications: PlannedNotification[] = [];
  if (memory && newlyDisposed.length > 0) {
    notifications.push({
      kind: 'disposed',
      trackingNumbers: named(newlyDisposed),
      count: newlyDisposed.length,
    });
  }
  const dueNotified = memory?.dueTodayNotifiedOn === today;
  if (!dueNotified && dueToday.length > 0) {
    notifications.push({
      kind: 'due_today',
      trackingNumbers: named(dueToday),
      count: dueToday.length,
    });
  }
  return {
    notifications,
    memory: {
      // Only complaints still disposed here are kept, so the memory never outgrows the queue.
      disposedSeen: disposed.map((entry) => entry.id).sort(),
      dueTodayNotifiedOn:
        dueNotified || dueToday.length > 0 ? today : (memory?.dueTodayNotifiedOn ?? null),
    },
  };
}
