import { describe, expect, it } from 'vitest';
import {
  autoCloseNote,
  findAutoCloseCandidates,
} from '../../../shared/domain/find-auto-close-candidates.ts';
import { DEFAULT_SLA_RULES } from '../../../shared/deadline/sla-rules.ts';
import { countDaysBetween } from '../../../shared/deadline/count-days-between.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

/** WITA; Tuesday 10 November 2026 is a holiday in this hand-built calendar. */
const calendar: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set(['2026-11-10']) };
const noHolidays: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set() };
const rules = [{ ...DEFAULT_SLA_RULES, activeFrom: 0 }];

/** Local WITA time as an instant. */
const wita = (local: string) => Date.parse(`${local}+08:00`);
const FOLLOW_UP = wita('2026-11-02T10:00:00'); // Monday

type Kind = ComplaintEvent['kind'];
function event(complaintId: string, kind: Kind, at: number, accepted = true) {
  return { complaintId, kind, deviceTime: at, serverTime: accepted ? at + 60_000 : 0 };
}

const followedUp = sampleComplaint({ id: 'c-1', status: 'ditindaklanjuti' });

describe('findAutoCloseCandidates', () => {
  it('proposes a complaint once its follow-up is 10 working days old, skipping the weekends and holidays', () => {
    const events = [event('c-1', 'tindak_lanjut', FOLLOW_UP)];
    const at = (now: number, cal = calendar) =>
      findAutoCloseCandidates({
        complaints: [followedUp],
        events,
        calendar: cal,
        slaRuleSets: rules,
        now,
      });
    // Mon 16 Nov: the 10th working day without the holiday, the 9th with it.
    expect(at(wita('2026-11-16T12:00:00'), noHolidays)).toHaveLength(1);
    expect(at(wita('2026-11-16T12:00:00'))).toEqual([]);
    // Tue 17 Nov is the 10th working day with the holiday.
    expect(at(wita('2026-11-17T08:00:00'))).toEqual([
      {
        complaint: followedUp,
        followUpAt: FOLLOW_UP + 60_000,
        daysWaited: 10,
        autoCloseDays: 10,
        counting: 'working',
      },
    ]);
    // A weekend adds nothing: Saturday 21 Nov counts as many as Friday 20 Nov.
    expect(at(wita('2026-11-21T12:00:00'))[0]?.daysWaited).toBe(13);
    expect(at(wita('2026-11-20T12:00:00'))[0]?.daysWaited).toBe(13);
  });

  it('counts from the latest public follow-up, not the first, and ignores internal notes', () => {
    const events = [
      event('c-1', 'tindak_lanjut', wita('2026-10-01T09:00:00')),
      event('c-1', 'tindak_lanjut', FOLLOW_UP),
      event('c-1', 'catatan_internal', wita('2026-11-16T09:00:00')),
    ];
    const found = findAutoCloseCandidates({
      complaints: [followedUp],
      events,
      calendar,
      slaRuleSets: rules,
      now: wita('2026-11-17T08:00:00'),
    });
    expect(found.map((candidate) => candidate.daysWaited)).toEqual([10]);
  });

  it('uses the device time of a follow-up the server has not accepted yet', () => {
    const found = findAutoCloseCandidates({
      complaints: [followedUp],
      events: [event('c-1', 'tindak_lanjut', FOLLOW_UP, false)],
      calendar,
      slaRuleSets: rules,
      now: wita('2026-11-17T08:00:00'),
    });
    expect(found[0]?.followUpAt).toBe(FOLLOW_UP);
  });

  it('does not propose a complaint whose reporter replied after the follow-up, until a newer follow-up has waited again', () => {
    const now = wita('2026-11-30T12:00:00');
    const replied = [
      event('c-1', 'tindak_lanjut', FOLLOW_UP),
      event('c-1', 'balasan_pelapor', wita('2026-11-05T20:00:00')),
    ];
    expect(
      findAutoCloseCandidates({
        complaints: [followedUp],
        events: replied,
        calendar,
        slaRuleSets: rules,
        now,
      }),
    ).toEqual([]);
    // The OPD answers the reply on Fri 6 Nov: the wait starts again from there (9 working days
    // by Fri 20 Nov, the holiday on the 10th skipped; the 10th on Mon 23 Nov).
    const answered = [...replied, event('c-1', 'tindak_lanjut', wita('2026-11-06T09:00:00'))];
    const input = { complaints: [followedUp], calendar, slaRuleSets: rules };
    expect(
      findAutoCloseCandidates({ ...input, events: answered, now: wita('2026-11-20T12:00:00') }),
    ).toEqual([]);
    expect(
      findAutoCloseCandidates({ ...input, events: answered, now: wita('2026-11-23T12:00:00') }).map(
        (candidate) => candidate.daysWaited,
      ),
    ).toEqual([10]);
    // A reply before the follow-up does not hold it back.
    const earlyReply = [
      event('c-1', 'balasan_pelapor', wita('2026-10-30T09:00:00')),
      event('c-1', 'tindak_lanjut', FOLLOW_UP),
    ];
    expect(findAutoCloseCandidates({ ...input, events: earlyReply, now })).toHaveLength(1);
  });

  it('does not propose a reopened complaint until it has a follow-up after the reopening that has waited', () => {
    const reopened = sampleComplaint({ id: 'c-2', status: 'ditindaklanjuti' });
    const history = [
      event('c-2', 'tindak_lanjut', wita('2026-09-01T09:00:00')),
      event('c-2', 'selesai', wita('2026-09-20T09:00:00')),
      event('c-2', 'buka_kembali', wita('2026-10-26T09:00:00')),
    ];
    const input = { complaints: [reopened], calendar, slaRuleSets: rules };
    expect(
      findAutoCloseCandidates({ ...input, events: history, now: wita('2026-11-30T12:00:00') }),
    ).toEqual([]);
    const withFollowUp = [...history, event('c-2', 'tindak_lanjut', FOLLOW_UP)];
    expect(
      findAutoCloseCandidates({ ...input, events: withFollowUp, now: wita('2026-11-17T08:00:00') }),
    ).toHaveLength(1);
  });

  it('only considers complaints in ditindaklanjuti', () => {
    const events = [
      event('c-1', 'tindak_lanjut', FOLLOW_UP),
      event('c-3', 'tindak_lanjut', FOLLOW_UP),
      event('c-4', 'tindak_lanjut', FOLLOW_UP),
    ];
    const complaints = [
      followedUp,
      sampleComplaint({ id: 'c-3', status: 'selesai' }),
      sampleComplaint({ id: 'c-4', status: 'didisposisi' }),
      sampleComplaint({ id: 'c-5', status: 'ditindaklanjuti' }), // no follow-up event on record
    ];
    const found = findAutoCloseCandidates({
      complaints,
      events,
      calendar,
      slaRuleSets: rules,
      now: wita('2026-12-30T12:00:00'),
    });
    expect(found.map((candidate) => candidate.complaint.id)).toEqual(['c-1']);
  });

  it('follows the rule set in force when the complaint arrived: its day count and its counting', () => {
    const newer = {
      ...DEFAULT_SLA_RULES,
      version: 'daerah-2026',
      counting: 'calendar' as const,
      autoCloseDays: 5,
      activeFrom: wita('2026-10-01T00:00:00'),
    };
    const ruleSets = [...rules, newer];
    const old = sampleComplaint({
      id: 'c-old',
      status: 'ditindaklanjuti',
      receivedAt: wita('2026-09-15T09:00:00'),
    });
    const recent = sampleComplaint({
      id: 'c-new',
      status: 'ditindaklanjuti',
      receivedAt: wita('2026-10-15T09:00:00'),
    });
    const found = findAutoCloseCandidates({
      complaints: [old, recent],
      events: [
        event('c-old', 'tindak_lanjut', FOLLOW_UP),
        event('c-new', 'tindak_lanjut', FOLLOW_UP),
      ],
      calendar,
      slaRuleSets: ruleSets,
      now: wita('2026-11-07T12:00:00'), // Saturday: 5 calendar days, 4 working days
    });
    expect(found.map((candidate) => [candidate.complaint.id, candidate.daysWaited])).toEqual([
      ['c-new', 5],
    ]);
    const off = { ...newer, autoCloseDays: 0 };
    expect(
      findAutoCloseCandidates({
        complaints: [recent],
        events: [event('c-new', 'tindak_lanjut', FOLLOW_UP)],
        calendar,
        slaRuleSets: [...rules, off],
        now: wita('2027-01-30T12:00:00'),
      }),
    ).toEqual([]);
  });

  it('lists the longest-waiting first', () => {
    const complaints = ['a', 'b', 'c'].map((id) =>
      sampleComplaint({ id, status: 'ditindaklanjuti' }),
    );
    const events = [
      event('a', 'tindak_lanjut', wita('2026-10-20T09:00:00')),
      event('b', 'tindak_lanjut', wita('2026-10-05T09:00:00')),
      event('c', 'tindak_lanjut', wita('2026-10-12T09:00:00')),
    ];
    const found = findAutoCloseCandidates({
      complaints,
      events,
      calendar,
      slaRuleSets: rules,
      now: wita('2026-12-01T09:00:00'),
    });
    expect(found.map((candidate) => candidate.complaint.id)).toEqual(['b', 'c', 'a']);
  });

  it('writes the closing note with the rule set’s day count and counting', () => {
    expect(autoCloseNote(10, 'working')).toBe(
      'Ditutup: tidak ada tanggapan pelapor dalam 10 hari kerja setelah tindak lanjut',
    );
    expect(autoCloseNote(14, 'calendar')).toBe(
      'Ditutup: tidak ada tanggapan pelapor dalam 14 hari kalender setelah tindak lanjut',
    );
  });

  it('counts the same days as the shared calculator for follow-ups spread over two years', () => {
    const now = wita('2026-11-23T10:00:00');
    const complaints = Array.from({ length: 300 }, (_, i) =>
      sampleComplaint({ id: `w-${i}`, status: 'ditindaklanjuti' }),
    );
    // Every 61st hour back over about two years: all weekdays, times of day and the holiday.
    const events = complaints.map((complaint, i) =>
      event(complaint.id, 'tindak_lanjut', now - (i + 1) * 61 * 3_600_000, false),
    );
    const found = findAutoCloseCandidates({
      complaints,
      events,
      calendar,
      slaRuleSets: rules,
      now,
    });
    expect(found.length).toBeGreaterThan(250);
    for (const candidate of found) {
      expect(candidate.daysWaited).toBe(
        countDaysBetween(candidate.followUpAt, now, 'working', calendar),
      );
    }
    const missing = complaints.filter(
      (complaint) => !found.some((candidate) => candidate.complaint.id === complaint.id),
    );
    for (const complaint of missing) {
      const followUp = events.find((item) => item.complaintId === complaint.id)?.deviceTime ?? 0;
      expect(countDaysBetween(followUp, now, 'working', calendar)).toBeLessThan(10);
    }
  });
});
