import type { ResponseTemplateKind } from '../../shared/schemas/response-template.ts';

/** Response templates of the demo instansi, written the way a Diskominfo admin would. */
export const DEMO_RESPONSE_TEMPLATES: readonly {
  slug: string;
  kind: ResponseTemplateKind;
  title: string;
  body: string;
}[] = [
  {
    slug: 'tanggapan-awal',
    kind: 'tindak_lanjut',
    title: 'Tanggapan awal',
    body: `Yth. {nama_pelapor},

Terima kasih atas laporan Anda nomor {nomor_tiket} tentang "{judul}" yang kami terima pada {tanggal_diterima}. Laporan tersebut telah diteruskan kepada {opd} dan saat ini sedang kami tindak lanjuti. Kami akan menyampaikan perkembangan penanganannya paling lambat {batas_waktu}.

Hormat kami,
{opd}`,
  },
  {
    slug: 'permintaan-data',
    kind: 'tindak_lanjut',
    title: 'Permintaan data tambahan',
    body: `Yth. {nama_pelapor},

Untuk menindaklanjuti laporan nomor {nomor_tiket}, kami memerlukan keterangan tambahan berupa lokasi yang lebih rinci (nama jalan, RT/RW, atau titik koordinat), waktu kejadian, serta foto pendukung bila ada. Mohon lengkapi melalui balasan pada laporan ini.

Terima kasih atas kerja samanya.
{opd}`,
  },
  {
    slug: 'penyelesaian',
    kind: 'tindak_lanjut',
    title: 'Penyelesaian',
    body: `Yth. {nama_pelapor},

Dengan hormat kami sampaikan bahwa laporan nomor {nomor_tiket} tentang "{judul}" telah selesai ditangani oleh {opd} per {tanggal_hari_ini}. Apabila masih terdapat kendala, silakan sampaikan tanggapan Anda melalui laporan ini dalam 10 hari kerja.

Terima kasih telah berpartisipasi dalam peningkatan pelayanan publik.
{opd}`,
  },
  {
    slug: 'koordinasi-internal',
    kind: 'catatan_internal',
    title: 'Koordinasi dengan bidang teknis',
    body: `Laporan {nomor_tiket} ({judul}) diteruskan ke bidang teknis pada {tanggal_hari_ini} untuk peninjauan lapangan. Batas waktu tindak lanjut: {batas_waktu}.`,
  },
];
