/** The screen that unlocks the replica's encrypted identity fields with the password. */
export const UNLOCK_MESSAGES_ID = {
  'unlock.heading': 'Buka data di perangkat ini',
  'unlock.intro':
    'Identitas pelapor di perangkat ini disimpan terenkripsi. Masukkan kata sandi Anda untuk membukanya; tidak perlu koneksi.',
  'unlock.passwordChanged':
    'Kata sandi Anda berubah sejak data di perangkat ini dikunci. Masukkan kata sandi sebelumnya sekali; setelah itu data terbuka dengan kata sandi baru.',
  'unlock.password': 'Kata sandi',
  'unlock.previousPassword': 'Kata sandi sebelumnya',
  'unlock.submit': 'Buka',
  'unlock.submitting': 'Membuka…',
  'unlock.wrong':
    'Kata sandi tidak membuka data di perangkat ini. Jika kata sandi Anda baru diganti, coba kata sandi sebelumnya.',
  'unlock.discard': 'Hapus data di perangkat ini dan masuk lagi',
  'unlock.discardConfirm':
    'Data pengaduan di perangkat ini akan dihapus, termasuk perubahan yang belum terkirim ke server. Setelah masuk lagi, data diunduh ulang. Lanjutkan?',
  'unlock.unreadable':
    'Kunci data di perangkat ini rusak sehingga data tidak dapat dibuka. Hubungi Admin Instansi.',
} as const;
