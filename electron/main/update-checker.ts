import type { UpdateFeed } from './update-feed.ts';

/** What the checker uses of electron-updater's autoUpdater. */
export type Updater = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
};

/** Six hours: an officer's machine stays on all day; a check costs one small file. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type UpdateChecks = { checkNow(): Promise<void>; stop(): void };

/**
 * Checks for updates at start and then every few hours, downloading in the background; the
 * update installs when the officer quits the app (never in the middle of work). Being offline
 * is normal: a failed check is logged and retried at the next interval.
 */
export function startUpdateChecks(deps: {
  feed: UpdateFeed;
  updater: Updater;
  log: (message: string) => void;
  onDownloaded: (version: string) => void;
  setInterval: (callback: () => void, ms: number) => { unref?: () => void } | number;
  clearInterval: (handle: ReturnType<typeof deps.setInterval>) => void;
}): UpdateChecks {
  const { feed, updater, log } = deps;
  if (feed.kind === 'off') {
    log(`updates: off (${feed.reason})`);
    return { checkNow: async () => undefined, stop: () => undefined };
  }
  if (feed.kind === 'generic') updater.setFeedURL({ provider: 'generic', url: feed.url });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('update-downloaded', (info) => deps.onDownloaded(info.version));

  let running: Promise<void> | null = null;
  const checkNow = () => {
    // One check at a time: a slow connection must not pile them up.
    running ??= updater
      .checkForUpdates()
      .then(() => undefined)
      .catch((error: unknown) => {
        log(`updates: check failed (${error instanceof Error ? error.message : String(error)})`);
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  void checkNow();
  const handle = deps.setInterval(() => void checkNow(), UPDATE_CHECK_INTERVAL_MS);
  if (typeof handle === 'object') handle.unref?.();
  return { checkNow, stop: () => deps.clearInterval(handle) };
}

/** The notice shown once an update has been downloaded. */
export function updateReadyMessage(version: string): { message: string; detail: string } {
  return {
    message: `Pembaruan Lapor Workstation ${version} siap dipasang`,
    detail: 'Pembaruan dipasang otomatis saat aplikasi ditutup. Pekerjaan Anda tidak terganggu.',
  };
}
