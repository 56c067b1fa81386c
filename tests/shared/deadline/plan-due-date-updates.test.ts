import { describe, expect, it } from 'vitest';
import { planDueDateUpdates } from '../../../shared/deadline/plan-due-date-updates.ts';
import { computeComplaintDueAt, DEFAULT_SLA_RULES } from '../../../shared/deadline/sla-rules.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const wita = (local: string) => Date.parse(`${local}+08:00`);
const PLAIN: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set() };
const WITH_HOLIDAY: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set(['2026-12-08']) };

function stored(id: string, statusChangedAt: string, calendar: WorkingCalendar) {
  const complaint = sampleComplaint({
    id,
    status: 'didisposisi',
    receivedAt: wita('2026-11-30T09:00'),
    statusChangedAt: wita(statusChangedAt),
  });
  return { ...complaint, dueAt: computeComplaintDueAt(complaint, DEFAULT_SLA_RULES, calendar) };
}

describe('planDueDateUpdates', () => {
  it('moves the running deadlines a new holiday falls inside, and only those', () => {
    const spanning = stored('a', '2026-12-07T10:00', PLAIN); // due Mon 14 → Tue 15
    const after = stored('b', '2026-12-09T10:00', PLAIN); // starts after the holiday
    const closed = {
      ...stored('c', '2026-12-07T10:00', PLAIN),
      status: 'selesai' as const,
      dueAt: 0,
    };
    expect(planDueDateUpdates([spanning, after, closed], [], WITH_HOLIDAY)).toEqual([
      { id: 'a', dueAt: wita('2026-12-15T23:59:59.999') },
    ]);
  });

  it('brings a stale due date back when the holiday is withdrawn, and plans nothing when all agree', () => {
    const stale = stored('a', '2026-12-07T10:00', WITH_HOLIDAY);
    expect(planDueDateUpdates([stale], [], PLAIN)).toEqual([
      { id: 'a', dueAt: wita('2026-12-14T23:59:59.999') },
    ]);
    expect(planDueDateUpdates([stored('a', '2026-12-07T10:00', PLAIN)], [], PLAIN)).toEqual([]);
  });

  it('gives each clock its own due date when many start on the same day', () => {
    const received = wita('2026-12-01T09:00');
    const base = { status: 'ditindaklanjuti' as const, receivedAt: received, dueAt: 0 };
    const plain = sampleComplaint({ ...base, id: 'plain' });
    const supervised = sampleComplaint({ ...base, id: 'supervised', berkadarPengawasan: true });
    const aspiration = sampleComplaint({ ...base, id: 'aspiration', type: 'aspirasi' });
    const verify = sampleComplaint({ ...base, id: 'verify', status: 'belum_diverifikasi' });
    const all = [plain, supervised, aspiration, verify, { ...plain, id: 'plain-2' }];
    expect(planDueDateUpdates(all, [], WITH_HOLIDAY)).toEqual(
      all.map((complaint) => ({
        id: complaint.id,
        dueAt: computeComplaintDueAt(complaint, DEFAULT_SLA_RULES, WITH_HOLIDAY),
      })),
    );
    expect(
      new Set(all.map((c) => computeComplaintDueAt(c, DEFAULT_SLA_RULES, WITH_HOLIDAY))).size,
    ).toBe(4);
  });
});
