import type { ComplaintStatus } from './complaint-status.ts';

/** Reasons to archive a report as invalid (DOMAIN.md), chosen from a list plus free text. */
export const ARCHIVE_REASONS = [
  'bukan_pelayanan_publik',
  'tidak_jelas',
  'spam',
  'duplikat',
  'tidak_dilengkapi',
  'lainnya',
] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/**
 * Kinds of timeline events: those a triage action appends; the OPD's public follow-up
 * (`tindak_lanjut`, didisposisi → ditindaklanjuti) and internal note (`catatan_internal`, never
 * published); the reporter's reply and satisfaction rating, which only the central server
 * records; and `identitas_dibuka`, the logged moment an admin revealed the reporter's identity.
 */
export const COMPLAINT_EVENT_KINDS = [
  'verifikasi_disposisi',
  'disposisi_ulang',
  'tunda',
  'arsip',
  'bukan_wewenang',
  'duplikat',
  'buka_kembali',
  'selesai',
  'privasi',
  'tindak_lanjut',
  'catatan_internal',
  'balasan_pelapor',
  'penilaian',
  'identitas_dibuka',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

export const TRIAGE_ACTIONS = [
  'verify_dispose',
  'redispose',
  'hold',
  'archive',
  'not_authority',
  'mark_duplicate',
  'close',
  'reopen',
] as const;
export type TriageActionKind = (typeof TRIAGE_ACTIONS)[number];

/** The status each action leads to, and the statuses it may start from. */
export const TRIAGE_ACTION_RULES: Readonly<
  Record<
    TriageActionKind,
    { to: ComplaintStatus; from: readonly ComplaintStatus[]; event: ComplaintEventKind }
  >
> = {
  verify_dispose: {
    to: 'didisposisi',
    from: ['belum_diverifikasi', 'ditunda'],
    event: 'verifikasi_disposisi',
  },
  redispose: {
    to: 'didisposisi',
    from: ['didisposisi', 'ditindaklanjuti'],
    event: 'disposisi_ulang',
  },
  hold: { to: 'ditunda', from: ['belum_diverifikasi'], event: 'tunda' },
  archive: { to: 'diarsipkan', from: ['belum_diverifikasi', 'ditunda'], event: 'arsip' },
  not_authority: { to: 'bukan_wewenang', from: ['belum_diverifikasi'], event: 'bukan_wewenang' },
  mark_duplicate: { to: 'diarsipkan', from: ['belum_diverifikasi', 'ditunda'], event: 'duplikat' },
  close: { to: 'selesai', from: ['ditindaklanjuti'], event: 'selesai' },
  reopen: { to: 'ditindaklanjuti', from: ['selesai'], event: 'buka_kembali' },
};
