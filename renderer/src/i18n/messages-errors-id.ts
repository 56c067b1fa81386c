import { ERROR_CODE_LIST, type ErrorCode } from '../../../shared/errors/error-codes.ts';
import { ERROR_TEXTS_ID } from '../../../shared/errors/error-texts-id.ts';

/**
 * The error codes in Indonesian: the same wording the server gives as its `message`
 * (shared/errors/error-texts-id.ts), so the two never drift apart.
 */
const CODE_TEXTS = Object.fromEntries(
  ERROR_CODE_LIST.map((code) => [`error.code.${code}`, ERROR_TEXTS_ID[code]]),
) as Record<`error.code.${ErrorCode}`, string>;

export const ERROR_MESSAGES_ID = {
  ...CODE_TEXTS,
  'error.kind.unit': 'Unit',
  'error.kind.category': 'Kategori',
  'error.kind.holiday': 'Hari libur',
  'error.kind.sla_rule': 'Aturan SLA',
  'error.kind.template': 'Templat tanggapan',
  'error.kind.letterhead': 'Kop dan penanda tangan',
  'error.kind.verifikasi_disposisi': 'verifikasi dan disposisi',
  'error.kind.disposisi_ulang': 'disposisi ulang',
  'error.kind.tunda': 'penundaan',
  'error.kind.arsip': 'pengarsipan',
  'error.kind.bukan_wewenang': 'bukan wewenang',
  'error.kind.duplikat': 'duplikat',
  'error.kind.buka_kembali': 'buka kembali',
  'error.kind.selesai': 'penyelesaian',
  'error.kind.privasi': 'tanda kerahasiaan',
  'error.kind.tindak_lanjut': 'tanggapan publik',
  'error.kind.catatan_internal': 'catatan internal',
  'error.kind.balasan_pelapor': 'balasan pelapor',
  'error.kind.penilaian': 'penilaian',
  'error.kind.identitas_dibuka': 'identitas dibuka',
  'error.field': '{field}: {text}',
  'error.unknown': 'Permintaan ditolak ({code}).',
  'error.refusal.validation': 'Server menolak perubahan ini: data tidak valid.',
  'error.refusal.permission': 'Server menolak perubahan ini: peran Anda tidak berwenang.',
  'error.refusal.lifecycle': 'Server menolak perubahan ini: status pengaduan tidak mengizinkannya.',
  'error.refusal.not_found':
    'Server menolak perubahan ini: tidak ditemukan atau di luar wewenang Anda.',
  'error.refusal.read_only': 'Server menolak perubahan ini: hanya baca.',
  'error.refusal.append_only': 'Server menolak perubahan ini: riwayat tidak dapat diubah.',
};
