import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import { DEFAULT_SLA_RULES } from '../../shared/deadline/sla-rules.ts';
import type { WorkingDayIndex } from '../../shared/reports/working-day-index.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';

/** Working days past the auto-close count a diligent admin lets a closing proposal wait. */
const PROPOSAL_GRACE_DAYS = 2;

/** Where a report handled on time would stand by now, one step further along its lifecycle. */
const FURTHER: Partial<Record<ComplaintStatus, ComplaintStatus>> = {
  belum_diverifikasi: 'didisposisi',
  ditunda: 'didisposisi',
  didisposisi: 'ditindaklanjuti',
  ditindaklanjuti: 'selesai',
};

/**
 * The status a demo report moves on to because, where it stands, it would look neglected at
 * `nowMs`: its running clock is past due, or its follow-up has waited for the admin's closing
 * longer than the auto-close days and a short grace. Null when the report looks handled on time.
 */
export function decideDemoStatusProgress(
  complaint: Pick<Complaint, 'status' | 'dueAt'>,
  events: readonly Pick<ComplaintEvent, 'kind' | 'serverTime'>[],
  days: WorkingDayIndex,
  nowMs: number,
): ComplaintStatus | null {
  const further = FURTHER[complaint.status] ?? null;
  if (further === null) return null;
  if (complaint.dueAt > 0 && complaint.dueAt < nowMs) return further;
  if (complaint.status !== 'ditindaklanjuti') return null;
  const followUpAt = Math.max(
    0,
    ...events.filter((event) => event.kind === 'tindak_lanjut').map((event) => event.serverTime),
  );
  if (followUpAt === 0) return null;
  const waited = days.countDays(days.dayOf(followUpAt), days.dayOf(nowMs), 'working');
  return waited >= DEFAULT_SLA_RULES.autoCloseDays + PROPOSAL_GRACE_DAYS ? further : null;
}
