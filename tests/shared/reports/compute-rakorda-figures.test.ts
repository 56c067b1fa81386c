import { describe, expect, it } from 'vitest';
import {
  computeRakordaFigures,
  computeRakordaReport,
  nearestRankPercentile,
  type RakordaEvent,
  type RakordaInput,
} from '../../../shared/reports/compute-rakorda-figures.ts';
import {
  CLOSED_RATE_FORMULA,
  COMPLETION_RATE_FORMULA,
  HANDLED_RATE_FORMULA,
  RAKORDA_DEFINITIONS,
} from '../../../shared/reports/rakorda-definitions.ts';
import type { ComplaintStatus } from '../../../shared/domain/complaint-status.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';
import { DEFAULT_SLA_RULES } from '../../../shared/deadline/sla-rules.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

/*
 * November 2026 in Samarinda (WITA, UTC+8), with 10 Nov made a holiday for these tests:
 *   Mon 2  Tue 3  Wed 4  Thu 5  Fri 6  | Sat 7  Sun 8
 *   Mon 9  [Tue 10 holiday]  Wed 11  Thu 12  Fri 13  | Sat 14  Sun 15
 *   Mon 16  Tue 17  Wed 18  Thu 19  Fri 20
 * Default SLA: verify within 3 working days after arrival, first follow-up within 5 working
 * days after disposition; the arrival (or disposition) day itself is not counted.
 */
const CALENDAR: WorkingCalendar = { utcOffsetMinutes: 480, holidays: new Set(['2026-11-10']) };
/** An instant written as local WITA time. */
const wita = (local: string) => Date.parse(`${local}+08:00`);
/** Wednesday 18 November 2026, 10:00 WITA. */
const NOW = wita('2026-11-18T10:00');
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30', unitIds: [] };

const UNITS = [
  { id: 'unit-pupr', name: 'Dinas PUPR-PERA', shortName: 'PUPR', active: true },
  { id: 'unit-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', active: true },
  { id: 'unit-dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', active: true },
  { id: 'unit-lama', name: 'Biro Lama', shortName: 'Lama', active: false },
  { id: 'unit-tutup', name: 'Biro Tutup', shortName: 'Tutup', active: false },
];
const CATEGORIES = [
  { id: 'cat-infrastruktur', name: 'Infrastruktur', active: true },
  { id: 'cat-kesehatan', name: 'Kesehatan', active: true },
];

function complaint(id: string, change: Partial<Complaint> = {}): Complaint {
  return sampleComplaint({ id, trackingNumber: `KALTIM-T-${id}`, ...change });
}

/** An unverified complaint: no OPD yet. */
function unverified(id: string, change: Partial<Complaint> = {}): Complaint {
  return complaint(id, { status: 'belum_diverifikasi', unitId: '', ...change });
}

let eventSeq = 0;
/** A status move recorded at a local WITA time, accepted by the server one minute later. */
function move(
  complaintId: string,
  fromStatus: ComplaintStatus,
  toStatus: ComplaintStatus,
  at: string,
  change: Partial<RakordaEvent> = {},
): RakordaEvent & { serverSeq: number } {
  eventSeq += 1;
  const time = wita(at);
  return {
    complaintId,
    fromStatus,
    toStatus,
    reasonCode: '',
    deviceTime: time,
    serverTime: time + 60_000,
    serverSeq: eventSeq,
    ...change,
  };
}

function input(change: Partial<RakordaInput> = {}): RakordaInput {
  return {
    complaints: [],
    events: [],
    period: NOVEMBER,
    calendar: CALENDAR,
    slaRuleSets: [],
    units: UNITS,
    categories: CATEGORIES,
    now: NOW,
    dataAsOf: NOW - 3_600_000,
    ...change,
  };
}

/** `count` complaints of 2020 in `status`, spread over the year. */
function complaints2020(prefix: string, count: number, status: ComplaintStatus): Complaint[] {
  return Array.from({ length: count }, (_value, index) =>
    complaint(`${prefix}-${index}`, {
      status,
      unitId: status === 'belum_diverifikasi' || status === 'ditunda' ? '' : 'unit-pupr',
      receivedAt: Date.parse('2020-01-06T01:00:00Z') + index * 5 * 86_400_000,
      dueAt: 0,
    }),
  );
}

describe('computeRakordaFigures: rates', () => {
  it('gives the share closed (selesai) beside the completion rate that counts ditindaklanjuti too', () => {
    // Kaltim 2020 plus 2 archived and 1 bukan wewenang (outside the base): 40 of the 53
    // followed up or resolved are closed. Closed = 40 / 59 = 67.8 %; completion stays 89.8 %.
    const figures = computeRakordaFigures(
      input({
        period: { from: '2020-01-01', to: '2020-12-31', unitIds: [] },
        complaints: [
          ...complaints2020('selesai', 40, 'selesai'),
          ...complaints2020('tl', 13, 'ditindaklanjuti'),
          ...complaints2020('proses', 2, 'didisposisi'),
          ...complaints2020('belum', 4, 'belum_diverifikasi'),
          ...complaints2020('arsip', 2, 'diarsipkan'),
          ...complaints2020('bw', 1, 'bukan_wewenang'),
        ],
        now: Date.parse('2021-06-15T02:00:00Z'),
      }),
    );
    expect(figures.rates.closed).toMatchObject({
      numerator: 40,
      denominator: 59,
      percent: 67.8,
      formula: CLOSED_RATE_FORMULA,
    });
    expect(figures.rates.completion).toMatchObject({ numerator: 53, denominator: 59 });
  });

  it('leaves the closed share empty when the base is zero', () => {
    const figures = computeRakordaFigures(
      input({
        complaints: [
          complaint('a', { status: 'diarsipkan', receivedAt: wita('2026-11-03T09:00') }),
        ],
      }),
    );
    expect(figures.rates.closed).toMatchObject({ numerator: 0, denominator: 0, percent: null });
  });

  it('writes no status or reason code in its definitions: each is named by its label', () => {
    for (const text of Object.values(RAKORDA_DEFINITIONS)) {
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    }
  });

  it('reproduces the Kaltim RAKORDA example: 59 received, 93.2 % handled, 89.8 % completed', () => {
    // 53 followed up or resolved (40 selesai + 13 ditindaklanjuti), 2 in process, 4 not yet
    // processed (3 unverified + 1 on hold). Base = 59 − 0 archived − 0 bukan wewenang = 59.
    // Handled = (53 + 2) / 59 = 0.9322 → 93.2 %; completed = 53 / 59 = 0.8983 → 89.8 %.
    const figures = computeRakordaFigures(
      input({
        period: { from: '2020-01-01', to: '2020-12-31', unitIds: [] },
        complaints: [
          ...complaints2020('selesai', 40, 'selesai'),
          ...complaints2020('tl', 13, 'ditindaklanjuti'),
          ...complaints2020('proses', 2, 'didisposisi'),
          ...complaints2020('belum', 3, 'belum_diverifikasi'),
          ...complaints2020('tunda', 1, 'ditunda'),
        ],
        now: Date.parse('2021-06-15T02:00:00Z'),
      }),
    );
    expect(figures.received.total).toBe(59);
    expect(figures.status).toMatchObject({
      resolved: 53,
      inProcess: 2,
      notYetProcessed: 4,
      onHold: 1,
      archived: 0,
      bukanWewenang: 0,
      base: 59,
    });
    expect(figures.rates.handled).toMatchObject({
      numerator: 55,
      denominator: 59,
      percent: 93.2,
      formula: HANDLED_RATE_FORMULA,
    });
    expect(figures.rates.handled.value).toBeCloseTo(55 / 59, 12);
    expect(figures.rates.completion).toMatchObject({
      numerator: 53,
      denominator: 59,
      percent: 89.8,
      formula: COMPLETION_RATE_FORMULA,
    });
    expect(figures.monthly).toHaveLength(12);
    expect(figures.monthly.reduce((sum, month) => sum + month.received, 0)).toBe(59);
  });

  it('buckets a period with reports in process, on hold, archived and bukan wewenang by current status', () => {
    // 10 received: 3 selesai + 1 ditindaklanjuti (resolved 4), 2 didisposisi (in process),
    // 1 belum diverifikasi + 1 ditunda (not yet processed 2, on hold 1), 1 archived,
    // 1 bukan wewenang. Base = 10 − 1 − 1 = 8; handled = 6 / 8 = 75 %; completed = 4 / 8 = 50 %.
    const statuses: ComplaintStatus[] = [
      'selesai',
      'selesai',
      'selesai',
      'ditindaklanjuti',
      'didisposisi',
      'didisposisi',
      'belum_diverifikasi',
      'ditunda',
      'diarsipkan',
      'bukan_wewenang',
    ];
    const inPeriod = statuses.map((status, index) =>
      complaint(`p-${index}`, {
        status,
        unitId: ['selesai', 'ditindaklanjuti', 'didisposisi'].includes(status) ? 'unit-pupr' : '',
        receivedAt: wita(`2026-11-${String(index + 2).padStart(2, '0')}T09:00`),
        dueAt: 0,
        type: index < 6 ? 'pengaduan' : index < 9 ? 'aspirasi' : 'permintaan_informasi',
        channel: index % 2 === 0 ? 'web' : 'sms',
      }),
    );
    // 23:59 WITA on 31 October is October; 00:00 WITA on 1 December is December.
    const outside = [
      complaint('okt', { receivedAt: wita('2026-10-31T23:59:59.999'), dueAt: 0 }),
      complaint('des', { receivedAt: wita('2026-12-01T00:00'), dueAt: 0 }),
    ];
    // 00:30 WITA on 1 November is still 31 October in UTC: it belongs to November.
    const firstMinutes = complaint('nov-awal', {
      status: 'selesai',
      receivedAt: wita('2026-11-01T00:30'),
      dueAt: 0,
    });
    const figures = computeRakordaFigures(
      input({ complaints: [...inPeriod, ...outside, firstMinutes] }),
    );
    expect(figures.received.total).toBe(11);
    expect(figures.received.byType).toEqual({
      pengaduan: 7,
      aspirasi: 3,
      permintaan_informasi: 1,
    });
    expect(figures.received.byChannel).toEqual({
      web: 6,
      sms: 5,
      aplikasi_mobile: 0,
      media_sosial: 0,
      aplikasi_daerah: 0,
    });
    // With the 1 November complaint: resolved 5, base 9.
    expect(figures.status).toMatchObject({
      resolved: 5,
      inProcess: 2,
      notYetProcessed: 2,
      onHold: 1,
      archived: 1,
      bukanWewenang: 1,
      base: 9,
    });
    expect(figures.rates.handled).toMatchObject({ numerator: 7, denominator: 9 });
    expect(figures.rates.completion).toMatchObject({ numerator: 5, denominator: 9 });

    const withoutFirstMinutes = computeRakordaFigures(input({ complaints: inPeriod }));
    expect(withoutFirstMinutes.rates.handled).toMatchObject({
      numerator: 6,
      denominator: 8,
      value: 0.75,
      percent: 75,
    });
    expect(withoutFirstMinutes.rates.completion).toMatchObject({
      numerator: 4,
      denominator: 8,
      value: 0.5,
      percent: 50,
    });
  });

  it('gives an empty period null rates, zero counts and every unit with zeros', () => {
    const figures = computeRakordaFigures(
      input({ complaints: [complaint('okt', { receivedAt: wita('2026-10-15T09:00') })] }),
    );
    expect(figures.received.total).toBe(0);
    expect(figures.status.base).toBe(0);
    expect(figures.rates.handled).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      percent: null,
    });
    expect(figures.rates.completion.value).toBeNull();
    expect(figures.withinDeadline.verification.value).toBeNull();
    expect(figures.withinDeadline.firstFollowUp.value).toBeNull();
    expect(figures.timeToVerify).toEqual({
      unit: 'hari_kerja',
      count: 0,
      median: null,
      p90: null,
      missingTimeline: 0,
    });
    expect(figures.overdue).toMatchObject({ total: 0, items: [], truncated: false });
    expect(figures.categories).toEqual([]);
    expect(figures.monthly).toEqual([
      expect.objectContaining({ month: '2026-11', received: 0, base: 0 }),
    ]);
    // Active units only, by name; inactive units without reports are left out.
    expect(figures.units.map((unit) => [unit.unitId, unit.rank, unit.received])).toEqual([
      ['unit-dinkes', null, 0],
      ['unit-dishub', null, 0],
      ['unit-pupr', null, 0],
    ]);
    expect(figures.units[0]?.completionRate.value).toBeNull();
    expect(figures.archivedReasons.every((row) => row.count === 0)).toBe(true);
    expect(figures.archivedReasons.map((row) => row.reason)).not.toContain('tidak_tercatat');
  });
});

describe('computeRakordaFigures: time to verify, time to first follow-up, within deadline', () => {
  // All received Monday 2 Nov, 09:00 WITA, except G. The verify deadline is the end of Thu 5 Nov.
  const received = wita('2026-11-02T09:00');
  const complaints = [
    complaint('A', { status: 'ditindaklanjuti', unitId: 'unit-pupr', receivedAt: received }),
    complaint('B', { status: 'selesai', unitId: 'unit-pupr', receivedAt: received }),
    complaint('C', { status: 'didisposisi', unitId: 'unit-dinkes', receivedAt: received }),
    complaint('D', { status: 'diarsipkan', unitId: '', receivedAt: received }),
    complaint('E', { status: 'didisposisi', unitId: 'unit-dinkes', receivedAt: received }),
    unverified('F', { receivedAt: received }),
    unverified('G', { receivedAt: wita('2026-11-17T09:00') }),
    complaint('H', { status: 'didisposisi', unitId: 'unit-pupr', receivedAt: received }),
  ].map((doc) => ({ ...doc, dueAt: 0 }));
  const events = [
    // A: verified the same day (0); followed up Fri 6 = 3,4,5,6 → 4 days, due Mon 9 → on time.
    move('A', 'belum_diverifikasi', 'didisposisi', '2026-11-02T15:00'),
    move('A', 'didisposisi', 'ditindaklanjuti', '2026-11-06T10:00'),
    // B: the device clock was two days ahead; the server received it on Wed 4 → verified in 2.
    // Follow-up from Wed 4 to Fri 13 = 5,6,9,11,12,13 → 6 days (10 is a holiday), due Thu 12.
    move('B', 'belum_diverifikasi', 'didisposisi', '2026-11-06T10:00', {
      serverTime: wita('2026-11-04T10:00'),
    }),
    move('B', 'didisposisi', 'ditindaklanjuti', '2026-11-13T10:00'),
    move('B', 'ditindaklanjuti', 'selesai', '2026-11-16T10:00'),
    // C: verified Mon 9 = 3,4,5,6,9 → 5 days, late. Follow-up due Tue 17 has passed: late.
    move('C', 'belum_diverifikasi', 'didisposisi', '2026-11-09T10:00'),
    // D: archived as spam on Thu 5 → 3 days: archiving ends verification too, on time.
    move('D', 'belum_diverifikasi', 'diarsipkan', '2026-11-05T10:00', { reasonCode: 'spam' }),
    // E: held on Tue 3 (the clock keeps running), verified Wed 11 → 3,4,5,6,9,11 = 6, late.
    // The disposition waits on the device (no server time yet). Follow-up due Wed 18 = today.
    move('E', 'belum_diverifikasi', 'ditunda', '2026-11-03T10:00'),
    move('E', 'ditunda', 'didisposisi', '2026-11-11T10:00', { serverTime: 0 }),
    // F: still unverified, its deadline (Thu 5) has passed: judged late.
    // G: unverified, due Fri 20: not judged yet. H: disposed but no timeline at all.
  ];

  it('measures working days per definition, nearest-rank median and p90', () => {
    const figures = computeRakordaFigures(input({ complaints, events }));
    // Verify: A 0, B 2, C 5, D 3, E 6 → [0, 2, 3, 5, 6]: median = 3rd (⌈2.5⌉), p90 = 5th (⌈4.5⌉).
    expect(figures.timeToVerify).toEqual({
      unit: 'hari_kerja',
      count: 5,
      median: 3,
      p90: 6,
      missingTimeline: 1, // H
    });
    // First follow-up: A 4, B 6 → median = 1st (⌈1⌉) = 4, p90 = 2nd (⌈1.8⌉) = 6.
    expect(figures.timeToFirstFollowUp).toEqual({
      unit: 'hari_kerja',
      count: 2,
      median: 4,
      p90: 6,
      missingTimeline: 1, // H: no disposition event
    });
  });

  it('shares within deadline: on time ÷ (done + still waiting past the deadline)', () => {
    const figures = computeRakordaFigures(input({ complaints, events }));
    // Verification: on time A, B, D (3) of A, B, C, D, E and F, still waiting past due (6).
    expect(figures.withinDeadline.verification).toMatchObject({
      numerator: 3,
      denominator: 6,
      value: 0.5,
      percent: 50,
    });
    // First follow-up: on time A (1) of A, B, and C waiting past due (3); E is due today.
    expect(figures.withinDeadline.firstFollowUp).toMatchObject({
      numerator: 1,
      denominator: 3,
      percent: 33.3,
    });
  });

  it('counts a follow-up whose device time the server distrusted at its server time', () => {
    // B's follow-up claims Thu 5, before its disposition reached the OPD; the server received
    // it on Fri 13 and distrusted the claim. Trusted, B would count as on time (2 of 3).
    const backdated = events.map((event) =>
      event.complaintId === 'B' && event.toStatus === 'ditindaklanjuti'
        ? { ...event, deviceTime: wita('2026-11-05T10:00'), serverTime: wita('2026-11-13T10:00') }
        : event,
    );
    const trusted = computeRakordaFigures(input({ complaints, events: backdated }));
    expect(trusted.withinDeadline.firstFollowUp).toMatchObject({ numerator: 2, denominator: 3 });
    const distrusted = backdated.map((event) =>
      event.complaintId === 'B' && event.toStatus === 'ditindaklanjuti'
        ? { ...event, deviceTimeTrusted: false }
        : event,
    );
    const figures = computeRakordaFigures(input({ complaints, events: distrusted }));
    expect(figures.withinDeadline.firstFollowUp).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figures.timeToFirstFollowUp.p90).toBe(6);
  });

  it('credits follow-up times to the unit the complaint is disposed to now', () => {
    const figures = computeRakordaFigures(input({ complaints, events }));
    const pupr = figures.units.find((unit) => unit.unitId === 'unit-pupr');
    const dinkes = figures.units.find((unit) => unit.unitId === 'unit-dinkes');
    // PUPR: A (ditindaklanjuti), B (selesai), H (didisposisi); response [4, 6] → median 4.
    expect(pupr).toMatchObject({ received: 3, resolved: 2, inProcess: 1, medianResponseDays: 4 });
    expect(pupr?.firstFollowUpWithinDeadline).toMatchObject({ numerator: 1, denominator: 2 });
    // Dinkes: C and E in process; C is past its follow-up deadline, E due today.
    expect(dinkes).toMatchObject({ received: 2, resolved: 0, medianResponseDays: null });
    expect(dinkes?.firstFollowUpWithinDeadline).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('judges a re-disposed complaint from its re-disposition, as its due date does, not from the first OPD', () => {
    const complaints = [
      // X: PUPR missed its deadline (Mon 9); re-disposed Thu 12, Dinkes answered Mon 16.
      complaint('X', {
        status: 'ditindaklanjuti',
        unitId: 'unit-dinkes',
        receivedAt: wita('2026-11-02T09:00'),
      }),
      // Y: re-disposed Wed 11 and still waiting; Dinkes's deadline is today (Wed 18).
      complaint('Y', {
        status: 'didisposisi',
        unitId: 'unit-dinkes',
        receivedAt: wita('2026-11-02T09:00'),
      }),
    ];
    const events = [
      move('X', 'belum_diverifikasi', 'didisposisi', '2026-11-02T10:00'),
      move('X', 'didisposisi', 'didisposisi', '2026-11-12T10:00'),
      move('X', 'didisposisi', 'ditindaklanjuti', '2026-11-16T10:00'),
      // A later send-back does not move the first follow-up's clock.
      move('X', 'ditindaklanjuti', 'didisposisi', '2026-11-17T10:00'),
      move('X', 'didisposisi', 'ditindaklanjuti', '2026-11-17T15:00'),
      move('Y', 'belum_diverifikasi', 'didisposisi', '2026-11-02T10:00'),
      move('Y', 'didisposisi', 'didisposisi', '2026-11-11T10:00'),
    ];
    // Listed in any order: the same figures.
    for (const timeline of [events, [...events].reverse()]) {
      const figures = computeRakordaFigures(input({ complaints, events: timeline }));
      // X: Thu 12 → Mon 16 = 2 working days, due Thu 19: on time. Y: not yet due.
      expect(figures.timeToFirstFollowUp).toMatchObject({ count: 1, median: 2 });
      expect(figures.withinDeadline.firstFollowUp).toMatchObject({ numerator: 1, denominator: 1 });
      const dinkes = figures.units.find((unit) => unit.unitId === 'unit-dinkes');
      expect(dinkes?.firstFollowUpWithinDeadline).toMatchObject({ numerator: 1, denominator: 1 });
    }
  });

  it('gives the same figures in a report (timeline read once) as computed period by period', () => {
    const period = { from: '2026-11-02', to: '2026-11-16', unitIds: [] };
    const report = computeRakordaReport(input({ complaints, events, period }));
    expect(report.current).toEqual(computeRakordaFigures(input({ complaints, events, period })));
    // The 15 days before: 18 Oct – 1 Nov, where none of these complaints arrived.
    const before = { from: '2026-10-18', to: '2026-11-01', unitIds: [] };
    expect(report.previous).toEqual(
      computeRakordaFigures(input({ complaints, events, period: before })),
    );
    expect(report.current.received.total).toBe(7); // G arrived on the 17th
  });

  it('judges each complaint by the SLA rule set in force when it arrived', () => {
    const lenient = {
      ...DEFAULT_SLA_RULES,
      version: 'uji-5-hari',
      verifyDays: 5,
      activeFrom: wita('2026-11-01T00:00'),
    };
    const future = { ...DEFAULT_SLA_RULES, version: 'uji-masa-depan', verifyDays: 1 };
    const figures = computeRakordaFigures(
      input({
        complaints,
        events,
        slaRuleSets: [lenient, { ...future, activeFrom: wita('2026-12-01T00:00') }],
      }),
    );
    // Due end of Mon 9 now: C (5 days) is on time, E (6) still late, F waiting past due.
    expect(figures.withinDeadline.verification).toMatchObject({ numerator: 4, denominator: 6 });
  });
});

describe('computeRakordaFigures: reopened and archived complaints', () => {
  it('counts a reopened complaint once, by its current status, and its first follow-up only', () => {
    const complaints = [
      complaint('R', { status: 'ditindaklanjuti', receivedAt: wita('2026-11-02T09:00') }),
      complaint('S', { status: 'selesai', receivedAt: wita('2026-11-02T09:00') }),
    ];
    const events = [
      move('R', 'belum_diverifikasi', 'didisposisi', '2026-11-02T10:00'),
      move('R', 'didisposisi', 'ditindaklanjuti', '2026-11-04T10:00'),
      move('R', 'ditindaklanjuti', 'selesai', '2026-11-05T10:00'),
      move('R', 'selesai', 'ditindaklanjuti', '2026-11-12T10:00'),
    ];
    const figures = computeRakordaFigures(input({ complaints, events }));
    expect(figures.received.total).toBe(2);
    expect(figures.status).toMatchObject({ resolved: 2, base: 2, reopened: 1 });
    expect(figures.status.byStatus).toMatchObject({ ditindaklanjuti: 1, selesai: 1 });
    expect(figures.rates.completion).toMatchObject({ numerator: 2, denominator: 2 });
    // R: Mon 2 → Wed 4 = 2 working days; the reopening on the 12th is not a follow-up.
    // S has no timeline: counted as resolved, left out of the times.
    expect(figures.timeToFirstFollowUp).toMatchObject({
      count: 1,
      median: 2,
      p90: 2,
      missingTimeline: 1,
    });
  });

  it('counts archived complaints by the reason of their archive event', () => {
    const archived = (id: string, change: Partial<Complaint> = {}) =>
      complaint(id, { status: 'diarsipkan', unitId: '', dueAt: 0, ...change });
    const complaints = [
      archived('a1'),
      archived('a2', { duplicateOf: 'c-asli' }),
      archived('a3'),
      archived('a4', { duplicateOf: 'c-asli' }),
      archived('a5'),
      complaint('bw', { status: 'bukan_wewenang', unitId: '', dueAt: 0 }),
    ];
    const events = [
      move('a1', 'belum_diverifikasi', 'diarsipkan', '2026-11-03T10:00', { reasonCode: 'spam' }),
      move('a2', 'belum_diverifikasi', 'diarsipkan', '2026-11-03T10:00', {
        reasonCode: 'duplikat',
      }),
      // a3: no timeline → "tidak_tercatat"; a4: no timeline but marked duplicate → "duplikat".
      move('a5', 'belum_diverifikasi', 'ditunda', '2026-11-03T10:00'),
      move('a5', 'ditunda', 'diarsipkan', '2026-11-13T10:00', { reasonCode: 'tidak_dilengkapi' }),
      move('bw', 'belum_diverifikasi', 'bukan_wewenang', '2026-11-03T10:00'),
    ];
    const figures = computeRakordaFigures(input({ complaints, events }));
    expect(figures.status).toMatchObject({ archived: 5, bukanWewenang: 1, base: 0 });
    expect(figures.rates.handled.value).toBeNull();
    expect(figures.archivedReasons).toEqual([
      { reason: 'bukan_pelayanan_publik', count: 0 },
      { reason: 'tidak_jelas', count: 0 },
      { reason: 'spam', count: 1 },
      { reason: 'duplikat', count: 2 },
      { reason: 'tidak_dilengkapi', count: 1 },
      { reason: 'lainnya', count: 0 },
      { reason: 'tidak_tercatat', count: 1 },
    ]);
  });
});

describe('computeRakordaFigures: OPD ranking, overdue list, categories, scope', () => {
  const endOf = (date: string) => wita(`${date}T23:59:59.999`);
  const complaints = [
    complaint('u1', { status: 'selesai', unitId: 'unit-pupr', dueAt: 0 }),
    complaint('u2', { status: 'selesai', unitId: 'unit-pupr', dueAt: 0 }),
    complaint('u3', { status: 'selesai', unitId: 'unit-pupr', dueAt: 0 }),
    // Follow-up was due at the end of Mon 16: overdue Tue 17 and Wed 18 → 2 working days.
    complaint('u4', { status: 'didisposisi', unitId: 'unit-pupr', dueAt: endOf('2026-11-16') }),
    ...['d1', 'd2'].map((id) =>
      complaint(id, {
        status: 'ditindaklanjuti',
        unitId: 'unit-dinkes',
        categoryId: 'cat-kesehatan',
        dueAt: endOf('2026-12-20'),
      }),
    ),
    // Resolution was due at the end of Tue 17: 1 working day overdue.
    complaint('d3', {
      status: 'ditindaklanjuti',
      unitId: 'unit-dinkes',
      categoryId: 'cat-kesehatan',
      dueAt: endOf('2026-11-17'),
    }),
    complaint('l1', {
      status: 'didisposisi',
      unitId: 'unit-lama',
      categoryId: 'cat-hilang',
      dueAt: endOf('2026-11-20'),
    }),
    // Verification was due at the end of Fri 13: Mon 16, Tue 17, Wed 18 → 3 working days.
    unverified('v1', {
      rahasia: true,
      categoryId: 'cat-kesehatan',
      dueAt: endOf('2026-11-13'),
    }),
    unverified('v2', { categoryId: 'cat-kesehatan', dueAt: endOf('2026-11-20') }),
  ];

  it('ranks units by completion rate, lists units with no report with zeros and no rank', () => {
    const figures = computeRakordaFigures(input({ complaints }));
    // Dinkes 3/3 = 100 %, PUPR 3/4 = 75 %, inactive Biro Lama 0/1 = 0 % (listed: it has a
    // report); Dishub has none; inactive Biro Tutup has none and is left out.
    expect(
      figures.units.map((unit) => [
        unit.rank,
        unit.unitId,
        unit.received,
        unit.resolved,
        unit.completionRate.percent,
        unit.overdue,
      ]),
    ).toEqual([
      [1, 'unit-dinkes', 3, 3, 100, 1],
      [2, 'unit-pupr', 4, 3, 75, 1],
      [3, 'unit-lama', 1, 0, 0, 0],
      [null, 'unit-dishub', 0, 0, null, 0],
    ]);
    const dishub = figures.units[3];
    expect(dishub).toMatchObject({
      name: 'Dinas Perhubungan',
      inProcess: 0,
      medianResponseDays: null,
      firstFollowUpWithinDeadline: { numerator: 0, denominator: 0, value: null },
    });
  });

  it('lists overdue complaints oldest due first, hides rahasia titles, truncates at the limit', () => {
    const figures = computeRakordaFigures(input({ complaints, overdueListLimit: 2 }));
    expect(figures.overdue.total).toBe(3);
    expect(figures.overdue.truncated).toBe(true);
    expect(figures.overdue.byClock).toEqual({
      verifikasi: 1,
      tindak_lanjut: 1,
      penyelesaian: 1,
    });
    expect(figures.overdue.items).toEqual([
      expect.objectContaining({
        complaintId: 'v1',
        title: null,
        clock: 'verifikasi',
        unitId: '',
        unitName: '',
        daysOverdue: 3,
        counting: 'working',
      }),
      expect.objectContaining({
        complaintId: 'u4',
        title: 'Jalan berlubang di Jl. Juanda membahayakan pengendara',
        clock: 'tindak_lanjut',
        unitName: 'Dinas PUPR-PERA',
        daysOverdue: 2,
      }),
    ]);
    const all = computeRakordaFigures(input({ complaints }));
    expect(all.overdue.items.map((item) => [item.complaintId, item.daysOverdue])).toEqual([
      ['v1', 3],
      ['u4', 2],
      ['d3', 1],
    ]);
  });

  it('ranks categories by reports received, naming unknown ones by id', () => {
    const figures = computeRakordaFigures(input({ complaints }));
    // 10 received: kesehatan d1 d2 d3 v1 v2 = 5 (3 resolved), infrastruktur u1–u4 = 4 (3), l1.
    expect(figures.categories).toEqual([
      { categoryId: 'cat-kesehatan', name: 'Kesehatan', received: 5, resolved: 3, share: 0.5 },
      {
        categoryId: 'cat-infrastruktur',
        name: 'Infrastruktur',
        received: 4,
        resolved: 3,
        share: 0.4,
      },
      { categoryId: 'cat-hilang', name: 'cat-hilang', received: 1, resolved: 0, share: 0.1 },
    ]);
  });

  it('limits the figures to the chosen OPD units, including a unit with none', () => {
    const pupr = computeRakordaFigures(
      input({ complaints, period: { ...NOVEMBER, unitIds: ['unit-pupr'] } }),
    );
    expect(pupr.scope).toEqual({ wholeInstansi: false, unitIds: ['unit-pupr'] });
    expect(pupr.received.total).toBe(4);
    expect(pupr.status).toMatchObject({ resolved: 3, inProcess: 1, notYetProcessed: 0 });
    expect(pupr.overdue.total).toBe(1);
    expect(pupr.units.map((unit) => unit.unitId)).toEqual(['unit-pupr']);

    const dishub = computeRakordaFigures(
      input({ complaints, period: { ...NOVEMBER, unitIds: ['unit-dishub'] } }),
    );
    expect(dishub.received.total).toBe(0);
    expect(dishub.rates.handled.value).toBeNull();
    expect(dishub.units).toEqual([
      expect.objectContaining({ unitId: 'unit-dishub', rank: null, received: 0, overdue: 0 }),
    ]);
  });
});

describe('computeRakordaFigures: monthly trend and output shape', () => {
  it('splits the period into calendar months cut to the period, by current status', () => {
    const complaints = [
      complaint('o', { status: 'selesai', receivedAt: wita('2026-10-20T09:00') }),
      complaint('n1', { status: 'didisposisi', receivedAt: wita('2026-11-05T09:00') }),
      unverified('n2', { receivedAt: wita('2026-11-30T23:59') }),
      complaint('d1', { status: 'diarsipkan', unitId: '', receivedAt: wita('2026-12-01T00:00') }),
      complaint('d2', { status: 'selesai', receivedAt: wita('2026-12-10T23:00') }),
      complaint('d3', { status: 'selesai', receivedAt: wita('2026-12-11T00:00') }),
    ];
    const figures = computeRakordaFigures(
      input({ complaints, period: { from: '2026-10-15', to: '2026-12-10', unitIds: [] } }),
    );
    expect(figures.monthly).toEqual([
      {
        month: '2026-10',
        from: '2026-10-15',
        to: '2026-10-31',
        received: 1,
        resolved: 1,
        inProcess: 0,
        notYetProcessed: 0,
        onHold: 0,
        archived: 0,
        bukanWewenang: 0,
        base: 1,
      },
      {
        month: '2026-11',
        from: '2026-11-01',
        to: '2026-11-30',
        received: 2,
        resolved: 0,
        inProcess: 1,
        notYetProcessed: 1,
        onHold: 0,
        archived: 0,
        bukanWewenang: 0,
        base: 2,
      },
      {
        month: '2026-12',
        from: '2026-12-01',
        to: '2026-12-10',
        received: 2,
        resolved: 1,
        inProcess: 0,
        notYetProcessed: 0,
        onHold: 0,
        archived: 1,
        bukanWewenang: 0,
        base: 1,
      },
    ]);
  });

  it('returns plain JSON data with the definitions to print', () => {
    const figures = computeRakordaFigures(
      input({
        complaints: [complaint('A', { receivedAt: wita('2026-11-02T09:00') })],
        events: [move('A', 'belum_diverifikasi', 'didisposisi', '2026-11-02T10:00')],
      }),
    );
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
    expect(figures.definitions).toEqual(RAKORDA_DEFINITIONS);
    expect(figures).toMatchObject({
      period: NOVEMBER,
      utcOffsetMinutes: 480,
      generatedAt: NOW,
      dataAsOf: NOW - 3_600_000,
    });
  });

  it('computes the comparison period before: October for November', () => {
    const report = computeRakordaReport(
      input({
        complaints: [
          complaint('okt-1', { receivedAt: wita('2026-10-01T00:00') }),
          complaint('okt-2', { receivedAt: wita('2026-10-31T23:00') }),
          complaint('nov', { receivedAt: wita('2026-11-02T09:00') }),
        ],
      }),
    );
    expect(report.current.received.total).toBe(1);
    expect(report.previous.period).toEqual({ from: '2026-10-01', to: '2026-10-31', unitIds: [] });
    expect(report.previous.received.total).toBe(2);
  });
});

describe('nearestRankPercentile', () => {
  it('takes the ⌈p·n⌉-th smallest value', () => {
    const values = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34];
    expect(nearestRankPercentile(values, 50)).toBe(3); // 5th of 10
    expect(nearestRankPercentile(values, 90)).toBe(21); // 9th of 10
    expect(nearestRankPercentile(values, 100)).toBe(34);
    expect(nearestRankPercentile(values, 0)).toBe(0);
    expect(nearestRankPercentile([1, 2, 3, 4], 50)).toBe(2); // even n: the lower middle
    expect(nearestRankPercentile([7], 90)).toBe(7);
    expect(nearestRankPercentile([], 50)).toBeNull();
  });
});
