import type { ArchiveReason } from '../../shared/domain/triage.ts';

/**
 * What the admin writes on the timeline of a demo report, the way verifiers write in LAPOR!.
 * `{location}`, `{region}` and `{original}` are filled in per report.
 */

/** Details a report on hold waits for (tunda). */
export const DEMO_HOLD_REQUESTS: readonly string[] = [
  'Mohon lengkapi alamat atau titik lokasi kejadian (nama jalan, RT/RW, kelurahan).',
  'Mohon lampirkan foto kondisi di lapangan agar laporan dapat diverifikasi.',
  'Mohon sebutkan tanggal dan perkiraan waktu kejadian yang dilaporkan.',
  'Mohon sebutkan nama fasilitas atau kantor layanan yang dimaksud.',
  'Mohon lengkapi nomor pendaftaran atau nomor berkas permohonan Anda.',
  'Mohon jelaskan kronologi kejadian dan petugas atau pihak yang terlibat.',
];

/** The instruction to the OPD at verification (verifikasi_disposisi). */
export const DEMO_DISPOSITION_INSTRUCTIONS: readonly string[] = [
  'Mohon ditindaklanjuti dan hasilnya disampaikan kepada pelapor melalui LAPOR! paling lambat 5 hari kerja.',
  'Mohon dilakukan pengecekan ke lokasi ({location}) dan tindak lanjut diunggah beserta foto.',
  'Mohon klarifikasi kepada unit layanan terkait dan sampaikan jawabannya kepada pelapor.',
  'Mohon ditindaklanjuti sesuai SOP dan kewenangan OPD; bila bukan kewenangan OPD, segera informasikan kepada Admin Instansi.',
  'Laporan serupa pernah masuk dari lokasi yang sama. Mohon ditangani secara tuntas dan dilaporkan perkembangannya.',
];
export const DEMO_URGENT_INSTRUCTION =
  'Prioritas mendesak: mohon segera ditangani dan tanggapan awal disampaikan dalam 1×24 jam.';
export const DEMO_ANONYMOUS_NOTE = 'Identitas pelapor dirahasiakan (anonim).';
export const DEMO_CONFIDENTIAL_NOTE =
  'Laporan RAHASIA: jangan teruskan isi laporan kepada pihak terlapor.';

/** Why a report was archived, per reason code; `lainnya` notes are at least 10 characters. */
export const DEMO_ARCHIVE_NOTES: Readonly<Record<ArchiveReason, readonly string[]>> = {
  bukan_pelayanan_publik: [
    'Laporan berisi sengketa pribadi antarwarga, bukan pelayanan publik.',
    'Keluhan ditujukan kepada perusahaan swasta, bukan penyelenggara pelayanan publik.',
    'Isi laporan berupa pendapat politik, bukan pengaduan pelayanan publik.',
  ],
  tidak_jelas: [
    'Isi laporan tidak menyebutkan lokasi maupun pihak yang dilaporkan.',
    'Laporan tidak memuat permasalahan yang dapat ditindaklanjuti.',
  ],
  spam: ['Pesan promosi tanpa substansi pengaduan.', 'Pesan uji coba, tidak berisi laporan.'],
  duplikat: ['Sama dengan laporan {original}.'],
  tidak_dilengkapi: [
    'Pelapor tidak melengkapi data yang diminta sampai batas waktu.',
    'Tidak ada tanggapan pelapor atas permintaan kelengkapan data.',
  ],
  lainnya: [
    'Pelapor mencabut laporan karena masalah telah diselesaikan secara langsung.',
    'Laporan berisi ucapan terima kasih, tidak memerlukan tindak lanjut.',
  ],
};

/** Why a report is not this instansi's authority (bukan_wewenang). */
export const DEMO_NOT_AUTHORITY_REASONS: readonly string[] = [
  'Urusan ini kewenangan Pemerintah {region}; laporan dikembalikan ke admin nasional untuk diteruskan.',
  'Jalan nasional, kewenangan Balai Pelaksanaan Jalan Nasional (BPJN) Kalimantan Timur.',
  'Kewenangan instansi vertikal (BPJS Kesehatan), bukan Pemerintah Provinsi.',
  'Kewenangan Kantor Pertanahan (ATR/BPN), bukan Pemerintah Provinsi.',
];

/** The OPD's public follow-up (tindak_lanjut), as the penghubung posts it. */
export const DEMO_FOLLOW_UP_TEXTS: readonly string[] = [
  'Terima kasih atas laporannya. Petugas telah meninjau lokasi dan perbaikan dijadwalkan minggu ini.',
  'Laporan telah kami teruskan ke bidang terkait; tindak lanjut akan dilaksanakan sesuai jadwal pemeliharaan.',
  'Telah dilakukan klarifikasi kepada unit layanan. Petugas yang bersangkutan sudah diberi pembinaan.',
  'Permasalahan telah ditangani hari ini. Mohon konfirmasi apabila masih terdapat kendala.',
  'Berkas Saudara sudah kami proses dan dapat diambil di loket layanan dengan membawa bukti pendaftaran.',
];

/** The admin's note when closing a report (selesai). */
export const DEMO_CLOSING_NOTES: readonly string[] = [
  'Pelapor menyatakan puas atas tindak lanjut OPD.',
  'Tindak lanjut telah sesuai dan dikonfirmasi pelapor.',
  'Perbaikan telah dilaksanakan sesuai foto tindak lanjut.',
];
export const DEMO_AUTO_CLOSE_NOTE =
  'Ditutup: pelapor tidak menanggapi tindak lanjut dalam 10 hari kerja.';
