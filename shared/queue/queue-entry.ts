import type {
  Channel,
  ComplaintStatus,
  ComplaintType,
  Priority,
} from '../domain/complaint-status.ts';
import type { Complaint } from '../schemas/complaint.ts';
import { normalizeSearchText } from '../search/normalize-search-text.ts';

/**
 * What the queue keeps in memory per complaint: everything it filters, sorts, counts and shows,
 * without the body or the reporter's identity (a key derived from it stays, for duplicate hints).
 */
export type QueueEntry = {
  id: string;
  trackingNumber: string;
  title: string;
  status: ComplaintStatus;
  unitId: string;
  categoryId: string;
  type: ComplaintType;
  channel: Channel;
  priority: Priority;
  anonim: boolean;
  rahasia: boolean;
  berkadarPengawasan: boolean;
  regionCode: string;
  /** Folded location text, compared when looking for duplicates. */
  locationKey: string;
  /** Folded phone, e-mail or name of the reporter; empty when the officer may not see them. */
  reporterKey: string;
  duplicateOf: string;
  receivedAt: number;
  statusChangedAt: number;
  dueAt: number;
  updatedAt: number;
};

function reporterKeyOf(reporter: Complaint['reporter']): string {
  if (!reporter) return '';
  const phone = reporter.phone.replace(/\D+/g, '').replace(/^(62|0)/, '');
  if (phone.length >= 6) return `tel:${phone}`;
  const email = reporter.email.trim().toLowerCase();
  if (email) return `mail:${email}`;
  const name = normalizeSearchText(reporter.name);
  return name ? `name:${name}` : '';
}

export function toQueueEntry(complaint: Complaint): QueueEntry {
  return {
    id: complaint.id,
    trackingNumber: complaint.trackingNumber,
    title: complaint.title,
    status: complaint.status,
    unitId: complaint.unitId,
    categoryId: complaint.categoryId,
    type: complaint.type,
    channel: complaint.channel,
    priority: complaint.priority,
    anonim: complaint.anonim,
    rahasia: complaint.rahasia,
    berkadarPengawasan: complaint.berkadarPengawasan,
    regionCode: complaint.regionCode,
    locationKey: normalizeSearchText(complaint.locationText),
    reporterKey: reporterKeyOf(complaint.reporter),
    duplicateOf: complaint.duplicateOf,
    receivedAt: complaint.receivedAt,
    statusChangedAt: complaint.statusChangedAt,
    dueAt: complaint.dueAt,
    updatedAt: complaint.updatedAt,
  };
}

/** The text full-text search looks in. */
export function searchableTextOf(
  complaint: Pick<Complaint, 'trackingNumber' | 'title' | 'body'>,
): string {
  return `${complaint.trackingNumber} ${complaint.title} ${complaint.body}`;
}
