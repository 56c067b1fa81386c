import type { MangoQuery } from 'rxdb';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
} from '../../../../shared/domain/complaint-status.ts';

export const ACTIVE_STATUSES: readonly ComplaintStatus[] = [
  'belum_diverifikasi',
  'ditunda',
  'didisposisi',
  'ditindaklanjuti',
];

export type QueueStatusFilter = 'active' | 'all' | ComplaintStatus;

export function isQueueStatusFilter(value: string): value is QueueStatusFilter {
  return (
    value === 'active' ||
    value === 'all' ||
    (COMPLAINT_STATUSES as readonly string[]).includes(value)
  );
}

/** The replica query behind the queue: running clocks by due date, closed ones newest first. */
export function queueQuery(filter: QueueStatusFilter): MangoQuery<Complaint> {
  if (filter === 'active') {
    return { selector: { status: { $in: [...ACTIVE_STATUSES] } }, sort: [{ dueAt: 'asc' }] };
  }
  if (filter === 'all') return { selector: {}, sort: [{ updatedAt: 'desc' }] };
  if (ACTIVE_STATUSES.includes(filter))
    return { selector: { status: filter }, sort: [{ dueAt: 'asc' }] };
  return { selector: { status: filter }, sort: [{ updatedAt: 'desc' }] };
}
