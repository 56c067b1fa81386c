// The RAKORDA figures of one period and scope, as computeRakordaFigures answers them.
import type { Channel, ComplaintStatus, ComplaintType } from '../domain/complaint-status.ts';
import type { ArchiveReason } from '../domain/triage.ts';
import type { DayCounting } from '../deadline/compute-due-date.ts';
import type { DeadlineClock } from '../deadline/sla-rules.ts';
import type { RAKORDA_DEFINITIONS } from './rakorda-definitions.ts';
import type { ReportPeriod } from './report-period.ts';
import type { RegencyFigures } from './regency-figures.ts';

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
