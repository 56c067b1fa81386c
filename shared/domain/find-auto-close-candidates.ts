import { ruleSetInForce, type SlaRuleSet } from '../deadline/sla-rules.ts';
import type { WorkingCalendar } from '../deadline/working-calendar.ts';
import type { Complaint } from '../schemas/complaint.ts';
import type { ComplaintEvent } from '../schemas/complaint-event.ts';
import { createWorkingDayIndex } from '../reports/working-day-index.ts';

type CandidateComplaint = Pick<Complaint, 'id' | 'status' | 'receivedAt'>;
type TimelineEvent = Pick<ComplaintEvent, 'complaintId' | 'kind' | 'deviceTime' | 'serverTime'>;

export type AutoCloseInput<C extends CandidateComplaint> = {
  complaints: Iterable<C>;
  events: Iterable<TimelineEvent>;
  calendar: WorkingCalendar;
  /** Every rule set of the instansi with the time it came into force. */
  slaRuleSets: readonly (SlaRuleSet & { activeFrom: number })[];
  now: number;
};

export type AutoCloseCandidate<C> = {
  complaint: C;
  /** When the latest public follow-up was made. */
  followUpAt: number;
  /** Days counted since then, in the rule set's counting (working days by default). */
  daysWaited: number;
  /** The rule set's auto-close day count that was reached, and how it counts days. */
  autoCloseDays: number;
  counting: SlaRuleSet['counting'];
};

/** When an event happened: the server's time once accepted, the device's until then. */
function eventTime(event: TimelineEvent): number {
  return event.serverTime > 0 ? event.serverTime : event.deviceTime;
}

type Marks = { followUpAt: number; replyAt: number; reopenAt: number };

/**
 * Complaints that may be closed because the reporter did not answer: status `ditindaklanjuti`,
 * a public follow-up (`tindak_lanjut`) at least the rule set's auto-close days old (counted as
 * that rule set counts, skipping weekends and holidays for working days), no reporter reply
 * (`balasan_pelapor`) after it, and, for a reopened complaint, a follow-up after the reopening.
 * The rule set is the one in force when the complaint arrived; an auto-close count of 0 turns
 * proposals off. Oldest follow-up first. Pure: proposing is all it does, closing is the admin's.
 */
export function findAutoCloseCandidates<C extends CandidateComplaint>(
  input: AutoCloseInput<C>,
): AutoCloseCandidate<C>[] {
  const waiting = new Map<string, C>();
  for (const complaint of input.complaints) {
    if (complaint.status === 'ditindaklanjuti') waiting.set(complaint.id, complaint);
  }
  const marks = new Map<string, Marks>();
  for (const event of input.events) {
    if (!waiting.has(event.complaintId)) continue;
    const field: keyof Marks | null =
      event.kind === 'tindak_lanjut'
        ? 'followUpAt'
        : event.kind === 'balasan_pelapor'
          ? 'replyAt'
          : event.kind === 'buka_kembali'
            ? 'reopenAt'
            : null;
    if (!field) continue;
    const found = marks.get(event.complaintId) ?? { followUpAt: 0, replyAt: 0, reopenAt: 0 };
    found[field] = Math.max(found[field], eventTime(event));
    marks.set(event.complaintId, found);
  }

  const open: { complaint: C; followUpAt: number }[] = [];
  let earliest = input.now;
  for (const [id, complaint] of waiting) {
    const mark = marks.get(id);
    if (!mark || mark.followUpAt === 0) continue;
    if (mark.replyAt >= mark.followUpAt || mark.reopenAt >= mark.followUpAt) continue;
    open.push({ complaint, followUpAt: mark.followUpAt });
    earliest = Math.min(earliest, mark.followUpAt);
  }
  // Counted from a table over the days involved: walking the calendar per complaint took
  // seconds for thousands of complaints waiting a year.
  const probe = createWorkingDayIndex(input.calendar, 0, -1);
  const index = createWorkingDayIndex(
    input.calendar,
    probe.dayOf(earliest),
    probe.dayOf(input.now),
  );
  const today = index.dayOf(input.now);
  const candidates: AutoCloseCandidate<C>[] = [];
  for (const { complaint, followUpAt } of open) {
    const rules = ruleSetInForce(input.slaRuleSets, complaint.receivedAt);
    if (rules.autoCloseDays <= 0) continue;
    const daysWaited = index.countDays(index.dayOf(followUpAt), today, rules.counting);
    if (daysWaited < rules.autoCloseDays) continue;
    candidates.push({
      complaint,
      followUpAt,
      daysWaited,
      autoCloseDays: rules.autoCloseDays,
      counting: rules.counting,
    });
  }
  return candidates.sort((a, b) => a.followUpAt - b.followUpAt);
}

/** The closing note written in the timeline of a complaint closed from an auto-close proposal. */
export function autoCloseNote(days: number, counting: SlaRuleSet['counting']): string {
  const unit = counting === 'working' ? 'hari kerja' : 'hari kalender';
  return `Ditutup: tidak ada tanggapan pelapor dalam ${days} ${unit} setelah tindak lanjut`;
}
