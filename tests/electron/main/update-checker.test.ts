import { describe, expect, it, vi } from 'vitest';
import { chooseUpdateFeed, parseUpdateUrl } from '../../../electron/main/update-feed.ts';
import {
  startUpdateChecks,
  UPDATE_CHECK_INTERVAL_MS,
  updateReadyMessage,
  type Updater,
} from '../../../electron/main/update-checker.ts';

function fakeUpdater(check: () => Promise<unknown> = async () => null) {
  const listeners: ((info: { version: string }) => void)[] = [];
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(check),
    on: vi.fn((_event: 'update-downloaded', listener: (info: { version: string }) => void) => {
      listeners.push(listener);
    }),
  } satisfies Updater;
  return { updater, download: (version: string) => listeners.forEach((l) => l({ version })) };
}

function timers() {
  const scheduled: { callback: () => void; ms: number }[] = [];
  return {
    scheduled,
    setInterval: (callback: () => void, ms: number) => scheduled.push({ callback, ms }),
    clearInterval: vi.fn(),
  };
}

describe('update URL', () => {
  it('accepts https folders and adds the trailing slash electron-updater needs', () => {
    expect(parseUpdateUrl('https://pembaruan.kaltimprov.go.id/lapor').href).toBe(
      'https://pembaruan.kaltimprov.go.id/lapor/',
    );
    expect(parseUpdateUrl('http://127.0.0.1:9000/').href).toBe('http://127.0.0.1:9000/');
  });

  it.each([
    ['http://pembaruan.kaltimprov.go.id/', /https/],
    ['ftp://pembaruan/', /https/],
    ['https://user:secret@pembaruan.go.id/', /credentials/],
    ['https://pembaruan.go.id/?channel=beta', /query/],
    ['pembaruan', /not a URL/],
  ])('refuses %s', (raw, message) => {
    expect(() => parseUpdateUrl(raw)).toThrow(message);
  });
});

describe('choosing the update feed', () => {
  it('never updates an unpackaged app', () => {
    expect(
      chooseUpdateFeed({ packaged: false, configuredUrl: 'https://a.go.id/', builtInFeed: true }),
    ).toMatchObject({ kind: 'off' });
  });

  it('prefers LAPOR_UPDATE_URL on the machine over the folder built into the installer', () => {
    expect(
      chooseUpdateFeed({ packaged: true, configuredUrl: 'https://a.go.id/x', builtInFeed: true }),
    ).toEqual({ kind: 'generic', url: 'https://a.go.id/x/' });
    expect(chooseUpdateFeed({ packaged: true, configuredUrl: '  ', builtInFeed: true })).toEqual({
      kind: 'built-in',
    });
    expect(
      chooseUpdateFeed({ packaged: true, configuredUrl: undefined, builtInFeed: false }),
    ).toMatchObject({ kind: 'off', reason: expect.stringContaining('LAPOR_UPDATE_URL') });
  });
});

describe('update checks', () => {
  it('does nothing when updates are off', () => {
    const { updater } = fakeUpdater();
    const clock = timers();
    const log = vi.fn();
    startUpdateChecks({
      feed: { kind: 'off', reason: 'not a packaged app' },
      updater,
      log,
      onDownloaded: vi.fn(),
      ...clock,
    });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(clock.scheduled).toEqual([]);
    expect(log).toHaveBeenCalledWith('updates: off (not a packaged app)');
  });

  it('points at the configured folder, checks at start and every six hours, installs on quit', async () => {
    const { updater, download } = fakeUpdater();
    const clock = timers();
    const onDownloaded = vi.fn();
    const checks = startUpdateChecks({
      feed: { kind: 'generic', url: 'https://a.go.id/lapor/' },
      updater,
      log: vi.fn(),
      onDownloaded,
      ...clock,
    });
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://a.go.id/lapor/',
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(clock.scheduled.map((entry) => entry.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(6 * 3600 * 1000);
    await checks.checkNow(); // joins the check started at launch
    await checks.checkNow();
    clock.scheduled[0]?.callback();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
    download('0.2.0');
    expect(onDownloaded).toHaveBeenCalledWith('0.2.0');
    checks.stop();
    expect(clock.clearInterval).toHaveBeenCalled();
  });

  it('uses the built-in folder without overriding it', () => {
    const { updater } = fakeUpdater();
    startUpdateChecks({
      feed: { kind: 'built-in' },
      updater,
      log: vi.fn(),
      onDownloaded: vi.fn(),
      ...timers(),
    });
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('logs a failed check (offline) and runs one check at a time', async () => {
    let fail: (error: Error) => void = () => undefined;
    const { updater } = fakeUpdater(() => new Promise((_resolve, reject) => (fail = reject)));
    const log = vi.fn();
    const checks = startUpdateChecks({
      feed: { kind: 'built-in' },
      updater,
      log,
      onDownloaded: vi.fn(),
      ...timers(),
    });
    const second = checks.checkNow();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    fail(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await second;
    expect(log).toHaveBeenCalledWith('updates: check failed (net::ERR_INTERNET_DISCONNECTED)');
  });

  it('tells the officer in Indonesian that the update installs on quit', () => {
    expect(updateReadyMessage('0.2.0')).toEqual({
      message: 'Pembaruan Lapor Workstation 0.2.0 siap dipasang',
      detail: expect.stringContaining('saat aplikasi ditutup'),
    });
  });
});
