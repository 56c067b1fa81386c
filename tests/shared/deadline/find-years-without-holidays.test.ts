import { describe, expect, it } from 'vitest';
import { findYearsWithoutHolidays } from '../../../shared/deadline/find-years-without-holidays.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const wita = (local: string) => Date.parse(`${local}+08:00`);
const HOLIDAYS_2026 = ['2026-12-24', '2026-12-25'];

describe('findYearsWithoutHolidays', () => {
  it('names a year a running deadline reaches that has no holiday entered, with how many reach it', () => {
    const intoNextYear = sampleComplaint({
      id: 'a',
      status: 'ditindaklanjuti',
      receivedAt: wita('2026-11-20T09:00'),
      dueAt: wita('2027-02-12T23:59:59.999'),
    });
    const withinThisYear = sampleComplaint({
      id: 'b',
      status: 'didisposisi',
      statusChangedAt: wita('2026-12-07T10:00'),
      dueAt: wita('2026-12-14T23:59:59.999'),
    });
    expect(
      findYearsWithoutHolidays([intoNextYear, withinThisYear, intoNextYear], HOLIDAYS_2026, 480),
    ).toEqual([{ year: 2027, deadlines: 2 }]);
  });

  it('is silent once the year has holidays, and ignores closed complaints', () => {
    const running = sampleComplaint({
      status: 'belum_diverifikasi',
      receivedAt: wita('2026-12-30T09:00'),
      dueAt: wita('2027-01-04T23:59:59.999'),
    });
    const closed = sampleComplaint({ status: 'selesai', dueAt: wita('2028-01-04T23:59:59.999') });
    expect(
      findYearsWithoutHolidays([running, closed], [...HOLIDAYS_2026, '2027-01-01'], 480),
    ).toEqual([]);
  });

  it('reads years in the instansi time zone: due on 31 Dec local is not next year', () => {
    const dueNewYearsEveWit = sampleComplaint({
      status: 'didisposisi',
      statusChangedAt: wita('2026-12-22T10:00'),
      // 23:59:59 on 31 Dec in WIT (UTC+9) is 14:59:59 UTC, still 31 Dec.
      dueAt: Date.parse('2026-12-31T14:59:59.999Z'),
    });
    expect(findYearsWithoutHolidays([dueNewYearsEveWit], HOLIDAYS_2026, 540)).toEqual([]);
    expect(findYearsWithoutHolidays([dueNewYearsEveWit], [], 540)).toEqual([
      { year: 2026, deadlines: 1 },
    ]);
  });
});
