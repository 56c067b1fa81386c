/**
 * What every RAKORDA figure means, in Indonesian, so the printed report says how each number
 * was counted. computeRakordaFigures follows these texts; change both together.
 */

export const HANDLED_RATE_FORMULA =
  '(ditindaklanjuti + selesai + didisposisi) ÷ (diterima − diarsipkan − bukan wewenang)';
export const COMPLETION_RATE_FORMULA =
  '(ditindaklanjuti + selesai) ÷ (diterima − diarsipkan − bukan wewenang)';
/** The share already closed: the announced rate counts ditindaklanjuti and selesai together. */
export const CLOSED_RATE_FORMULA = 'selesai ÷ (diterima − diarsipkan − bukan wewenang)';
export const UNIT_COMPLETION_RATE_FORMULA =
  '(ditindaklanjuti + selesai) ÷ laporan yang saat ini didisposisikan ke OPD ini';
export const VERIFICATION_WITHIN_DEADLINE_FORMULA =
  'diverifikasi paling lambat pada batas waktu verifikasi ÷ (sudah diverifikasi + belum diverifikasi padahal batas waktunya sudah lewat)';
export const FOLLOW_UP_WITHIN_DEADLINE_FORMULA =
  'tindak lanjut pertama paling lambat pada batas waktunya ÷ (sudah ditindaklanjuti + belum ditindaklanjuti padahal batas waktunya sudah lewat)';

export const RAKORDA_DEFINITIONS = {
  periode:
    'Laporan masuk dalam periode bila tanggal diterimanya, menurut zona waktu instansi (WIB/WITA/WIT), berada di antara tanggal awal dan tanggal akhir (keduanya termasuk).',
  cakupan:
    'Seluruh instansi, atau OPD terpilih saja. Bila OPD dipilih, hanya laporan yang saat ini didisposisikan ke OPD tersebut yang dihitung; laporan yang belum diverifikasi, ditunda, diarsipkan atau bukan wewenang belum memiliki OPD sehingga tidak termasuk.',
  statusSaatIni:
    'Semua pengelompokan memakai status laporan pada saat laporan ini dibuat, bukan status pada akhir periode. Ditindaklanjuti atau selesai = ditindaklanjuti + selesai; dalam proses = didisposisi; belum diproses = belum diverifikasi + ditunda (ditunda juga ditampilkan tersendiri); diarsipkan dan bukan wewenang dihitung sebagai laporan masuk tetapi di luar basis.',
  basis: 'Basis = laporan diterima − diarsipkan − bukan wewenang.',
  tingkatPenanganan: `Tingkat penanganan = ${HANDLED_RATE_FORMULA}. Kosong bila basis nol.`,
  tingkatPenyelesaian: `Tingkat penyelesaian = ${COMPLETION_RATE_FORMULA}. Kosong bila basis nol.`,
  tingkatSelesai: `Laporan selesai (ditutup) = ${CLOSED_RATE_FORMULA}. Bagian dari tingkat penyelesaian yang sudah ditutup; sisanya ditindaklanjuti dan masih menunggu tanggapan pelapor. Kosong bila basis nol.`,
  dibukaKembali:
    'Laporan yang dibuka kembali (selesai → ditindaklanjuti) tetap dihitung satu kali, menurut status saat ini; jumlah laporan yang pernah dibuka kembali ditampilkan tersendiri. Pembukaan kembali bukan tindak lanjut pertama.',
  waktuTindakan:
    'Waktu sebuah tindakan = waktu di perangkat petugas saat tindakan dicatat, tetapi tidak lebih lambat dari waktu server menerimanya dan tidak lebih awal dari waktu laporan diterima (atau disposisi ke OPD yang dinilai, untuk tindak lanjut).',
  hariKerja:
    'Hari kerja = Senin–Jumat selain hari libur nasional dan cuti bersama yang tercatat, menurut tanggal di zona waktu instansi. Hari awal tidak dihitung: tindakan pada hari yang sama = 0 hari kerja, pada hari kerja berikutnya = 1.',
  waktuVerifikasi:
    'Hari kerja dari hari laporan diterima sampai hari tindakan pertama yang menyelesaikan verifikasi: didisposisikan ke OPD, diarsipkan, atau dinyatakan bukan wewenang. Penundaan (dikembalikan ke pelapor) tidak menghentikan hitungan.',
  waktuTindakLanjutPertama:
    'Hari kerja dari hari laporan didisposisikan ke OPD yang terakhir menerimanya sebelum tindak lanjut pertama sampai hari pertama laporan berpindah dari didisposisi ke ditindaklanjuti. Disposisi ulang ke OPD lain memulai hitungan baru bagi OPD itu, sama seperti batas waktunya.',
  persentil:
    'Median dan persentil ke-90 memakai metode peringkat terdekat: nilai ke-⌈p × n⌉ dari n data yang diurutkan naik (median: p = 50%, sehingga untuk n genap diambil nilai tengah yang lebih kecil). Kosong bila tidak ada data.',
  tanpaRiwayat:
    'Laporan yang statusnya menunjukkan suatu tahap sudah dilalui tetapi riwayat tahap itu tidak tercatat tidak ikut dalam waktu verifikasi, waktu tindak lanjut dan ketepatan waktu; jumlahnya ditampilkan sebagai "tanpa riwayat".',
  tepatWaktuVerifikasi: `Ketepatan waktu verifikasi = ${VERIFICATION_WITHIN_DEADLINE_FORMULA}. Batas waktu menurut aturan SLA yang berlaku saat laporan diterima (bawaan 3 hari kerja setelah hari diterima, sampai pukul 23.59 waktu setempat). Laporan yang belum diverifikasi dan batas waktunya belum lewat tidak dihitung.`,
  tepatWaktuTindakLanjut: `Ketepatan waktu tindak lanjut = ${FOLLOW_UP_WITHIN_DEADLINE_FORMULA}. Batas waktu dihitung dari hari disposisi ke OPD yang terakhir menerimanya (disposisi ulang memulai batas waktu baru) menurut aturan SLA yang berlaku saat laporan diterima (bawaan 5 hari kerja).`,
  terlambat:
    'Laporan terlambat: jam tenggat yang sedang berjalan (verifikasi untuk belum diverifikasi/ditunda, tindak lanjut untuk didisposisi, penyelesaian untuk ditindaklanjuti) sudah melewati batas waktunya pada saat laporan ini dibuat. Lama keterlambatan dalam hari menurut aturan SLA (hari kerja atau kalender), paling sedikit 1. Judul laporan rahasia tidak ditampilkan.',
  peringkatOpd:
    'Laporan dihitung pada OPD tempat laporan itu didisposisikan saat ini. OPD diurutkan menurut tingkat penyelesaian tertinggi, lalu jumlah laporan terlambat paling sedikit, lalu jumlah laporan terbanyak, lalu nama. Waktu respons = median waktu tindak lanjut pertama. OPD tanpa laporan tetap dicantumkan dengan angka nol, tanpa peringkat.',
  wilayah:
    'Kabupaten/kota menurut kode wilayah Kemendagri (desa/kelurahan) lokasi laporan; nama menurut data kode wilayah resmi. Tingkat penanganan dan penyelesaian memakai rumus yang sama dengan tingkat instansi. Diurutkan menurut jumlah laporan terbanyak.',
  kategori:
    'Kategori diurutkan menurut jumlah laporan diterima terbanyak; pangsa = laporan kategori ÷ seluruh laporan diterima.',
  trenBulanan:
    'Per bulan kalender tanggal diterima (bulan pertama dan terakhir dipotong sesuai periode), dengan status saat ini.',
  alasanArsip:
    'Alasan diambil dari riwayat pengarsipan terakhir laporan; tanpa riwayat: "Duplikat" bila laporan ditandai duplikat, selain itu "Tidak tercatat".',
  pembanding:
    'Periode pembanding: periode sepanjang periode laporan tepat sebelumnya; untuk periode berupa bulan penuh (bulan, triwulan, semester, tahun) dipakai jumlah bulan penuh yang sama sebelumnya.',
} as const;

export type RakordaDefinitions = typeof RAKORDA_DEFINITIONS;
