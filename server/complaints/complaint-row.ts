import type { Complaint } from '../../shared/schemas/complaint.ts';
import { roleSeesReporterIdentity, type Role } from '../../shared/domain/roles.ts';
import type { RakordaComplaint } from '../../shared/reports/rakorda-input.ts';

/** A complaints row as the drivers return it. */
export type ComplaintRow = {
  id: string;
  instansi_id: string;
  tracking_number: string;
  title: string;
  body: string;
  type: Complaint['type'];
  channel: Complaint['channel'];
  category_id: string;
  unit_id: string | null;
  status: Complaint['status'];
  priority: Complaint['priority'];
  anonim: boolean;
  rahasia: boolean;
  berkadar_pengawasan: boolean;
  region_code: string;
  location_text: string;
  received_at: Date;
  status_changed_at: Date;
  due_at: Date | null;
  updated_at: Date;
  updated_by: string;
  seq: number;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string;
  duplicate_of: string | null;
};

/** What a report reads of a complaint: never the reporter's identity or the body. */
export const COMPLAINT_SUMMARY_COLUMNS = `id, tracking_number, title, type, channel, category_id,
  unit_id, duplicate_of, status, rahasia, berkadar_pengawasan, region_code, received_at,
  status_changed_at, due_at`;
export type ComplaintSummaryRow = Pick<
  ComplaintRow,
  | 'id'
  | 'tracking_number'
  | 'title'
  | 'type'
  | 'channel'
  | 'category_id'
  | 'unit_id'
  | 'duplicate_of'
  | 'status'
  | 'rahasia'
  | 'berkadar_pengawasan'
  | 'region_code'
  | 'received_at'
  | 'status_changed_at'
  | 'due_at'
>;
/** The summary is what the RAKORDA figures read of a complaint. */
export type ComplaintSummary = RakordaComplaint;

/** Identity columns are selected only for officers allowed to see them. */
export const COMPLAINT_PUBLIC_COLUMNS = `id, instansi_id, tracking_number, title, body, type, channel, category_id,
  unit_id, duplicate_of, status, priority, anonim, rahasia, berkadar_pengawasan, region_code, location_text,
  received_at, status_changed_at, due_at, updated_at, updated_by, seq`;
export const COMPLAINT_IDENTITY_COLUMNS = 'reporter_name, reporter_phone, reporter_email';

export function complaintColumnsFor(role: Role): string {
  return roleSeesReporterIdentity(role)
    ? `${COMPLAINT_PUBLIC_COLUMNS}, ${COMPLAINT_IDENTITY_COLUMNS}`
    : COMPLAINT_PUBLIC_COLUMNS;
}

export function complaintSummaryFromRow(row: ComplaintSummaryRow): ComplaintSummary {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    title: row.title,
    type: row.type,
    channel: row.channel,
    categoryId: row.category_id,
    unitId: row.unit_id ?? '',
    duplicateOf: row.duplicate_of ?? '',
    status: row.status,
    rahasia: row.rahasia,
    berkadarPengawasan: row.berkadar_pengawasan,
    regionCode: row.region_code,
    receivedAt: row.received_at.getTime(),
    statusChangedAt: row.status_changed_at.getTime(),
    dueAt: row.due_at ? row.due_at.getTime() : 0,
  };
}

export function complaintFromRow(row: ComplaintRow, includeIdentity: boolean): Complaint {
  const complaint: Complaint = {
    ...complaintSummaryFromRow(row),
    instansiId: row.instansi_id,
    body: row.body,
    priority: row.priority,
    anonim: row.anonim,
    regionCode: row.region_code,
    locationText: row.location_text,
    updatedAt: row.updated_at.getTime(),
    updatedBy: row.updated_by,
    serverSeq: Number(row.seq),
  };
  if (includeIdentity) {
    complaint.reporter = {
      name: row.reporter_name,
      phone: row.reporter_phone,
      email: row.reporter_email,
    };
  }
  return complaint;
}

/** The columns a new complaint is written with, in the order complaintRowValues gives them. */
export const COMPLAINT_INSERT_COLUMNS = [
  'id',
  'instansi_id',
  'tracking_number',
  'title',
  'body',
  'type',
  'channel',
  'category_id',
  'unit_id',
  'status',
  'priority',
  'anonim',
  'rahasia',
  'berkadar_pengawasan',
  'region_code',
  'location_text',
  'received_at',
  'status_changed_at',
  'due_at',
  'updated_at',
  'updated_by',
  'seq',
  'reporter_name',
  'reporter_phone',
  'reporter_email',
  'duplicate_of',
] as const;

/** A complaint as the values of its row, with its change number (its serverSeq is ignored). */
export function complaintRowValues(complaint: Complaint, seq: number): unknown[] {
  return [
    complaint.id,
    complaint.instansiId,
    complaint.trackingNumber,
    complaint.title,
    complaint.body,
    complaint.type,
    complaint.channel,
    complaint.categoryId,
    complaint.unitId || null,
    complaint.status,
    complaint.priority,
    complaint.anonim,
    complaint.rahasia,
    complaint.berkadarPengawasan,
    complaint.regionCode,
    complaint.locationText,
    new Date(complaint.receivedAt),
    new Date(complaint.statusChangedAt),
    complaint.dueAt > 0 ? new Date(complaint.dueAt) : null,
    new Date(complaint.updatedAt),
    complaint.updatedBy,
    seq,
    complaint.reporter?.name ?? '',
    complaint.reporter?.phone ?? '',
    complaint.reporter?.email ?? '',
    complaint.duplicateOf || null,
  ];
}
