import type { ComplaintStatus } from '../domain/complaint-status.ts';

/** GeoReport v2 knows two statuses: a report still being worked on, or one that ended. */
export type Open311Status = 'open' | 'closed';

const CLOSED_STATUSES: ReadonlySet<ComplaintStatus> = new Set([
  'selesai',
  'diarsipkan',
  'bukan_wewenang',
]);

export function open311Status(status: ComplaintStatus): Open311Status {
  return CLOSED_STATUSES.has(status) ? 'closed' : 'open';
}

/** The workstation statuses an Open311 status filter selects. */
export function statusesFor(status: Open311Status): ComplaintStatus[] {
  const all: ComplaintStatus[] = [
    'belum_diverifikasi',
    'ditunda',
    'didisposisi',
    'ditindaklanjuti',
    'selesai',
    'diarsipkan',
    'bukan_wewenang',
  ];
  return all.filter((each) => open311Status(each) === status);
}

/** Status notes shown to the public, in Indonesian (the labels of DOMAIN.md). */
const STATUS_NOTES: Record<ComplaintStatus, string> = {
  belum_diverifikasi: 'Belum Diverifikasi',
  ditunda: 'Ditunda: menunggu kelengkapan dari pelapor',
  didisposisi: 'Terverifikasi, Didisposisi',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
  diarsipkan: 'Diarsipkan',
  bukan_wewenang: 'Bukan Wewenang',
};

/** ISO 8601 with the instansi's own offset, e.g. 2026-11-20T11:00:00+08:00. */
export function isoWithOffset(epochMs: number, utcOffsetMinutes: number): string {
  const local = new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(utcOffsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** The public face of a complaint: what anyone may read. Never the reporter, never a rahasia report. */
export type PublicComplaint = {
  trackingNumber: string;
  status: ComplaintStatus;
  categoryCode: string;
  categoryName: string;
  unitName: string;
  body: string;
  regionCode: string;
  locationText: string;
  receivedAt: number;
  updatedAt: number;
  dueAt: number;
};

export type ServiceRequestRecord = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: string;
  long: string;
  media_url: string;
};

export function serviceRequestRecord(
  complaint: PublicComplaint,
  utcOffsetMinutes: number,
): ServiceRequestRecord {
  return {
    service_request_id: complaint.trackingNumber,
    status: open311Status(complaint.status),
    status_notes: STATUS_NOTES[complaint.status],
    service_name: complaint.categoryName,
    service_code: complaint.categoryCode,
    description: complaint.body,
    agency_responsible: complaint.unitName,
    service_notice: '',
    requested_datetime: isoWithOffset(complaint.receivedAt, utcOffsetMinutes),
    updated_datetime: isoWithOffset(complaint.updatedAt, utcOffsetMinutes),
    expected_datetime: complaint.dueAt > 0 ? isoWithOffset(complaint.dueAt, utcOffsetMinutes) : '',
    address: complaint.locationText,
    address_id: complaint.regionCode,
    zipcode: '',
    lat: '',
    long: '',
    media_url: '',
  };
}

export type ServiceRecord = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

export function serviceRecord(category: { code: string; name: string }): ServiceRecord {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `Pengaduan, aspirasi atau permintaan informasi tentang ${category.name.toLowerCase()}`,
    // Optional attributes (jenis, anonim, rahasia) are described by the service definition.
    metadata: true,
    type: 'realtime',
    keywords: category.code.replaceAll('_', ' '),
    group: '',
  };
}
