import { describe, expect, it } from 'vitest';
import {
  endOfLocalWeek,
  filterQueue,
  sortQueueEntries,
  startOfLocalDate,
} from '../../../shared/queue/filter-queue.ts';
import {
  DEFAULT_QUEUE_CRITERIA,
  queueCriteriaSchema,
  type QueueCriteria,
} from '../../../shared/queue/queue-criteria.ts';
import { toQueueEntry, type QueueEntry } from '../../../shared/queue/queue-entry.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const WITA = 480;
// Wednesday 25 November 2026, 10:00 WITA.
const NOW = Date.parse('2026-11-25T02:00:00Z');
const DAY = 86_400_000;

function entry(id: string, change: Partial<Complaint>): QueueEntry {
  return toQueueEntry(sampleComplaint({ id, trackingNumber: `KALTIM-2611-${id}`, ...change }));
}

const ENTRIES: QueueEntry[] = [
  entry('00001', { status: 'belum_diverifikasi', unitId: '', dueAt: NOW - DAY }),
  entry('00002', { status: 'belum_diverifikasi', unitId: '', dueAt: NOW + DAY, anonim: true }),
  entry('00003', { status: 'didisposisi', unitId: 'unit-pupr', dueAt: NOW + 2 * DAY }),
  entry('00004', { status: 'didisposisi', unitId: 'unit-dinkes', dueAt: NOW - 2 * DAY }),
  entry('00005', {
    status: 'ditindaklanjuti',
    unitId: 'unit-pupr',
    dueAt: NOW + 20 * DAY,
    rahasia: true,
    anonim: true,
  }),
  entry('00006', { status: 'selesai', unitId: 'unit-pupr', dueAt: 0 }),
  entry('00007', { status: 'diarsipkan', unitId: '', dueAt: 0, categoryId: 'cat-kesehatan' }),
];

function run(change: Partial<QueueCriteria>, searchMatches: Set<string> | null = null) {
  return filterQueue(
    ENTRIES,
    { ...DEFAULT_QUEUE_CRITERIA, ...change },
    {
      now: NOW,
      utcOffsetMinutes: WITA,
      searchMatches,
    },
  );
}

const ids = (rows: readonly QueueEntry[]) => rows.map((row) => row.id);

describe('filterQueue', () => {
  it('shows the active statuses by default and counts every status for the status choice', () => {
    const { rows, counts } = run({});
    expect(ids(rows)).toEqual(['00001', '00002', '00003', '00004', '00005']);
    expect(counts.totals.status).toBe(7);
    expect(counts.status.get('selesai')).toBe(1);
    expect(counts.status.get('belum_diverifikasi')).toBe(2);
  });

  it('counts each choice of a facet as if it were picked, keeping the other facets', () => {
    const { rows, counts } = run({ unitId: 'unit-pupr' });
    expect(ids(rows)).toEqual(['00003', '00005']);
    // Unit counts ignore the unit choice itself but respect the active-status choice.
    expect(counts.unitId.get('unit-pupr')).toBe(2);
    expect(counts.unitId.get('')).toBe(2);
    expect(counts.unitId.get('unit-dinkes')).toBe(1);
    expect(counts.totals.unitId).toBe(5);
    // Deadline counts describe the PUPR rows only.
    expect(counts.deadline.get('due_this_week')).toBe(1);
    expect(counts.deadline.get('later')).toBe(1);
    expect(counts.deadline.get('overdue')).toBeUndefined();
  });

  it('every count equals the rows that picking that choice shows', () => {
    const base: Partial<QueueCriteria> = { status: 'all', privacy: 'anonim' };
    const { counts } = run(base);
    for (const [unitId, count] of counts.unitId) {
      expect(run({ ...base, unitId }).rows).toHaveLength(count);
    }
    for (const [deadline, count] of counts.deadline) {
      if (deadline === 'later') continue;
      expect(run({ ...base, deadline: deadline as QueueCriteria['deadline'] }).rows).toHaveLength(
        count,
      );
    }
  });

  it('splits deadlines into overdue, due this week (to Sunday night local time) and no clock', () => {
    expect(ids(run({ status: 'all', deadline: 'overdue' }).rows)).toEqual(['00001', '00004']);
    expect(ids(run({ status: 'all', deadline: 'due_this_week' }).rows)).toEqual(['00002', '00003']);
    expect(ids(run({ status: 'all', deadline: 'no_clock' }).rows)).toEqual(['00006', '00007']);
  });

  it('filters by privacy flags, a rahasia report counting under both flags it carries', () => {
    expect(ids(run({ privacy: 'rahasia' }).rows)).toEqual(['00005']);
    expect(ids(run({ privacy: 'anonim' }).rows)).toEqual(['00002', '00005']);
    expect(ids(run({ privacy: 'terbuka' }).rows)).toEqual(['00001', '00003', '00004']);
    const { counts } = run({});
    expect(counts.privacy.get('anonim')).toBe(2);
    expect(counts.privacy.get('rahasia')).toBe(1);
    expect(counts.privacy.get('terbuka')).toBe(3);
  });

  it('bounds the received date by whole local days in the instansi time zone', () => {
    const late = entry('00010', { receivedAt: Date.parse('2026-11-24T15:59:59Z') }); // 23:59:59 WITA on the 24th
    const next = entry('00011', { receivedAt: Date.parse('2026-11-24T16:00:00Z') }); // 00:00 WITA on the 25th
    const criteria = {
      ...DEFAULT_QUEUE_CRITERIA,
      receivedFrom: '2026-11-24',
      receivedTo: '2026-11-24',
    };
    const { rows } = filterQueue([late, next], criteria, {
      now: NOW,
      utcOffsetMinutes: WITA,
      searchMatches: null,
    });
    expect(ids(rows)).toEqual(['00010']);
  });

  it('keeps only search matches and leaves them out of every count when they do not match', () => {
    const { rows, counts } = run({ status: 'all' }, new Set(['00003', '00007']));
    expect(ids(rows)).toEqual(['00003', '00007']);
    expect(counts.totals.status).toBe(2);
  });
});

describe('local calendar helpers', () => {
  it('ends the week at midnight between Sunday and Monday, local time', () => {
    expect(new Date(endOfLocalWeek(NOW, WITA)).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    // Sunday 23:30 WITA still belongs to the week ending that night.
    const sundayNight = Date.parse('2026-11-29T15:30:00Z');
    expect(new Date(endOfLocalWeek(sundayNight, WITA)).toISOString()).toBe(
      '2026-11-29T16:00:00.000Z',
    );
    // Monday 00:30 WITA starts a new week.
    const mondayMorning = Date.parse('2026-11-29T16:30:00Z');
    expect(new Date(endOfLocalWeek(mondayMorning, WITA)).toISOString()).toBe(
      '2026-12-06T16:00:00.000Z',
    );
  });

  it('starts a local date at its midnight in the given offset', () => {
    expect(new Date(startOfLocalDate('2026-11-24', 420)).toISOString()).toBe(
      '2026-11-23T17:00:00.000Z',
    );
    expect(new Date(startOfLocalDate('2026-11-24', 540)).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
  });
});

describe('sortQueueEntries', () => {
  it('puts running clocks first by due time and closed ones after, newest change first', () => {
    const a = entry('a', { dueAt: 0, updatedAt: 5 });
    const b = entry('b', { dueAt: 300 });
    const c = entry('c', { dueAt: 0, updatedAt: 9 });
    const d = entry('d', { dueAt: 100 });
    expect(ids(sortQueueEntries([a, b, c, d], 'due_asc'))).toEqual(['d', 'b', 'c', 'a']);
  });

  it('orders by priority, then due time, with the tracking number breaking ties', () => {
    const low = entry('2', { priority: 'rendah', dueAt: 1 });
    const urgentLate = entry('3', { priority: 'mendesak', dueAt: 50 });
    const urgentSoon = entry('4', { priority: 'mendesak', dueAt: 10 });
    const urgentSoonToo = entry('1', { priority: 'mendesak', dueAt: 10 });
    expect(
      ids(sortQueueEntries([low, urgentLate, urgentSoon, urgentSoonToo], 'priority_desc')),
    ).toEqual(['1', '4', '3', '2']);
  });
});

describe('queueCriteriaSchema', () => {
  it('accepts the defaults and refuses a reversed date range or an unknown choice', () => {
    expect(queueCriteriaSchema.safeParse(DEFAULT_QUEUE_CRITERIA).success).toBe(true);
    const reversed = queueCriteriaSchema.safeParse({
      ...DEFAULT_QUEUE_CRITERIA,
      receivedFrom: '2026-11-10',
      receivedTo: '2026-11-01',
    });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.message).toBe('Tanggal awal harus sebelum tanggal akhir');
    expect(
      queueCriteriaSchema.safeParse({ ...DEFAULT_QUEUE_CRITERIA, deadline: 'soon' }).success,
    ).toBe(false);
    expect(
      queueCriteriaSchema.safeParse({ ...DEFAULT_QUEUE_CRITERIA, receivedFrom: '24/11/2026' })
        .success,
    ).toBe(false);
  });
});
