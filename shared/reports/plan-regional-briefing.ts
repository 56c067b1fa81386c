import {
  COMPLETION_RATE_FORMULA,
  FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
  HANDLED_RATE_FORMULA,
  VERIFICATION_WITHIN_DEADLINE_FORMULA,
} from './rakorda-definitions.ts';
import type { RakordaFigures, RakordaRate } from './compute-rakorda-figures.ts';
import type { ReportPeriod } from './report-period.ts';

/** Whether an instansi has the officers its SK Tim Pengelola should name. */
export type InstansiStaffing = {
  activeAdmins: number;
  activeUnits: number;
  /** Short names of active OPD units with no active penghubung, by name. */
  unitsWithoutPenghubung: string[];
};

export type BriefingInstansi = {
  id: string;
  name: string;
  shortName: string;
  /** Its own RAKORDA figures (computeRakordaFigures over the whole instansi). */
  figures: RakordaFigures;
  staffing: InstansiStaffing;
};

/** One instansi's line of the regional briefing: figures only, never a report or a reporter. */
export type InstansiBriefingRow = {
  /** 1 = best among the kabupaten/kota; null for the province and an instansi with no report. */
  rank: number | null;
  instansiId: string;
  name: string;
  shortName: string;
  received: number;
  resolved: number;
  inProcess: number;
  notYetProcessed: number;
  base: number;
  handledRate: RakordaRate;
  completionRate: RakordaRate;
  verificationWithinDeadline: RakordaRate;
  followUpWithinDeadline: RakordaRate;
  overdue: number;
  hasActiveAdmin: boolean;
  activeUnits: number;
  unitsWithoutPenghubung: string[];
  /** An active Admin Instansi and a penghubung for every active OPD. */
  staffed: boolean;
};

export type RegionalBriefing = {
  period: ReportPeriod;
  generatedAt: number;
  /** The convening province's own figures. */
  province: InstansiBriefingRow;
  /** Its kabupaten/kota, ranked; those with no report last, by name. */
  members: InstansiBriefingRow[];
  /** Province and kabupaten/kota together: counts added, rates from the added counts. */
  total: Omit<InstansiBriefingRow, 'rank' | 'instansiId' | 'name' | 'shortName'>;
};

function rate(numerator: number, denominator: number, formula: string): RakordaRate {
  if (denominator === 0) return { numerator, denominator, value: null, percent: null, formula };
  const value = numerator / denominator;
  return { numerator, denominator, value, percent: Math.round(value * 1000) / 10, formula };
}

function rowOf(instansi: BriefingInstansi): InstansiBriefingRow {
  const { figures, staffing } = instansi;
  const hasActiveAdmin = staffing.activeAdmins > 0;
  return {
    rank: null,
    instansiId: instansi.id,
    name: instansi.name,
    shortName: instansi.shortName,
    received: figures.received.total,
    resolved: figures.status.resolved,
    inProcess: figures.status.inProcess,
    notYetProcessed: figures.status.notYetProcessed,
    base: figures.status.base,
    handledRate: figures.rates.handled,
    completionRate: figures.rates.completion,
    verificationWithinDeadline: figures.withinDeadline.verification,
    followUpWithinDeadline: figures.withinDeadline.firstFollowUp,
    overdue: figures.overdue.total,
    hasActiveAdmin,
    activeUnits: staffing.activeUnits,
    unitsWithoutPenghubung: [...staffing.unitsWithoutPenghubung],
    staffed: hasActiveAdmin && staffing.unitsWithoutPenghubung.length === 0,
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The briefing a province's RAKORDA reads: its own figures and its kabupaten/kota ranked as
 * OPD are (highest completion rate, then fewest overdue, most reports, name), with whether
 * each is staffed. Takes each instansi's figures as computeRakordaFigures gives them.
 */
export function planRegionalBriefing(input: {
  period: ReportPeriod;
  generatedAt: number;
  province: BriefingInstansi;
  members: readonly BriefingInstansi[];
}): RegionalBriefing {
  const province = rowOf(input.province);
  const rows = input.members.map(rowOf);
  const byName = (a: InstansiBriefingRow, b: InstansiBriefingRow) =>
    compareText(a.name, b.name) || compareText(a.instansiId, b.instansiId);
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
  const all = [province, ...rows];
  const sum = (pick: (row: InstansiBriefingRow) => number) =>
    all.reduce((total, row) => total + pick(row), 0);
  const resolved = sum((row) => row.resolved);
  const inProcess = sum((row) => row.inProcess);
  const base = sum((row) => row.base);
  return {
    period: input.period,
    generatedAt: input.generatedAt,
    province,
    members: [...ranked, ...rows.filter((row) => row.received === 0).sort(byName)],
    total: {
      received: sum((row) => row.received),
      resolved,
      inProcess,
      notYetProcessed: sum((row) => row.notYetProcessed),
      base,
      handledRate: rate(resolved + inProcess, base, HANDLED_RATE_FORMULA),
      completionRate: rate(resolved, base, COMPLETION_RATE_FORMULA),
      verificationWithinDeadline: rate(
        sum((row) => row.verificationWithinDeadline.numerator),
        sum((row) => row.verificationWithinDeadline.denominator),
        VERIFICATION_WITHIN_DEADLINE_FORMULA,
      ),
      followUpWithinDeadline: rate(
        sum((row) => row.followUpWithinDeadline.numerator),
        sum((row) => row.followUpWithinDeadline.denominator),
        FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
      ),
      overdue: sum((row) => row.overdue),
      hasActiveAdmin: all.every((row) => row.hasActiveAdmin),
      activeUnits: sum((row) => row.activeUnits),
      unitsWithoutPenghubung: [],
      staffed: all.every((row) => row.staffed),
    },
  };
}
