import { CHANNELS, COMPLAINT_STATUSES, COMPLAINT_TYPES } from '../domain/complaint-status.ts';
import { ruleSetInForce } from '../deadline/sla-rules.ts';
import { RAKORDA_DEFINITIONS } from './rakorda-definitions.ts';
import type { RakordaFigures, RakordaReport } from './rakorda-figures.ts';
import {
  localDateToDayNumber,
  periodBounds,
  previousPeriod,
  reportPeriodSchema,
} from './report-period.ts';
import { createWorkingDayIndex } from './working-day-index.ts';
import {
  readMilestones,
  selectReceived,
  type ComplaintMilestones,
  type RakordaComplaint,
  type RakordaInput,
} from './rakorda-input.ts';
import { computeHeadlineRates, summariseStatuses, zeroCounts } from './count-statuses.ts';
import {
  createDeadlineTally,
  summariseDeadlines,
  tallyFirstFollowUp,
  tallyVerification,
} from './tally-deadlines.ts';
import {
  createOverdueTally,
  DEFAULT_OVERDUE_LIST_LIMIT,
  listOverdue,
  tallyOverdue,
} from './list-overdue.ts';
import { rankUnits, tallyUnit, type UnitTally } from './rank-units.ts';
import { rankCategories, tallyCategory, type CategoryTally } from './rank-categories.ts';
import { countArchiveReasons, tallyArchiveReason } from './count-archive-reasons.ts';
import { findMonthIndex, splitByMonth, summariseMonth } from './split-by-month.ts';
import { createRegencyTally } from './regency-figures.ts';

export type {
  RakordaCategory,
  RakordaComplaint,
  RakordaEvent,
  RakordaInput,
  RakordaSlaRuleSet,
  RakordaUnit,
} from './rakorda-input.ts';
export type {
  ArchiveReasonFigures,
  CategoryFigures,
  DurationFigures,
  MonthFigures,
  OverdueComplaint,
  RakordaFigures,
  RakordaRate,
  RakordaReport,
  StatusFigures,
  UnitFigures,
} from './rakorda-figures.ts';
export type { RegencyFigures } from './regency-figures.ts';
export { nearestRankPercentile, rate } from './compute-rate.ts';
export { DEFAULT_OVERDUE_LIST_LIMIT } from './list-overdue.ts';

const DAY_MS = 86_400_000;
/** Calendar days the day table reaches past the period and now: 365 working days and holidays. */
const DAY_TABLE_HORIZON = 800;

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

/**
 * The figures of `input.period` from complaints selected for it (or for a wider window): one
 * pass over the complaints counts each into every figure group's tally, then each group
 * summarises its tally.
 */
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

  const byType = zeroCounts(COMPLAINT_TYPES);
  const byChannel = zeroCounts(CHANNELS);
  const byStatus = zeroCounts(COMPLAINT_STATUSES);
  let reopenedCount = 0;
  const deadlines = createDeadlineTally();
  const overdue = createOverdueTally();
  const unitTallies = new Map<string, UnitTally>();
  const categoryTallies = new Map<string, CategoryTally>();
  const reasonCounts = new Map<string, number>();
  const months = splitByMonth(period, offset);
  const monthStatus = months.map(() => zeroCounts(COMPLAINT_STATUSES));
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
    monthStatus[findMonthIndex(monthStarts, complaint.receivedAt)]![status] += 1;
    tallyCategory(
      categoryTallies,
      complaint.categoryId,
      status === 'ditindaklanjuti' || status === 'selesai',
    );
    const unit = tallyUnit(unitTallies, complaint.unitId, status);
    if (status === 'diarsipkan') {
      tallyArchiveReason(reasonCounts, archiveReason[i], complaint.duplicateOf);
    }

    const rules = ruleSetInForce(input.slaRuleSets, complaint.receivedAt);
    tallyVerification(deadlines.verification, days, complaint, verifiedAt[i]!, rules, today);
    tallyFirstFollowUp(
      deadlines.firstFollowUp,
      unit?.firstFollowUp,
      days,
      complaint,
      followUpClockStartAt[i]!,
      firstFollowUpAt[i]!,
      rules,
      today,
    );
    const late = tallyOverdue(overdue, complaint, days, rules, now, today, unitNames);
    if (late && unit) unit.overdue += 1;
    regencyTally.add(complaint.regionCode, status, late);
  }

  const status = summariseStatuses(byStatus, reopenedCount);
  return {
    period: { from: period.from, to: period.to, unitIds: [...period.unitIds] },
    scope: { wholeInstansi: unitFilter === null, unitIds: [...period.unitIds] },
    utcOffsetMinutes: offset,
    generatedAt: now,
    dataAsOf: input.dataAsOf,
    received: { total: n, byType, byChannel },
    status,
    rates: computeHeadlineRates(status),
    ...summariseDeadlines(deadlines),
    overdue: listOverdue(overdue, input.overdueListLimit ?? DEFAULT_OVERDUE_LIST_LIMIT),
    units: rankUnits(input.units, unitFilter, period.unitIds, unitTallies),
    categories: rankCategories(input.categories, categoryTallies, n),
    regencies: regencyTally.figures(new Map(input.regencies ?? [])),
    monthly: months.map((month, index) => summariseMonth(month, monthStatus[index]!)),
    archivedReasons: countArchiveReasons(reasonCounts),
    definitions: { ...RAKORDA_DEFINITIONS },
  };
}
