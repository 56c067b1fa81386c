import { decodeErrorMessage, type AppError, type ErrorCode } from './error-codes.ts';

/**
 * The Indonesian wording of every error code: the server's `message` (for other systems and
 * workstations older than the codes) and the workstation's Indonesian catalogue. `{name}` is
 * replaced by the parameter of that name.
 */
export const ERROR_TEXTS_ID: Record<ErrorCode, string> = {
  required: 'Wajib diisi',
  too_short: 'Minimal {min} karakter',
  too_long: 'Paling banyak {max} karakter',
  too_small: 'Paling kecil {min}',
  too_big: 'Paling besar {max}',
  too_many: 'Paling banyak {max} butir',
  invalid_value: 'Isian tidak valid',
  username_required: 'Nama pengguna wajib diisi',
  password_required: 'Kata sandi wajib diisi',
  username_too_short: 'Nama pengguna minimal {min} karakter',
  username_too_long: 'Nama pengguna paling banyak {max} karakter',
  username_characters: 'Nama pengguna hanya huruf, angka, titik, garis bawah dan tanda hubung',
  display_name_required: 'Nama lengkap wajib diisi',
  display_name_too_long: 'Nama lengkap paling banyak {max} karakter',
  password_too_short: 'Kata sandi minimal {min} karakter',
  officer_unit_rule: 'Penghubung wajib memiliki unit OPD; peran lain tidak memiliki unit',
  date_invalid: 'Tanggal tidak valid',
  date_format: 'Tanggal harus berbentuk TTTT-BB-HH',
  date_time_format: 'Tanggal harus ISO 8601',
  date_required: 'Tanggal wajib diisi (YYYY-MM-DD)',
  date_not_in_calendar: 'Tanggal tidak ada di kalender',
  date_start_after_end: 'Tanggal awal harus sebelum tanggal akhir',
  date_end_before_start: 'Tanggal akhir tidak boleh sebelum tanggal awal',
  period_too_long: 'Periode paling panjang {days} hari',
  audit_action_invalid: 'Jenis tindakan tidak valid',
  region_code_format: 'Kode wilayah harus berbentuk pp.kk.cc.dddd',
  template_title_too_short: 'Judul templat minimal {min} karakter',
  template_body_too_short: 'Isi templat minimal {min} karakter',
  template_body_too_long: 'Isi templat paling banyak {max} karakter',
  logo_format: 'Logo harus gambar PNG, JPEG atau WebP',
  file_name_empty: 'Nama berkas kosong',
  file_name_too_long: 'Nama berkas terlalu panjang (maksimal {max} karakter)',
  file_name_characters: 'Nama berkas memuat karakter yang tidak diizinkan',
  file_name_invalid: 'Nama berkas tidak valid',
  attachment_type: 'Hanya foto (JPEG, PNG, WebP) atau PDF yang diterima',
  too_many_attachments: 'Paling banyak {max} lampiran',
  photo_unreadable: 'Foto tidak dapat dibaca',
  file_too_large: 'Berkas lebih besar dari {max}',
  complaint_not_on_device: 'Pengaduan tidak ada di perangkat ini',
  follow_up_kind: 'Pilih jenis: tanggapan publik atau catatan internal',
  public_response_too_short: 'Tanggapan untuk pelapor minimal {min} karakter',
  internal_note_too_short: 'Catatan internal minimal {min} karakter',
  role_reads_only: 'Peran ini hanya dapat membaca pengaduan',
  complaint_not_in_unit: 'Pengaduan ini tidak didisposisikan ke OPD Anda',
  public_response_needs_disposition:
    'Tanggapan publik hanya untuk pengaduan yang sudah didisposisikan',
  target_unit_required: 'Pilih OPD tujuan',
  instruction_too_short: 'Tulis instruksi untuk OPD (minimal {min} karakter)',
  redispose_instruction_too_short:
    'Tulis alasan dan instruksi disposisi ulang (minimal {min} karakter)',
  missing_details_too_short: 'Sebutkan data yang perlu dilengkapi pelapor (minimal {min} karakter)',
  privacy_not_confirmed: 'Konfirmasi status anonim/rahasia sebelum memverifikasi',
  archive_reason_required: 'Pilih alasan pengarsipan',
  archive_other_reason_too_short: 'Jelaskan alasan lainnya (minimal {min} karakter)',
  not_authority_reason_too_short:
    'Jelaskan mengapa bukan wewenang instansi ini (minimal {min} karakter)',
  duplicate_original_required: 'Pilih pengaduan aslinya',
  reopen_reason_too_short: 'Tulis alasan membuka kembali (minimal {min} karakter)',
  triage_admin_only: 'Hanya Admin Instansi yang dapat melakukan triase',
  action_not_for_status: 'Tindakan ini tidak berlaku untuk pengaduan berstatus {status}',
  target_unit_unknown: 'OPD tujuan tidak dikenal atau tidak aktif',
  already_disposed_to_unit: 'Pengaduan sudah didisposisikan ke OPD ini',
  duplicate_of_itself: 'Pengaduan tidak dapat menjadi duplikat dirinya sendiri',
  reopen_only_closed: 'Hanya pengaduan berstatus Selesai yang dapat dibuka kembali',
  complaint_delete_forbidden: 'Pengaduan tidak dapat dihapus; arsipkan dengan alasan',
  role_fields_forbidden: 'Peran {role} tidak boleh mengubah: {fields}',
  role_status_forbidden: 'Peran {role} tidak boleh mengubah status',
  status_change_forbidden: 'Perubahan status {from} → {to} tidak diizinkan',
  duplicate_original_missing: 'Pengaduan asli untuk tanda duplikat tidak ditemukan',
  close_needs_public_response:
    'Pengaduan hanya dapat diselesaikan setelah ada tanggapan publik (tindak lanjut)',
  complaint_moved_to_other_unit:
    'Pengaduan telah didisposisikan ke OPD lain; perubahan Anda disimpan di sini',
  complaint_not_found: 'Pengaduan tidak ditemukan atau di luar wewenang Anda',
  coordinator_read_only: 'Koordinator hanya dapat membaca pengaduan',
  status_needs_public_response:
    'Status Ditindaklanjuti hanya berubah saat server menerima tanggapan publik (tindak lanjut) untuk pengaduan ini',
  reopen_needs_event:
    'Pengaduan selesai hanya dibuka kembali bersama riwayat "buka kembali" beserta alasannya',
  status_needs_event: 'Perubahan status ini memerlukan riwayat {event}',
  timeline_append_only: 'Riwayat pengaduan tidak dapat diubah atau dihapus',
  role_cannot_record_event: 'Peran {role} tidak dapat mencatat {kind}',
  attachments_not_announced: 'Lampiran belum diumumkan untuk pengaduan ini: {files}',
  attachments_only_on_follow_up: 'Lampiran hanya pada tindak lanjut atau catatan',
  document_invalid: 'Data tidak valid',
  disposition_needs_unit: 'Disposisi memerlukan OPD tujuan',
  unit_changes_by_disposition: 'OPD tujuan hanya berubah melalui disposisi',
  duplicate_only_when_archiving: 'Tanda duplikat hanya diberikan saat mengarsipkan',
  category_unknown: 'Kategori {category} tidak dikenal',
  unit_unknown: 'OPD {unit} tidak dikenal atau tidak aktif',
  session_invalid: 'Sesi berakhir atau tidak sah; silakan masuk lagi',
  session_revoked: 'Sesi dicabut (kata sandi diubah atau akun dinonaktifkan); silakan masuk lagi',
  account_locked:
    'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Akun dikunci sementara; coba lagi dalam {minutes} menit.',
  directory_admin_only: 'Hanya Admin Instansi yang dapat mengubah data {kind}',
  directory_not_removable: '{kind} tidak dapat dihapus; nonaktifkan yang tidak dipakai lagi',
  directory_other_instansi: '{kind} hanya untuk instansi Anda sendiri',
  directory_invalid: '{kind} tidak valid',
  directory_not_found: '{kind} tidak ditemukan',
  days_range: 'Jumlah hari harus bilangan bulat {min} sampai {max}',
  template_invalid: 'Templat tidak valid',
  letterhead_invalid: 'Kop tidak valid',
  unit_code_taken: 'Kode unit {code} sudah dipakai unit lain',
  category_code_taken: 'Kode kategori {code} sudah dipakai kategori lain',
  holiday_date_out_of_range: 'Tanggal {date} bukan tanggal yang sah antara {min} dan {max}',
  holiday_date_immutable:
    'Tanggal hari libur tidak dapat diubah; hapus lalu tambahkan tanggal yang benar',
  sla_rule_in_force: 'Aturan {version} sudah berlaku dan tidak dapat diubah; tambahkan versi baru',
  sla_rule_must_start_later: 'Versi aturan baru harus mulai berlaku pada waktu yang akan datang',
  sla_version_taken: 'Versi {version} sudah ada',
  request_invalid: 'Permintaan tidak valid',
  request_not_json: 'Isi permintaan bukan JSON yang sah',
  request_too_deep: 'Isi permintaan bersarang terlalu dalam',
  request_unstorable: 'Permintaan memuat karakter yang tidak diizinkan',
  request_not_json_type: 'Isi permintaan harus berjenis application/json',
  request_length_mismatch: 'Panjang isi permintaan tidak sesuai dengan isinya',
  request_too_large: 'Isi permintaan terlalu besar (paling banyak {limit})',
  address_invalid: 'Alamat tidak valid',
  address_not_found: 'Alamat tidak ditemukan',
  too_many_requests: 'Terlalu banyak permintaan; coba lagi nanti',
  database_unavailable: 'Basis data sementara tidak tersedia; coba lagi sebentar lagi',
  server_error: 'Terjadi kesalahan di server',
  login_failed: 'Nama pengguna atau kata sandi salah',
  login_rate_limited: 'Terlalu banyak percobaan masuk; coba lagi dalam {seconds} detik',
  session_missing: 'Sesi tidak ada; silakan masuk',
  session_expired: 'Sesi berakhir; silakan masuk lagi',
  officer_admin_only: 'Hanya Admin Instansi yang dapat mengelola petugas',
  officer_not_found: 'Petugas tidak ditemukan',
  unit_missing_or_inactive: 'Unit OPD tidak ada atau tidak aktif',
  username_taken: 'Nama pengguna sudah dipakai',
  own_account_locked:
    'Akun Anda sendiri tidak dapat dinonaktifkan atau diubah perannya; minta admin lain',
  audit_admin_only: 'Hanya Admin Instansi yang dapat membaca log audit',
  regional_briefing_role: 'Bahan RAKORDA wilayah hanya untuk Koordinator dan Admin Instansi',
  instansi_outside_region: 'Instansi di luar wilayah koordinasi instansi ini',
};

/** Fills `{name}` placeholders; a missing parameter leaves its placeholder. */
export function fillPlaceholders(
  template: string,
  params: Record<string, string | number | undefined>,
  format: (value: string | number) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : format(value);
  });
}

const INDONESIAN_NUMBER = new Intl.NumberFormat('id-ID');

function formatIndonesian(value: string | number): string {
  return typeof value === 'number' ? INDONESIAN_NUMBER.format(value) : value;
}

/** The error in Indonesian, as the server's `message`: with the field first when it has one. */
export function describeErrorInIndonesian(error: AppError): string {
  const text = fillPlaceholders(ERROR_TEXTS_ID[error.code], error.params, formatIndonesian);
  return error.params.field ? `${error.params.field}: ${text}` : text;
}

/**
 * A zod issue's message as Indonesian text: a coded message is worded, any other text is
 * returned as it is (zod's own messages, and the texts Open311 and the CLI document).
 */
export function issueMessageInIndonesian(message: string): string {
  const coded = decodeErrorMessage(message);
  return coded ? describeErrorInIndonesian(coded) : message;
}
