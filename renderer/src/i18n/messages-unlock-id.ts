/**
 * Opening the replica: the screen that unlocks its encrypted identity fields with the password,
 * and the one shown while a replica stored by an older version is rewritten.
 */
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
  'upgrade.heading': 'Memperbarui data di perangkat ini',
  'upgrade.intro':
    'Versi baru Lapor Workstation menyusun ulang data yang tersimpan di perangkat ini. Ini dilakukan sekali setelah pembaruan dan tidak memerlukan koneksi.',
  'upgrade.progress': '{handled} dari {total} dokumen',
  'upgrade.wait': 'Antrean terbuka setelah selesai.',
} as const;
