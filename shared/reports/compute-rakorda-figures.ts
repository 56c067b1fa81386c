import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  type Channel,
  type ComplaintStatus,
  type ComplaintType,
} from '../domain/complaint-status.ts';
import { ARCHIVE_REASONS, type ArchiveReason } from '../domain/triage.ts';
import type { DayCounting } from '../deadline/compute-due-date.ts';
import { runningClock, ruleSetInForce, type DeadlineClock } from '../deadline/sla-rules.ts';
import {
  CLOSED_RATE_FORMULA,
  COMPLETION_RATE_FORMULA,
  FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
  HANDLED_RATE_FORMULA,
  RAKORDA_DEFINITIONS,
  UNIT_COMPLETION_RATE_FORMULA,
  VERIFICATION_WITHIN_DEADLINE_FORMULA,
} from './rakorda-definitions.ts';
import {
  dayNumberToLocalDate,
  localDateToDayNumber,
  periodBounds,
  previousPeriod,
  reportPeriodSchema,
  type ReportPeriod,
} from './report-period.ts';
import { createWorkingDayIndex } from './working-day-index.ts';
import { createRegencyTally, type RegencyFigures } from './regency-figures.ts';
import {
  readMilestones,
  selectReceived,
  type ComplaintMilestones,
  type RakordaCategory,
  type RakordaComplaint,
  type RakordaInput,
  type RakordaUnit,
} from './rakorda-input.ts';

export type {
  RakordaCategory,
  RakordaComplaint,
  RakordaEvent,
  RakordaInput,
  RakordaSlaRuleSet,
  RakordaUnit,
} from './rakorda-input.ts';

export type RakordaRate = {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, unrounded; null when the denominator is 0. */
  value: number | null;
  /** value as a percentage rounded to one decimal (93.2); null when the denominator is 0. */
  percent: number | null;
  formula: string;
};

export type DurationFigures = {
  unit: 'hari_kerja';
  /** Complaints measured. */
  count: number;
  median: number | null;
  p90: number | null;
  /** Complaints past this stage whose timeline lacks the event that measures it. */
  missingTimeline: number;
};

export type StatusFigures = {
  byStatus: Record<ComplaintStatus, number>;
  /** ditindaklanjuti + selesai */
  resolved: number;
  /** didisposisi */
  inProcess: number;
  /** belum_diverifikasi + ditunda */
  notYetProcessed: number;
  /** ditunda (also inside notYetProcessed) */
  onHold: number;
  archived: number;
  bukanWewenang: number;
  /** received − archived − bukan wewenang */
  base: number;
  /** Complaints ever reopened (selesai → ditindaklanjuti); each still counted once above. */
  reopened: number;
};

export type OverdueComplaint = {
  complaintId: string;
  trackingNumber: string;
  /** null for a rahasia report: its content stays out of printed briefings. */
  title: string | null;
  status: ComplaintStatus;
  clock: DeadlineClock;
  unitId: string;
  unitName: string;
  categoryId: string;
  receivedAt: number;
  dueAt: number;
  daysOverdue: number;
  counting: DayCounting;
};

export type UnitFigures = {
  /** 1 = best; null for a unit with no report in the period. */
  rank: number | null;
  unitId: string;
  name: string;
  shortName: string;
  active: boolean;
  received: number;
  resolved: number;
  inProcess: number;
  completionRate: RakordaRate;
  firstFollowUpWithinDeadline: RakordaRate;
  /** Median time to first follow-up, working days. */
  medianResponseDays: number | null;
  overdue: number;
};

export type CategoryFigures = {
  categoryId: string;
  name: string;
  received: number;
  resolved: number;
  /** received ÷ all received in the period */
  share: number;
};

export type MonthFigures = {
  /** YYYY-MM */
  month: string;
  /** The part of the month inside the period. */
  from: string;
  to: string;
  received: number;
  resolved: number;
  inProcess: number;
  notYetProcessed: number;
  onHold: number;
  archived: number;
  bukanWewenang: number;
  base: number;
};

export type ArchiveReasonFigures = {
  reason: ArchiveReason | 'tidak_tercatat';
  count: number;
};

export type RakordaFigures = {
  period: ReportPeriod;
  scope: { wholeInstansi: boolean; unitIds: string[] };
  utcOffsetMinutes: number;
  generatedAt: number;
  dataAsOf: number;
  received: {
    total: number;
    byType: Record<ComplaintType, number>;
    byChannel: Record<Channel, number>;
  };
  status: StatusFigures;
  /** closed: selesai alone, shown beside completion (which counts ditindaklanjuti too). */
  rates: { handled: RakordaRate; completion: RakordaRate; closed: RakordaRate };
  timeToVerify: DurationFigures;
  timeToFirstFollowUp: DurationFigures;
  withinDeadline: { verification: RakordaRate; firstFollowUp: RakordaRate };
  overdue: {
    total: number;
    byClock: Record<DeadlineClock, number>;
    /** Oldest due first, at most `overdueListLimit`. */
    items: OverdueComplaint[];
    truncated: boolean;
  };
  /** Ranked units first, then the units with no report (by name). */
  units: UnitFigures[];
  /** Categories with at least one report, most reports first. */
  categories: CategoryFigures[];
  /** By kabupaten/kota of the reports' village codes, most reports first. */
  regencies: RegencyFigures[];
  monthly: MonthFigures[];
  /** Archived complaints by reason, in ARCHIVE_REASONS order, then "tidak_tercatat". */
  archivedReasons: ArchiveReasonFigures[];
  definitions: Record<keyof typeof RAKORDA_DEFINITIONS, string>;
};

export type RakordaReport = { current: RakordaFigures; previous: RakordaFigures };

export const DEFAULT_OVERDUE_LIST_LIMIT = 500;

const DAY_MS = 86_400_000;
/** Calendar days the day table reaches past the period and now: 365 working days and holidays. */
const DAY_TABLE_HORIZON = 800;

const UNVERIFIED: ReadonlySet<string> = new Set(['belum_diverifikasi', 'ditunda']);
const ARCHIVE_REASON_SET: ReadonlySet<string> = new Set(ARCHIVE_REASONS);

export function rate(numerator: number, denominator: number, formula: string): RakordaRate {
  if (denominator === 0) return { numerator, denominator, value: null, percent: null, formula };
  const value = numerator / denominator;
  return { numerator, denominator, value, percent: Math.round(value * 1000) / 10, formula };
}

/** Nearest-rank percentile of ascending values: the ⌈p·n⌉-th value; null when empty. */
export function nearestRankPercentile(
  sortedAscending: ArrayLike<number>,
  p: number,
): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sortedAscending[rank - 1] ?? null;
}

function durationFigures(values: number[], missingTimeline: number): DurationFigures {
  const sorted = Float64Array.from(values).sort();
  return {
    unit: 'hari_kerja',
    count: sorted.length,
    median: nearestRankPercentile(sorted, 50),
    p90: nearestRankPercentile(sorted, 90),
    missingTimeline,
  };
}

function zeroRecord<K extends string>(keys: readonly K[]): Record<K, number> {
  const record = {} as Record<K, number>;
  for (const key of keys) record[key] = 0;
  return record;
}

/**
 * Case-insensitive code-point order, not localeCompare: the same on every device and server
 * whatever its locale data, so the workstation and the server list ties in the same order.
 */
function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month a received instant falls in: the last month starting at or before it. */
function monthIndexOf(monthStarts: readonly number[], receivedAt: number): number {
  let lo = 0;
  let hi = monthStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (monthStarts[mid]! <= receivedAt) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type UnitAccumulator = {
  received: number;
  resolved: number;
  inProcess: number;
  overdue: number;
  responseDays: number[];
  followUpOnTime: number;
  followUpJudged: number;
};

function monthsOf(period: ReportPeriod, utcOffsetMinutes: number) {
  const months: { month: string; from: string; to: string; startMs: number }[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  let from = period.from;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const nextStart = `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
    const lastDay = dayNumberToLocalDate(localDateToDayNumber(nextStart) - 1);
    const to = lastDay < period.to ? lastDay : period.to;
    months.push({
      month: key,
      from,
      to,
      startMs: periodBounds({ from, to }, utcOffsetMinutes).startMs,
    });
    if (to === period.to) return months;
    year = nextYear;
    month = nextMonth;
    from = nextStart;
  }
}

/**
 * The RAKORDA briefing figures for one period and scope (DOMAIN.md "Indicators"): one pure
 * function used by the workstation on its replica and by the server's report endpoint, so both
 * print the same numbers for the same data. What each figure means is in `definitions`.
 * Throws (ZodError) on a period reportPeriodSchema refuses: validate the officer's input first.
 */
export function computeRakordaFigures(input: RakordaInput): RakordaFigures {
  const period = reportPeriodSchema.parse(input.period);
  const { startMs, endMs } = periodBounds(period, input.calendar.utcOffsetMinutes);
  const selected = selectReceived(input.complaints, startMs, endMs, period.unitIds);
  return figuresOf({ ...input, period }, selected, readMilestones(selected, input.events));
}

/**
 * The figures for the period and for the comparison period before it (previousPeriod). The
 * timeline is read once for both.
 */
export function computeRakordaReport(input: RakordaInput): RakordaReport {
  const period = reportPeriodSchema.parse(input.period);
  const previous = previousPeriod(period);
  const offset = input.calendar.utcOffsetMinutes;
  const current = periodBounds(period, offset);
  const before = periodBounds(previous, offset);
  const selected = selectReceived(
    input.complaints,
    Math.min(current.startMs, before.startMs),
    Math.max(current.endMs, before.endMs),
    period.unitIds,
  );
  const milestones = readMilestones(selected, input.events);
  return {
    current: figuresOf({ ...input, period }, selected, milestones),
    previous: figuresOf({ ...input, period: previous }, selected, milestones),
  };
}

/** The figures of `input.period` from complaints selected for it (or for a wider window). */
function figuresOf(
  input: RakordaInput,
  selected: readonly RakordaComplaint[],
  milestones: ComplaintMilestones,
): RakordaFigures {
  const { period, calendar, now } = input;
  const offset = calendar.utcOffsetMinutes;
  const { startMs, endMs } = periodBounds(period, offset);
  const unitFilter = period.unitIds.length > 0 ? new Set(period.unitIds) : null;
  const { verifiedAt, followUpClockStartAt, firstFollowUpAt, archiveReason, reopened } = milestones;

  // Days outside the table (a device clock far ahead) are answered by the slower shared code.
  const nowDay = Math.floor((now + offset * 60_000) / DAY_MS);
  const days = createWorkingDayIndex(
    calendar,
    localDateToDayNumber(period.from) - 1,
    Math.max(localDateToDayNumber(period.to), nowDay) + DAY_TABLE_HORIZON,
  );
  const today = days.dayOf(now);

  // One pass over the complaints of this period.
  const byType = zeroRecord(COMPLAINT_TYPES);
  const byChannel = zeroRecord(CHANNELS);
  const byStatus = zeroRecord(COMPLAINT_STATUSES);
  const verifyDays: number[] = [];
  const followUpDays: number[] = [];
  let verifyMissing = 0;
  let followUpMissing = 0;
  let verifyOnTime = 0;
  let verifyJudged = 0;
  let followUpOnTime = 0;
  let followUpJudged = 0;
  let reopenedCount = 0;
  const overdueAll: OverdueComplaint[] = [];
  const overdueByClock: Record<DeadlineClock, number> = {
    verifikasi: 0,
    tindak_lanjut: 0,
    penyelesaian: 0,
  };
  const unitAcc = new Map<string, UnitAccumulator>();
  const categoryAcc = new Map<string, { received: number; resolved: number }>();
  const reasonCounts = new Map<string, number>();
  const months = monthsOf(period, offset);
  const monthStatus = months.map(() => zeroRecord(COMPLAINT_STATUSES));
  const monthStarts = months.map((month) => month.startMs);
  const unitNames = new Map(input.units.map((unit) => [unit.id, unit]));
  const regencyTally = createRegencyTally();

  let n = 0;
  for (let i = 0; i < selected.length; i += 1) {
    const complaint = selected[i]!;
    if (complaint.receivedAt < startMs || complaint.receivedAt >= endMs) continue;
    if (unitFilter && !unitFilter.has(complaint.unitId)) continue;
    n += 1;
    const status = complaint.status;
    byType[complaint.type] += 1;
    byChannel[complaint.channel] += 1;
    byStatus[status] += 1;
    if (reopened[i]) reopenedCount += 1;
    const resolved = status === 'ditindaklanjuti' || status === 'selesai';

    monthStatus[monthIndexOf(monthStarts, complaint.receivedAt)]![status] += 1;

    const category = categoryAcc.get(complaint.categoryId) ?? { received: 0, resolved: 0 };
    category.received += 1;
    if (resolved) category.resolved += 1;
    categoryAcc.set(complaint.categoryId, category);

    let unit: UnitAccumulator | undefined;
    if (complaint.unitId) {
      unit = unitAcc.get(complaint.unitId);
      if (!unit) {
        unit = {
          received: 0,
          resolved: 0,
          inProcess: 0,
          overdue: 0,
          responseDays: [],
          followUpOnTime: 0,
          followUpJudged: 0,
        };
        unitAcc.set(complaint.unitId, unit);
      }
      unit.received += 1;
      if (resolved) unit.resolved += 1;
      if (status === 'didisposisi') unit.inProcess += 1;
    }

    if (status === 'diarsipkan') {
      const recorded = archiveReason[i];
      const reason =
        recorded && ARCHIVE_REASON_SET.has(recorded)
          ? recorded
          : complaint.duplicateOf
            ? 'duplikat'
            : 'tidak_tercatat';
      reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
    }

    const rules = ruleSetInForce(input.slaRuleSets, complaint.receivedAt);
    const receivedDay = days.dayOf(complaint.receivedAt);

    // Verification: from arrival to the first verification outcome.
    const verified = verifiedAt[i]!;
    const verifyDueDay = days.dueDay(receivedDay, rules.verifyDays, rules.counting);
    if (!Number.isNaN(verified)) {
      const verifiedDay = days.dayOf(Math.max(complaint.receivedAt, verified));
      verifyDays.push(days.countDays(receivedDay, verifiedDay, 'working'));
      verifyJudged += 1;
      if (verifiedDay <= verifyDueDay) verifyOnTime += 1;
    } else if (UNVERIFIED.has(status)) {
      if (today > verifyDueDay) verifyJudged += 1;
    } else {
      verifyMissing += 1;
    }

    // First follow-up: from the disposition to the OPD that had it last before (or without) a
    // follow-up, to the first move didisposisi → ditindaklanjuti.
    if (status === 'didisposisi' || resolved) {
      const disposed = followUpClockStartAt[i]!;
      const followedUp = firstFollowUpAt[i]!;
      if (Number.isNaN(disposed)) {
        followUpMissing += 1;
      } else {
        const start = Math.max(complaint.receivedAt, disposed);
        const startDay = days.dayOf(start);
        const dueDay = days.dueDay(startDay, rules.firstFollowUpDays, rules.counting);
        if (!Number.isNaN(followedUp)) {
          const followUpDay = days.dayOf(Math.max(start, followedUp));
          const elapsed = days.countDays(startDay, followUpDay, 'working');
          const onTime = followUpDay <= dueDay;
          followUpDays.push(elapsed);
          followUpJudged += 1;
          if (onTime) followUpOnTime += 1;
          if (unit) {
            unit.responseDays.push(elapsed);
            unit.followUpJudged += 1;
            if (onTime) unit.followUpOnTime += 1;
          }
        } else if (status === 'didisposisi') {
          if (today > dueDay) {
            followUpJudged += 1;
            if (unit) unit.followUpJudged += 1;
          }
        } else {
          followUpMissing += 1;
        }
      }
    }

    // Overdue now: the running clock is past its due time (as the workstation's clock shows).
    const clock = runningClock(complaint);
    const overdueNow = clock !== null && complaint.dueAt > 0 && now > complaint.dueAt;
    regencyTally.add(complaint.regionCode, status, overdueNow);
    if (clock && overdueNow) {
      overdueByClock[clock] += 1;
      if (unit) unit.overdue += 1;
      const late = days.countDays(days.dayOf(complaint.dueAt), today, rules.counting);
      overdueAll.push({
        complaintId: complaint.id,
        trackingNumber: complaint.trackingNumber,
        title: complaint.rahasia ? null : complaint.title,
        status,
        clock,
        unitId: complaint.unitId,
        unitName: complaint.unitId
          ? (unitNames.get(complaint.unitId)?.name ?? complaint.unitId)
          : '',
        categoryId: complaint.categoryId,
        receivedAt: complaint.receivedAt,
        dueAt: complaint.dueAt,
        daysOverdue: Math.max(1, late),
        counting: rules.counting,
      });
    }
  }

  // Assemble.
  const status = statusFigures(byStatus, reopenedCount);
  overdueAll.sort((a, b) => a.dueAt - b.dueAt || compareText(a.trackingNumber, b.trackingNumber));
  const limit = input.overdueListLimit ?? DEFAULT_OVERDUE_LIST_LIMIT;

  return {
    period: { from: period.from, to: period.to, unitIds: [...period.unitIds] },
    scope: { wholeInstansi: unitFilter === null, unitIds: [...period.unitIds] },
    utcOffsetMinutes: offset,
    generatedAt: now,
    dataAsOf: input.dataAsOf,
    received: { total: n, byType, byChannel },
    status,
    rates: {
      handled: rate(status.resolved + status.inProcess, status.base, HANDLED_RATE_FORMULA),
      completion: rate(status.resolved, status.base, COMPLETION_RATE_FORMULA),
      closed: rate(byStatus.selesai, status.base, CLOSED_RATE_FORMULA),
    },
    timeToVerify: durationFigures(verifyDays, verifyMissing),
    timeToFirstFollowUp: durationFigures(followUpDays, followUpMissing),
    withinDeadline: {
      verification: rate(verifyOnTime, verifyJudged, VERIFICATION_WITHIN_DEADLINE_FORMULA),
      firstFollowUp: rate(followUpOnTime, followUpJudged, FOLLOW_UP_WITHIN_DEADLINE_FORMULA),
    },
    overdue: {
      total: overdueAll.length,
      byClock: overdueByClock,
      items: overdueAll.slice(0, limit),
      truncated: overdueAll.length > limit,
    },
    units: unitFigures(input.units, unitFilter, period.unitIds, unitAcc),
    categories: categoryFigures(input.categories, categoryAcc, n),
    regencies: regencyTally.figures(new Map(input.regencies ?? [])),
    monthly: months.map((month, index) => {
      const counts = statusFigures(monthStatus[index]!, 0);
      return {
        month: month.month,
        from: month.from,
        to: month.to,
        received: COMPLAINT_STATUSES.reduce((sum, key) => sum + counts.byStatus[key], 0),
        resolved: counts.resolved,
        inProcess: counts.inProcess,
        notYetProcessed: counts.notYetProcessed,
        onHold: counts.onHold,
        archived: counts.archived,
        bukanWewenang: counts.bukanWewenang,
        base: counts.base,
      };
    }),
    archivedReasons: [...ARCHIVE_REASONS, 'tidak_tercatat' as const]
      .map((reason) => ({ reason, count: reasonCounts.get(reason) ?? 0 }))
      .filter((row) => row.count > 0 || row.reason !== 'tidak_tercatat'),
    definitions: { ...RAKORDA_DEFINITIONS },
  };
}

function statusFigures(byStatus: Record<ComplaintStatus, number>, reopened: number): StatusFigures {
  const received = COMPLAINT_STATUSES.reduce((sum, key) => sum + byStatus[key], 0);
  return {
    byStatus,
    resolved: byStatus.ditindaklanjuti + byStatus.selesai,
    inProcess: byStatus.didisposisi,
    notYetProcessed: byStatus.belum_diverifikasi + byStatus.ditunda,
    onHold: byStatus.ditunda,
    archived: byStatus.diarsipkan,
    bukanWewenang: byStatus.bukan_wewenang,
    base: received - byStatus.diarsipkan - byStatus.bukan_wewenang,
    reopened,
  };
}

function unitFigures(
  units: readonly RakordaUnit[],
  unitFilter: ReadonlySet<string> | null,
  chosen: readonly string[],
  accumulators: ReadonlyMap<string, UnitAccumulator>,
): UnitFigures[] {
  const known = new Map(units.map((unit) => [unit.id, unit]));
  // Chosen units, or every active unit plus any other unit that has reports in the period.
  const ids = unitFilter
    ? [...chosen]
    : [
        ...units.filter((unit) => unit.active).map((unit) => unit.id),
        ...[...accumulators.keys()].filter((id) => !known.get(id)?.active),
      ];
  const rows = ids.map((unitId): UnitFigures => {
    const unit = known.get(unitId);
    const acc = accumulators.get(unitId);
    const responseDays = Float64Array.from(acc?.responseDays ?? []).sort();
    return {
      rank: null,
      unitId,
      name: unit?.name ?? unitId,
      shortName: unit?.shortName ?? unitId,
      active: unit?.active ?? false,
      received: acc?.received ?? 0,
      resolved: acc?.resolved ?? 0,
      inProcess: acc?.inProcess ?? 0,
      completionRate: rate(acc?.resolved ?? 0, acc?.received ?? 0, UNIT_COMPLETION_RATE_FORMULA),
      firstFollowUpWithinDeadline: rate(
        acc?.followUpOnTime ?? 0,
        acc?.followUpJudged ?? 0,
        FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
      ),
      medianResponseDays: nearestRankPercentile(responseDays, 50),
      overdue: acc?.overdue ?? 0,
    };
  });
  const byName = (a: UnitFigures, b: UnitFigures) =>
    compareText(a.name, b.name) || compareText(a.unitId, b.unitId);
  const ranked = rows
    .filter((row) => row.received > 0)
    .sort(
      (a, b) =>
        (b.completionRate.value ?? 0) - (a.completionRate.value ?? 0) ||
        a.overdue - b.overdue ||
        b.received - a.received ||
        byName(a, b),
    );
  ranked.forEach((row, index) => {
    row.rank = index + 1;
  });
  const empty = rows.filter((row) => row.received === 0).sort(byName);
  return [...ranked, ...empty];
}

function categoryFigures(
  categories: readonly RakordaCategory[],
  accumulators: ReadonlyMap<string, { received: number; resolved: number }>,
  total: number,
): CategoryFigures[] {
  const names = new Map(categories.map((category) => [category.id, category.name]));
  return [...accumulators.entries()]
    .map(([categoryId, acc]) => ({
      categoryId,
      name: names.get(categoryId) ?? categoryId,
      received: acc.received,
      resolved: acc.resolved,
      share: acc.received / total,
    }))
    .sort(
      (a, b) =>
        b.received - a.received ||
        compareText(a.name, b.name) ||
        compareText(a.categoryId, b.categoryId),
    );
}
