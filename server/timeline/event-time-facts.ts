import { decideEventTime } from '../../shared/domain/decide-event-time.ts';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import type { SqlExecutor } from '../db/database.ts';

const DISPOSITION_KINDS = ['verifikasi_disposisi', 'disposisi_ulang'];

/**
 * Whether the device's time of a new event is trusted (see decideEventTime), from the complaint
 * as the server holds it: when it was received, and when it was last disposed to its current
 * OPD (the disposition event's server time; while that event has not arrived, the time the
 * complaint became didisposisi).
 */
export async function decideDeviceTimeOf(
  tx: SqlExecutor,
  event: Pick<ComplaintEvent, 'complaintId' | 'kind' | 'deviceTime'>,
  officerRole: ComplaintEvent['officerRole'],
  now: number,
): Promise<boolean> {
  const rows = await tx.query<{
    received_at: Date;
    disposed_at: Date | null;
    status: string;
    status_changed_at: Date;
  }>(
    `SELECT c.received_at, c.status, c.status_changed_at,
        (SELECT max(e.server_time) FROM complaint_events e
          WHERE e.complaint_id = c.id AND e.kind = ANY($2::text[])
            AND e.target_unit_id = c.unit_id) AS disposed_at
       FROM complaints c WHERE c.id = $1`,
    [event.complaintId, DISPOSITION_KINDS],
  );
  const complaint = rows[0];
  if (!complaint) return false;
  const disposedAt =
    complaint.disposed_at?.getTime() ??
    (complaint.status === 'didisposisi' ? complaint.status_changed_at.getTime() : 0);
  return decideEventTime(event.deviceTime, {
    kind: event.kind,
    officerRole,
    complaintReceivedAt: complaint.received_at.getTime(),
    disposedToUnitAt: disposedAt,
    serverTime: now,
  });
}
