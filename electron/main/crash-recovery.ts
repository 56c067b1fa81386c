/** Why a renderer process ended, as Electron's `render-process-gone` reports it. */
export type RenderProcessGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** More crashes than this within the window stop automatic reloads. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 2 * 60_000;

export type CrashDecision =
  | { action: 'ignore' }
  | { action: 'reload' }
  /** The page keeps crashing: ask the officer instead of looping. */
  | { action: 'ask' };

/**
 * What to do when the workstation's page process is gone. It reloads (drafts and edits live in
 * the replica, so nothing typed is lost beyond the autosave interval), unless it has already
 * been reloaded MAX_RELOADS times within RELOAD_WINDOW_MS — then a crash loop is likelier than
 * bad luck and the officer is asked. Returns the crash times to remember.
 */
export function decideAfterRendererGone(
  reason: RenderProcessGoneReason,
  recentCrashes: readonly number[],
  now: number,
): { decision: CrashDecision; recentCrashes: number[] } {
  const recent = recentCrashes.filter((at) => now - at < RELOAD_WINDOW_MS);
  if (reason === 'clean-exit') return { decision: { action: 'ignore' }, recentCrashes: recent };
  const next = [...recent, now];
  if (recent.length >= MAX_RELOADS) return { decision: { action: 'ask' }, recentCrashes: next };
  return { decision: { action: 'reload' }, recentCrashes: next };
}

/** The question asked when the page keeps crashing. */
export function crashLoopQuestion(reason: RenderProcessGoneReason) {
  return {
    type: 'error' as const,
    title: 'Lapor Workstation',
    message: 'Tampilan Lapor Workstation berhenti berulang kali',
    detail:
      `Penyebab: ${reason}. Pekerjaan yang sudah tersimpan di perangkat tetap aman. ` +
      'Muat ulang untuk mencoba lagi, atau tutup aplikasi lalu buka kembali.',
    buttons: ['Muat ulang', 'Tutup aplikasi'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}
