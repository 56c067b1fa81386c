/**
 * Speed of the RAKORDA figures over a provincial replica (DOMAIN.md "Scale": 100,000
 * complaints). Target: ≤ 500 ms, so the report feels instant. A measurement, not a test:
 *   node scripts/measure-rakorda-figures.ts
 */
import { performance } from 'node:perf_hooks';
import type { ComplaintStatus } from '../shared/domain/complaint-status.ts';
import { CHANNELS, COMPLAINT_TYPES } from '../shared/domain/complaint-status.ts';
import { ARCHIVE_REASONS } from '../shared/domain/triage.ts';
import { computeDueDate } from '../shared/deadline/compute-due-date.ts';
import { DEFAULT_SLA_RULES } from '../shared/deadline/sla-rules.ts';
import type { WorkingCalendar } from '../shared/deadline/working-calendar.ts';
import {
  computeRakordaFigures,
  computeRakordaReport,
  type RakordaComplaint,
  type RakordaEvent,
  type RakordaInput,
} from '../shared/reports/compute-rakorda-figures.ts';

const COUNT = 100_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T03:00:00Z');
const CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 480,
  holidays: new Set(['2025-12-25', '2026-01-01', '2026-03-20', '2026-08-17', '2026-12-25']),
};
const STATUSES: ComplaintStatus[] = [
  'belum_diverifikasi',
  'ditunda',
  'didisposisi',
  'ditindaklanjuti',
  'selesai',
  'selesai',
  'selesai',
  'selesai',
  'diarsipkan',
  'bukan_wewenang',
];

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 100,000 complaints over 18 months in every status, with the timeline each status implies. */
function generate(): Pick<RakordaInput, 'complaints' | 'events' | 'units' | 'categories'> {
  const random = seeded(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const units = Array.from({ length: 40 }, (_v, i) => ({
    id: `unit-${i}`,
    name: `OPD ${i}`,
    shortName: `OPD${i}`,
    active: true,
  }));
  const categories = Array.from({ length: 14 }, (_v, i) => ({
    id: `cat-${i}`,
    name: `Kategori ${i}`,
    active: true,
  }));
  const complaints: RakordaComplaint[] = [];
  const events: RakordaEvent[] = [];
  const move = (id: string, from: ComplaintStatus, to: ComplaintStatus, at: number) =>
    events.push({
      complaintId: id,
      fromStatus: from,
      toStatus: to,
      reasonCode: to === 'diarsipkan' ? pick(ARCHIVE_REASONS) : '',
      deviceTime: at,
      serverTime: at + 60_000,
    });
  for (let i = 0; i < COUNT; i += 1) {
    const id = `c-${i}`;
    const receivedAt = Math.floor(NOW - random() * 548 * DAY);
    const status = pick(STATUSES);
    const verifiedAt = Math.min(NOW, receivedAt + random() * 6 * DAY);
    const followedUpAt = Math.min(NOW, verifiedAt + random() * 9 * DAY);
    const disposed = ['didisposisi', 'ditindaklanjuti', 'selesai'].includes(status);
    if (status === 'ditunda') move(id, 'belum_diverifikasi', 'ditunda', verifiedAt);
    if (status === 'diarsipkan' || status === 'bukan_wewenang')
      move(id, 'belum_diverifikasi', status, verifiedAt);
    if (disposed) move(id, 'belum_diverifikasi', 'didisposisi', verifiedAt);
    if (status === 'ditindaklanjuti' || status === 'selesai')
      move(id, 'didisposisi', 'ditindaklanjuti', followedUpAt);
    if (status === 'selesai') move(id, 'ditindaklanjuti', 'selesai', followedUpAt + DAY);
    const clockStart = status === 'didisposisi' ? verifiedAt : receivedAt;
    const clockDays = status === 'didisposisi' ? 5 : status === 'ditindaklanjuti' ? 14 : 3;
    complaints.push({
      id,
      trackingNumber: `KALTIM-${String(i).padStart(6, '0')}`,
      title: 'Jalan berlubang membahayakan pengendara',
      type: pick(COMPLAINT_TYPES),
      channel: pick(CHANNELS),
      categoryId: pick(categories).id,
      unitId: disposed ? pick(units).id : '',
      duplicateOf: '',
      status,
      rahasia: random() < 0.05,
      berkadarPengawasan: false,
      regionCode: '64.72.01.1001',
      receivedAt,
      statusChangedAt: receivedAt,
      dueAt: ['diarsipkan', 'bukan_wewenang', 'selesai'].includes(status)
        ? 0
        : computeDueDate(clockStart, clockDays, 'working', CALENDAR),
    });
  }
  // Device and server hand events over in sequence order, not grouped by complaint.
  for (let i = events.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return { complaints, events, units, categories };
}

const data = generate();
const input = (from: string, to: string, unitIds: string[] = []): RakordaInput => ({
  ...data,
  period: { from, to, unitIds },
  calendar: CALENDAR,
  slaRuleSets: [{ ...DEFAULT_SLA_RULES, activeFrom: 0 }],
  now: NOW,
  dataAsOf: NOW,
});

/** Median and worst of `runs` timed runs after `warmup` untimed ones, in milliseconds. */
function measure(label: string, run: () => unknown, runs = 15, warmup = 3): void {
  for (let i = 0; i < warmup; i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)] ?? 0;
  const worst = times[runs - 1] ?? 0;
  console.log(`${label}: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
}

const first = performance.now();
const once = computeRakordaFigures(input('2026-01-01', '2026-12-31'));
console.log(
  `${COUNT.toLocaleString('en')} complaints, ${data.events.length.toLocaleString('en')} events; ` +
    `first (cold) run ${(performance.now() - first).toFixed(1)} ms, ` +
    `${once.received.total.toLocaleString('en')} received in 2026`,
);
measure('one year, whole instansi (computeRakordaFigures)', () =>
  computeRakordaFigures(input('2026-01-01', '2026-12-31')),
);
measure('18 months, whole instansi', () =>
  computeRakordaFigures(input('2025-05-01', '2026-11-30')),
);
measure('one year and the year before (computeRakordaReport, as the server)', () =>
  computeRakordaReport(input('2026-01-01', '2026-12-31')),
);
measure('one year, three chosen OPD units', () =>
  computeRakordaFigures(input('2026-01-01', '2026-12-31', ['unit-1', 'unit-2', 'unit-3'])),
);
