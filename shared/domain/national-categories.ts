/** The national starting set of complaint categories (SP4N-LAPOR!); each instansi may edit its own. */
export const NATIONAL_CATEGORIES = [
  { code: 'kesehatan', name: 'Kesehatan' },
  { code: 'pendidikan', name: 'Pendidikan' },
  { code: 'infrastruktur', name: 'Infrastruktur' },
  { code: 'transportasi', name: 'Transportasi' },
  { code: 'administrasi_kependudukan', name: 'Administrasi Kependudukan' },
  { code: 'perizinan', name: 'Perizinan' },
  { code: 'lingkungan_hidup', name: 'Lingkungan Hidup' },
  { code: 'pariwisata', name: 'Pariwisata' },
  { code: 'pembangunan_daerah', name: 'Pembangunan Daerah' },
  { code: 'dana_desa', name: 'Dana Desa' },
  { code: 'ketenagakerjaan', name: 'Ketenagakerjaan' },
  { code: 'komunikasi_dan_informatika', name: 'Komunikasi dan Informatika' },
  { code: 'sosial', name: 'Sosial' },
  { code: 'pelayanan_publik_umum', name: 'Pelayanan Publik Umum' },
] as const;
