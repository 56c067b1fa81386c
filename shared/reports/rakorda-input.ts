import type { Category } from '../schemas/category.ts';
import type { Complaint } from '../schemas/complaint.ts';
import type { ComplaintEvent } from '../schemas/complaint-event.ts';
import type { Unit } from '../schemas/unit.ts';
import type { SlaRuleSet } from '../deadline/sla-rules.ts';
import type { WorkingCalendar } from '../deadline/working-calendar.ts';
import type { ReportPeriod } from './report-period.ts';
import { trustedEventTime } from '../domain/decide-event-time.ts';

/** The complaint fields the figures read: no body, no reporter identity. */
export type RakordaComplaint = Pick<
  Complaint,
  | 'id'
  | 'trackingNumber'
  | 'title'
  | 'type'
  | 'channel'
  | 'categoryId'
  | 'unitId'
  | 'duplicateOf'
  | 'status'
  | 'rahasia'
  | 'berkadarPengawasan'
  | 'regionCode'
  | 'receivedAt'
  | 'statusChangedAt'
  | 'dueAt'
>;
/** The timeline fields the figures read: which status move, and when. */
export type RakordaEvent = Pick<
  ComplaintEvent,
  | 'complaintId'
  | 'fromStatus'
  | 'toStatus'
  | 'reasonCode'
  | 'deviceTime'
  | 'serverTime'
  | 'deviceTimeTrusted'
>;
export type RakordaUnit = Pick<Unit, 'id' | 'name' | 'shortName' | 'active'>;
export type RakordaCategory = Pick<Category, 'id' | 'name' | 'active'>;
export type RakordaSlaRuleSet = SlaRuleSet & { activeFrom: number };

export type RakordaInput = {
  /** Every complaint of the replica (or of the server's query); the period is applied here. */
  complaints: readonly RakordaComplaint[];
  /** Timeline events of those complaints, in any order. */
  events: readonly RakordaEvent[];
  period: ReportPeriod;
  /** Holidays and the instansi's UTC offset: local dates and working days come from it. */
  calendar: WorkingCalendar;
  /** The instansi's SLA rule sets; the one in force when a complaint arrived applies. */
  slaRuleSets: readonly RakordaSlaRuleSet[];
  /** The instansi's OPD units: names, and the units with no report still listed. */
  units: readonly RakordaUnit[];
  categories: readonly RakordaCategory[];
  /** `[pp.kk, name]` of the kabupaten/kota the reports may come from (the instansi's region). */
  regencies?: readonly (readonly [string, string])[];
  /** When the figures are computed: overdue and "deadline already passed" are judged at it. */
  now: number;
  /** The freshness of the data (the replica's last sync, or the server's now); printed only. */
  dataAsOf: number;
  /** Longest overdue list returned (the oldest due first); the total is always given. */
  overdueListLimit?: number;
};

/** Per selected complaint (same index): when each stage happened, NaN when never recorded. */
export type ComplaintMilestones = {
  /** First move out of belum_diverifikasi/ditunda to didisposisi, diarsipkan or bukan_wewenang. */
  verifiedAt: Float64Array;
  /**
   * Start of the follow-up clock: the latest move to didisposisi (a disposition or a
   * re-disposition) at or before the first follow-up, or the latest one when none came yet. The
   * OPD that got the complaint last is the one judged, from when it got it, as its due date says.
   */
  followUpClockStartAt: Float64Array;
  /** First move didisposisi → ditindaklanjuti. */
  firstFollowUpAt: Float64Array;
  /** Reason code of the latest move to diarsipkan. */
  archiveReason: (string | undefined)[];
  /** 1 when the complaint was ever reopened (selesai → ditindaklanjuti). */
  reopened: Uint8Array;
};

const UNVERIFIED: ReadonlySet<string> = new Set(['belum_diverifikasi', 'ditunda']);
const VERIFICATION_OUTCOMES: ReadonlySet<string> = new Set([
  'didisposisi',
  'diarsipkan',
  'bukan_wewenang',
]);

/**
 * When an officer did something: the device's time, unless the server found it implausible
 * (see decideEventTime), when the server's receipt counts.
 */
export function actedAt(event: RakordaEvent): number {
  return trustedEventTime(event);
}

/** Complaints received in `startMs <= t < endMs`, of the given units (none = all); ids once. */
export function selectReceived(
  complaints: readonly RakordaComplaint[],
  startMs: number,
  endMs: number,
  unitIds: readonly string[],
): RakordaComplaint[] {
  const unitFilter = unitIds.length > 0 ? new Set(unitIds) : null;
  const seen = new Set<string>();
  const selected: RakordaComplaint[] = [];
  for (const complaint of complaints) {
    if (complaint.receivedAt < startMs || complaint.receivedAt >= endMs) continue;
    if (unitFilter && !unitFilter.has(complaint.unitId)) continue;
    if (seen.has(complaint.id)) continue;
    seen.add(complaint.id);
    selected.push(complaint);
  }
  return selected;
}

/** One pass over the timeline, in any order: the milestones of each selected complaint. */
export function readMilestones(
  selected: readonly RakordaComplaint[],
  events: readonly RakordaEvent[],
): ComplaintMilestones {
  const n = selected.length;
  const indexById = new Map<string, number>();
  selected.forEach((complaint, index) => indexById.set(complaint.id, index));
  const verifiedAt = new Float64Array(n).fill(Number.NaN);
  const followUpClockStartAt = new Float64Array(n).fill(Number.NaN);
  const firstFollowUpAt = new Float64Array(n).fill(Number.NaN);
  const archivedAt = new Float64Array(n).fill(Number.NaN);
  const archiveReason: (string | undefined)[] = [];
  const reopened = new Uint8Array(n);
  for (const event of events) {
    const index = indexById.get(event.complaintId);
    if (index === undefined) continue;
    const at = actedAt(event);
    const from = event.fromStatus;
    const to = event.toStatus;
    if (UNVERIFIED.has(from) && VERIFICATION_OUTCOMES.has(to)) {
      if (!(at >= verifiedAt[index]!)) verifiedAt[index] = at;
    }
    if (to === 'ditindaklanjuti') {
      if (from === 'didisposisi') {
        if (!(at >= firstFollowUpAt[index]!)) firstFollowUpAt[index] = at;
      } else if (from === 'selesai') reopened[index] = 1;
    } else if (to === 'diarsipkan') {
      if (!(at <= archivedAt[index]!)) {
        archivedAt[index] = at;
        archiveReason[index] = event.reasonCode;
      }
    }
  }
  // Second pass, once the first follow-up of each complaint is known.
  for (const event of events) {
    if (event.toStatus !== 'didisposisi') continue;
    const index = indexById.get(event.complaintId);
    if (index === undefined) continue;
    const at = actedAt(event);
    const followedUp = firstFollowUpAt[index]!;
    if (!Number.isNaN(followedUp) && at > followedUp) continue;
    if (!(at <= followUpClockStartAt[index]!)) followUpClockStartAt[index] = at;
  }
  return { verifiedAt, followUpClockStartAt, firstFollowUpAt, archiveReason, reopened };
}
