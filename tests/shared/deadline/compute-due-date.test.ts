import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../../../shared/deadline/compute-due-date.ts';
import {
  computeComplaintDueAt,
  DEFAULT_SLA_RULES,
  runningClock,
} from '../../../shared/deadline/sla-rules.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const WITA = { utcOffsetMinutes: 480, holidays: new Set<string>() };
const at = (iso: string) => Date.parse(iso);

describe('computeDueDate', () => {
  it('counts working days after the arrival day and ends at local midnight', () => {
    // Monday 2 Nov 2026, 09:00 WITA; three working days later is Thursday 5 Nov, 23:59:59.999 WITA.
    expect(computeDueDate(at('2026-11-02T01:00:00Z'), 3, 'working', WITA)).toBe(
      at('2026-11-05T15:59:59.999Z'),
    );
  });

  it('skips weekends and holidays', () => {
    const calendar = { utcOffsetMinutes: 480, holidays: new Set(['2026-11-09']) };
    // Thursday 5 Nov + 3 working days: Fri 6, (Sat, Sun, holiday Mon 9), Tue 10, Wed 11.
    expect(computeDueDate(at('2026-11-05T01:00:00Z'), 3, 'working', calendar)).toBe(
      at('2026-11-11T15:59:59.999Z'),
    );
  });

  it('uses the instansi time zone to decide the arrival day', () => {
    // 23:30 WIB on Friday is 00:30 WITA on Saturday: the clock starts from different days.
    const instant = at('2026-11-06T16:30:00Z');
    const wib = computeDueDate(instant, 1, 'working', {
      utcOffsetMinutes: 420,
      holidays: new Set(),
    });
    const wita = computeDueDate(instant, 1, 'working', WITA);
    expect(wib).toBe(at('2026-11-09T16:59:59.999Z'));
    expect(wita).toBe(at('2026-11-09T15:59:59.999Z'));
  });

  it('counts calendar days when the rule set says so', () => {
    expect(computeDueDate(at('2026-11-06T01:00:00Z'), 3, 'calendar', WITA)).toBe(
      at('2026-11-09T15:59:59.999Z'),
    );
  });

  it('refuses a negative number of days', () => {
    expect(() => computeDueDate(0, -1, 'working', WITA)).toThrow(RangeError);
  });
});

describe('computeComplaintDueAt', () => {
  it('runs the verification clock before disposition and none once closed', () => {
    expect(runningClock(sampleComplaint({ status: 'belum_diverifikasi' }))).toBe('verifikasi');
    expect(runningClock(sampleComplaint({ status: 'didisposisi' }))).toBe('tindak_lanjut');
    expect(runningClock(sampleComplaint({ status: 'selesai' }))).toBeNull();
    expect(
      computeComplaintDueAt(sampleComplaint({ status: 'diarsipkan' }), DEFAULT_SLA_RULES, WITA),
    ).toBe(0);
  });

  it('gives a supervised complaint the longer resolution deadline', () => {
    const base = sampleComplaint({ status: 'ditindaklanjuti' });
    const normal = computeComplaintDueAt(base, DEFAULT_SLA_RULES, WITA);
    const supervised = computeComplaintDueAt(
      { ...base, berkadarPengawasan: true },
      DEFAULT_SLA_RULES,
      WITA,
    );
    expect(supervised).toBeGreaterThan(normal);
    expect(normal).toBe(computeDueDate(base.receivedAt, 14, 'working', WITA));
  });
});
