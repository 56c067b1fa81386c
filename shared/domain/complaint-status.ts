export const COMPLAINT_STATUSES = [
  'belum_diverifikasi',
  'ditunda',
  'didisposisi',
  'ditindaklanjuti',
  'selesai',
  'diarsipkan',
  'bukan_wewenang',
] as const;

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_TYPES = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const CHANNELS = [
  'web',
  'sms',
  'aplikasi_mobile',
  'media_sosial',
  'aplikasi_daerah',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['rendah', 'sedang', 'tinggi', 'mendesak'] as const;
export type Priority = (typeof PRIORITIES)[number];
