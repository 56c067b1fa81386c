import { describe, expect, it } from 'vitest';
import { describeClock } from '../../../shared/deadline/describe-clock.ts';
import { DEFAULT_SLA_RULES, type SlaRuleSet } from '../../../shared/deadline/sla-rules.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';
import type { ComplaintStatus } from '../../../shared/domain/complaint-status.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

// November 2026 in WITA (UTC+8): Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
const WITA: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set() };
const wita = (localDateTime: string) => Date.parse(`${localDateTime}+08:00`);
const CALENDAR_RULES: SlaRuleSet = { ...DEFAULT_SLA_RULES, counting: 'calendar' };

/** A complaint in `status`, received Mon 2 Nov 09:00 WITA, due at the end of `dueDay` (WITA). */
const complaintDue = (status: ComplaintStatus, dueDay: string) =>
  sampleComplaint({
    status,
    receivedAt: wita('2026-11-02T09:00:00'),
    statusChangedAt: wita('2026-11-02T09:00:00'),
    dueAt: wita(`${dueDay}T23:59:59.999`),
  });

describe('describeClock', () => {
  it('runs no clock once the complaint is closed, archived or returned', () => {
    for (const status of ['selesai', 'diarsipkan', 'bukan_wewenang'] as const) {
      const state = describeClock(
        complaintDue(status, '2026-11-05'),
        wita('2026-11-10T10:00:00'),
        DEFAULT_SLA_RULES,
        WITA,
      );
      expect(state, status).toEqual({ running: false });
    }
  });

  it('runs no clock when the complaint has no due time', () => {
    const complaint = sampleComplaint({ status: 'belum_diverifikasi', dueAt: 0 });
    expect(describeClock(complaint, wita('2026-11-03T10:00:00'), DEFAULT_SLA_RULES, WITA)).toEqual({
      running: false,
    });
  });

  it('names the clock that runs in each open status', () => {
    const now = wita('2026-11-02T10:00:00');
    const clockOf = (status: ComplaintStatus) => {
      const state = describeClock(complaintDue(status, '2026-11-05'), now, DEFAULT_SLA_RULES, WITA);
      return state.running ? state.clock : null;
    };
    expect(clockOf('belum_diverifikasi')).toBe('verifikasi');
    expect(clockOf('ditunda')).toBe('verifikasi');
    expect(clockOf('didisposisi')).toBe('tindak_lanjut');
    expect(clockOf('ditindaklanjuti')).toBe('penyelesaian');
  });

  it('counts the working days left after today, up to and including the due day', () => {
    const complaint = complaintDue('belum_diverifikasi', '2026-11-05');
    expect(describeClock(complaint, wita('2026-11-02T10:00:00'), DEFAULT_SLA_RULES, WITA)).toEqual({
      running: true,
      clock: 'verifikasi',
      dueAt: complaint.dueAt,
      overdue: false,
      daysLeft: 3, // Tue, Wed, Thu
      counting: 'working',
    });
  });

  it('says zero days left on the due day itself, up to its last millisecond', () => {
    const complaint = complaintDue('belum_diverifikasi', '2026-11-05');
    for (const now of [wita('2026-11-05T00:00:00'), complaint.dueAt]) {
      expect(describeClock(complaint, now, DEFAULT_SLA_RULES, WITA)).toMatchObject({
        running: true,
        overdue: false,
        daysLeft: 0,
      });
    }
  });

  it('skips the weekend and holidays when counting what is left', () => {
    const complaint = complaintDue('didisposisi', '2026-11-10');
    const friday = wita('2026-11-06T10:00:00');
    expect(describeClock(complaint, friday, DEFAULT_SLA_RULES, WITA)).toMatchObject({
      daysLeft: 2, // Mon 9, Tue 10
    });
    const withHoliday = { ...WITA, holidays: new Set(['2026-11-09']) };
    expect(describeClock(complaint, friday, DEFAULT_SLA_RULES, withHoliday)).toMatchObject({
      daysLeft: 1, // Tue 10
    });
  });

  it('counts calendar days when the rule set counts calendar days', () => {
    const complaint = complaintDue('didisposisi', '2026-11-10');
    expect(
      describeClock(complaint, wita('2026-11-06T10:00:00'), CALENDAR_RULES, WITA),
    ).toMatchObject({ running: true, overdue: false, daysLeft: 4, counting: 'calendar' });
  });

  it('is overdue from the first millisecond after the due time', () => {
    const complaint = complaintDue('belum_diverifikasi', '2026-11-05');
    expect(describeClock(complaint, complaint.dueAt + 1, DEFAULT_SLA_RULES, WITA)).toMatchObject({
      running: true,
      overdue: true,
      daysLeft: 1,
    });
  });

  it('gives the working days past due when overdue', () => {
    const complaint = complaintDue('belum_diverifikasi', '2026-11-05');
    const nextTuesday = wita('2026-11-10T08:00:00');
    // Past Thu 5: Fri 6, Mon 9, Tue 10 are working days.
    expect(describeClock(complaint, nextTuesday, DEFAULT_SLA_RULES, WITA)).toMatchObject({
      overdue: true,
      daysLeft: 3,
    });
    // Calendar counting: Fri 6 … Tue 10 is five days.
    expect(describeClock(complaint, nextTuesday, CALENDAR_RULES, WITA)).toMatchObject({
      overdue: true,
      daysLeft: 5,
    });
  });

  it('reports an overdue clock as at least one day late, even over a weekend', () => {
    // Due Friday; on Saturday no working day has passed yet, but the clock is still late.
    const complaint = complaintDue('didisposisi', '2026-11-06');
    expect(
      describeClock(complaint, wita('2026-11-07T10:00:00'), DEFAULT_SLA_RULES, WITA),
    ).toMatchObject({ overdue: true, daysLeft: 1 });
  });

  it('uses the instansi time zone to decide which day it is', () => {
    const complaint = complaintDue('belum_diverifikasi', '2026-11-05');
    // 23:30 WIB on Wed 4 Nov is 00:30 WITA on Thu 5 Nov: one day left in WIB, none in WITA.
    const now = Date.parse('2026-11-04T23:30:00+07:00');
    const wib = { utcOffsetMinutes: 420, holidays: new Set<string>() };
    expect(describeClock(complaint, now, DEFAULT_SLA_RULES, WITA)).toMatchObject({ daysLeft: 0 });
    expect(describeClock(complaint, now, DEFAULT_SLA_RULES, wib)).toMatchObject({ daysLeft: 1 });
  });
});
