import type { ComplaintType } from '../../shared/domain/complaint-status.ts';

/**
 * Report texts written the way reporters write to LAPOR!: a concrete place, how long the problem
 * has lasted, what they already tried. `{street}`, `{region}` and `{weeks}` are filled in per report.
 */
export type ComplaintText = {
  categoryCode: string;
  unitCode: string;
  type: ComplaintType;
  title: string;
  body: string;
};

/** Fills `{name}` placeholders of a demo text; unknown names become empty. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');
}

export const DEMO_COMPLAINT_TEXTS: readonly ComplaintText[] = [
  {
    categoryCode: 'infrastruktur',
    unitCode: 'PUPR',
    type: 'pengaduan',
    title: 'Jalan berlubang di {street} membahayakan pengendara',
    body: 'Selamat siang. Di {street}, {region}, ada lubang besar di badan jalan dekat simpang yang sudah {weeks} minggu tidak diperbaiki. Saat hujan lubang tertutup air sehingga tidak terlihat, dan minggu lalu dua pengendara motor jatuh di sana. Mohon segera ditambal atau minimal diberi rambu peringatan. Terima kasih.',
  },
  {
    categoryCode: 'infrastruktur',
    unitCode: 'PUPR',
    type: 'pengaduan',
    title: 'Drainase tersumbat, {street} banjir setiap hujan',
    body: 'Saluran drainase di sepanjang {street}, {region}, tersumbat sedimen dan sampah. Setiap hujan lebih dari satu jam air naik sampai sebetis dan masuk ke rumah warga. Kami sudah gotong royong membersihkan sebagian, tetapi gorong-gorong di bawah jalan perlu alat berat. Mohon dinas terkait meninjau lokasi.',
  },
  {
    categoryCode: 'infrastruktur',
    unitCode: 'PUPR',
    type: 'pengaduan',
    title: 'Proyek pelebaran jalan di {street} terbengkalai',
    body: 'Pekerjaan pelebaran jalan di {street}, {region}, berhenti sejak {weeks} minggu lalu. Material dibiarkan di bahu jalan tanpa pengaman dan papan proyek sudah tidak ada. Warga tidak tahu kapan pekerjaan dilanjutkan. Mohon informasi dan penataan lokasi agar tidak membahayakan.',
  },
  {
    categoryCode: 'infrastruktur',
    unitCode: 'PUPR',
    type: 'aspirasi',
    title: 'Usulan penerangan jalan umum di {street}',
    body: 'Kami warga sekitar {street}, {region}, mengusulkan pemasangan lampu penerangan jalan umum karena ruas sekitar 800 meter gelap total pada malam hari. Beberapa kali terjadi penjambretan. Usulan ini sudah disampaikan dalam musrenbang kelurahan tahun lalu.',
  },
  {
    categoryCode: 'kesehatan',
    unitCode: 'DINKES',
    type: 'pengaduan',
    title: 'Antrean pelayanan BPJS di puskesmas terlalu lama',
    body: 'Saya membawa ibu saya berobat ke puskesmas di wilayah {region}. Kami datang pukul 07.00 tetapi baru dilayani pukul 12.30. Loket pendaftaran hanya dibuka satu dan nomor antrean tidak jelas. Mohon penambahan petugas atau sistem antrean daring.',
  },
  {
    categoryCode: 'kesehatan',
    unitCode: 'DINKES',
    type: 'pengaduan',
    title: 'Obat di apotek puskesmas sering kosong',
    body: 'Sudah {weeks} minggu obat hipertensi untuk peserta prolanis di puskesmas dekat {street}, {region}, kosong. Pasien disuruh membeli sendiri di apotek luar padahal peserta BPJS. Mohon penjelasan dan perbaikan distribusi obat.',
  },
  {
    categoryCode: 'kesehatan',
    unitCode: 'DINKES',
    type: 'permintaan_informasi',
    title: 'Jadwal imunisasi anak di posyandu',
    body: 'Mohon informasi jadwal imunisasi lanjutan (booster) untuk anak usia 18 bulan di wilayah {region}. Posyandu di lingkungan kami belum mengumumkan jadwal bulan ini.',
  },
  {
    categoryCode: 'pendidikan',
    unitCode: 'DISDIKBUD',
    type: 'pengaduan',
    title: 'Pungutan biaya seragam di SMA negeri',
    body: 'Anak saya diterima di salah satu SMA negeri di {region}. Pihak sekolah mewajibkan pembelian seragam dan buku di koperasi sekolah dengan total Rp2.350.000 dan dibayar sebelum masuk. Apakah pungutan ini sesuai aturan? Kami keberatan karena tidak ada pilihan membeli di luar.',
  },
  {
    categoryCode: 'pendidikan',
    unitCode: 'DISDIKBUD',
    type: 'pengaduan',
    title: 'Atap ruang kelas SMK bocor dan hampir roboh',
    body: 'Dua ruang kelas di SMK negeri di {region} atapnya bocor dan plafon sudah jebol sejak {weeks} minggu lalu. Siswa terpaksa belajar bergantian di laboratorium. Mohon segera ada perbaikan sebelum terjadi kecelakaan.',
  },
  {
    categoryCode: 'pendidikan',
    unitCode: 'DISDIKBUD',
    type: 'permintaan_informasi',
    title: 'Informasi beasiswa Kaltim Tuntas',
    body: 'Mohon informasi jadwal pendaftaran dan persyaratan beasiswa Kaltim Tuntas untuk mahasiswa semester tiga. Laman pendaftaran tidak dapat diakses dari {region} sejak minggu lalu.',
  },
  {
    categoryCode: 'transportasi',
    unitCode: 'DISHUB',
    type: 'pengaduan',
    title: 'Lampu lalu lintas di {street} mati',
    body: 'Lampu lalu lintas di persimpangan {street}, {region}, mati sejak {weeks} minggu lalu. Pada jam sibuk terjadi kemacetan panjang dan hampir terjadi tabrakan. Mohon diperbaiki dan sementara ditempatkan petugas.',
  },
  {
    categoryCode: 'transportasi',
    unitCode: 'DISHUB',
    type: 'pengaduan',
    title: 'Truk bertonase besar melintas di jalan kota',
    body: 'Truk pengangkut batu bara dan material melintas di {street}, {region}, pada siang hari padahal ada larangan. Jalan menjadi rusak dan berdebu. Mohon penertiban jam operasional angkutan barang.',
  },
  {
    categoryCode: 'administrasi_kependudukan',
    unitCode: 'DKP3A',
    type: 'pengaduan',
    title: 'KTP elektronik belum jadi setelah berbulan-bulan',
    body: 'Saya melakukan perekaman KTP elektronik di {region} sekitar {weeks} minggu lalu. Setiap kali ditanyakan jawabannya blangko habis. Saya membutuhkan KTP untuk melamar pekerjaan. Mohon kepastian kapan KTP dapat dicetak.',
  },
  {
    categoryCode: 'sosial',
    unitCode: 'DINSOS',
    type: 'pengaduan',
    title: 'Bantuan sosial tidak tepat sasaran',
    body: 'Di lingkungan kami di {street}, {region}, ada warga yang mampu (memiliki mobil dan usaha) tetapi menerima bantuan sembako, sementara lansia yang hidup sendiri tidak terdata. Mohon verifikasi ulang data penerima bantuan.',
  },
  {
    categoryCode: 'sosial',
    unitCode: 'DINSOS',
    type: 'aspirasi',
    title: 'Usulan pendataan ulang lansia terlantar',
    body: 'Kami mengusulkan agar dinas sosial melakukan pendataan ulang lansia terlantar di {region}, bekerja sama dengan ketua RT. Banyak lansia yang belum tersentuh program karena tidak memiliki dokumen kependudukan lengkap.',
  },
  {
    categoryCode: 'perizinan',
    unitCode: 'DPMPTSP',
    type: 'pengaduan',
    title: 'Permohonan izin usaha melalui OSS tidak diproses',
    body: 'Permohonan perizinan berusaha saya melalui OSS untuk usaha pengolahan hasil perikanan di {region} berstatus menunggu verifikasi sejak {weeks} minggu. Saya sudah datang ke mal pelayanan publik dua kali tetapi diminta menunggu. Mohon kejelasan.',
  },
  {
    categoryCode: 'perizinan',
    unitCode: 'DPMPTSP',
    type: 'permintaan_informasi',
    title: 'Persyaratan izin reklame',
    body: 'Mohon informasi persyaratan dan tarif retribusi izin pemasangan reklame papan nama usaha di {street}, {region}.',
  },
  {
    categoryCode: 'lingkungan_hidup',
    unitCode: 'DLH',
    type: 'pengaduan',
    title: 'Pencemaran sungai oleh limbah tambang',
    body: 'Air sungai di sekitar {region} berubah warna menjadi cokelat pekat dan berbau sejak {weeks} minggu lalu. Warga menduga berasal dari kolam pengendapan tambang di hulu yang jebol. Ikan banyak yang mati dan warga tidak bisa memakai air sungai. Mohon segera diperiksa.',
  },
  {
    categoryCode: 'lingkungan_hidup',
    unitCode: 'DLH',
    type: 'pengaduan',
    title: 'Sampah menumpuk di TPS {street}',
    body: 'Tempat pembuangan sementara di {street}, {region}, sudah {weeks} minggu tidak diangkut. Sampah meluber ke badan jalan, berbau dan dikerubungi lalat. Mohon jadwal pengangkutan diperbaiki.',
  },
  {
    categoryCode: 'pariwisata',
    unitCode: 'DISPAR',
    type: 'aspirasi',
    title: 'Fasilitas toilet di objek wisata perlu diperbaiki',
    body: 'Toilet umum di objek wisata di {region} rusak dan tidak ada air. Banyak wisatawan mengeluh. Kami mengusulkan perbaikan fasilitas dan penambahan petugas kebersihan pada akhir pekan.',
  },
  {
    categoryCode: 'dana_desa',
    unitCode: 'DPMPD',
    type: 'pengaduan',
    title: 'Penggunaan dana desa tidak transparan',
    body: 'Papan informasi APBDes di desa kami di {region} tidak pernah dipasang dan pembangunan jalan usaha tani yang dianggarkan tahun ini belum terlihat. Warga meminta laporan penggunaan dana desa dibuka dalam musyawarah desa.',
  },
  {
    categoryCode: 'ketenagakerjaan',
    unitCode: 'DISNAKERTRANS',
    type: 'pengaduan',
    title: 'Upah di bawah UMP dan lembur tidak dibayar',
    body: 'Saya bekerja di perusahaan perkebunan di {region}. Upah yang diterima di bawah UMP Kalimantan Timur dan lembur tidak dibayar selama {weeks} minggu terakhir. Kami takut melapor langsung ke perusahaan. Mohon pengawasan ketenagakerjaan.',
  },
  {
    categoryCode: 'komunikasi_dan_informatika',
    unitCode: 'DISKOMINFO',
    type: 'pengaduan',
    title: 'Desa belum terjangkau sinyal internet',
    body: 'Desa kami di {region} belum terjangkau sinyal seluler yang layak. Anak sekolah harus naik ke bukit untuk mengirim tugas. Mohon program BTS atau internet desa dapat menjangkau wilayah kami.',
  },
  {
    categoryCode: 'pelayanan_publik_umum',
    unitCode: 'BAPENDA',
    type: 'pengaduan',
    title: 'Layanan Samsat keliling tidak sesuai jadwal',
    body: 'Samsat keliling yang dijadwalkan di {street}, {region}, pada hari Sabtu tidak datang tanpa pemberitahuan. Sudah dua kali terjadi. Mohon jadwal diumumkan dengan benar di media sosial resmi.',
  },
  {
    categoryCode: 'pembangunan_daerah',
    unitCode: 'PUPR',
    type: 'aspirasi',
    title: 'Usulan pembangunan jembatan penghubung antardesa',
    body: 'Warga dua desa di {region} masih menyeberang sungai dengan perahu ketinting untuk ke sekolah dan pasar. Kami mengusulkan pembangunan jembatan gantung atau jembatan beton sebagai penghubung.',
  },
];

export const DEMO_REPORTER_NAMES = [
  'Andi Saputra',
  'Rina Wulandari',
  'Muhammad Rizky',
  'Siti Nurhaliza',
  'Yohanes Lading',
  'Dewi Lestari',
  'Agus Salim',
  'Fitriani Rahman',
  'Hendra Gunawan',
  'Nur Aisyah',
  'Bambang Suryadi',
  'Maria Ulfah',
  'Rudi Hermawan',
  'Sri Mulyani',
  'Yusuf Hidayat',
  'Kartini Lumban',
  'Abdul Rahim',
  'Linda Kusuma',
  'Herman Pakpahan',
  'Wahyuni Sari',
];
