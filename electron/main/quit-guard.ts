/**
 * Quitting with edits the server has not received is allowed — they stay in the replica and are
 * sent at the next start with a connection — but the officer should know, since a colleague
 * will not see them until then.
 */
export function quitQuestion(pendingChanges: number) {
  if (pendingChanges <= 0) return null;
  return {
    type: 'warning' as const,
    title: 'Lapor Workstation',
    message: `${pendingChanges} perubahan belum tersinkron ke server pusat`,
    detail:
      'Perubahan tetap tersimpan di perangkat ini dan dikirim saat Lapor Workstation dibuka lagi ' +
      'dengan koneksi. Sampai saat itu, petugas lain belum melihatnya.',
    buttons: ['Tetap buka', 'Keluar'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The answer index of quitQuestion that means "quit anyway". */
export const QUIT_ANYWAY = 1;

/**
 * Decides, per close request of the main window, whether to hold it and ask. The count is what
 * the page last reported; once the officer has answered "quit", the close goes through.
 */
export function createQuitGuard() {
  let pendingChanges = 0;
  let confirmed = false;
  return {
    setPendingChanges(count: number) {
      pendingChanges = count;
    },
    /** Null: let the window close. Otherwise the question to ask before closing. */
    onCloseRequested() {
      if (confirmed) return null;
      return quitQuestion(pendingChanges);
    },
    answered(response: number) {
      confirmed = response === QUIT_ANYWAY;
      return confirmed;
    },
  };
}
