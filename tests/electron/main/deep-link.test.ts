import { describe, expect, it, vi } from 'vitest';
import {
  createDeepLinkInbox,
  deepLinkInArgv,
  parseDeepLink,
} from '../../../electron/main/deep-link.ts';

describe('lapor:// links', () => {
  it.each([
    ['lapor://pengaduan/KALTIM-2611-00042', 'KALTIM-2611-00042'],
    ['lapor://pengaduan/KALTIM-2611-00042/', 'KALTIM-2611-00042'],
    ['lapor://Pengaduan/kaltim-2611-00042', 'KALTIM-2611-00042'],
    ['LAPOR://pengaduan/DKI-2501-12345', 'DKI-2501-12345'],
  ])('opens %s', (link, trackingNumber) => {
    expect(parseDeepLink(link)).toBe(trackingNumber);
  });

  it.each([
    ['another scheme', 'https://pengaduan/KALTIM-2611-00042'],
    ['another host', 'lapor://admin/KALTIM-2611-00042'],
    ['no tracking number', 'lapor://pengaduan/'],
    ['a malformed tracking number', 'lapor://pengaduan/KALTIM-26-1'],
    ['extra path', 'lapor://pengaduan/KALTIM-2611-00042/hapus'],
    ['a query', 'lapor://pengaduan/KALTIM-2611-00042?x=1'],
    ['a fragment', 'lapor://pengaduan/KALTIM-2611-00042#x'],
    ['credentials', 'lapor://user:pw@pengaduan/KALTIM-2611-00042'],
    ['a port', 'lapor://pengaduan:8080/KALTIM-2611-00042'],
    ['script', 'lapor://pengaduan/%3Cscript%3E'],
    ['encoded traversal', 'lapor://pengaduan/..%2F..%2Fetc'],
    ['not a URL', 'lapor:'],
    ['malformed percent-encoding', 'lapor://pengaduan/%E0%A4%A'],
    ['a very long link', `lapor://pengaduan/${'A'.repeat(300)}`],
  ])('refuses %s', (_name, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('finds the link among a second instance’s arguments', () => {
    expect(
      deepLinkInArgv([
        'C:\\Program Files\\Lapor Workstation\\Lapor Workstation.exe',
        '--allow-file-access-from-files',
        'lapor://pengaduan/KALTIM-2611-00042',
      ]),
    ).toBe('KALTIM-2611-00042');
    expect(deepLinkInArgv(['/opt/lapor/lapor-workstation', '--no-sandbox'])).toBeNull();
    expect(deepLinkInArgv(['app', 'lapor://evil/x', 'lapor://pengaduan/DKI-2501-00001'])).toBe(
      'DKI-2501-00001',
    );
  });
});

describe('deep link inbox', () => {
  it('keeps a link that arrives before the page listens and hands it over once', () => {
    const send = vi.fn();
    const inbox = createDeepLinkInbox(send);
    inbox.receive('KALTIM-2611-00042');
    expect(send).not.toHaveBeenCalled();
    expect(inbox.pageListening()).toBe('KALTIM-2611-00042');
    expect(inbox.pageListening()).toBeNull();
  });

  it('sends straight to a listening page, and waits again while the page reloads', () => {
    const send = vi.fn();
    const inbox = createDeepLinkInbox(send);
    inbox.pageListening();
    inbox.receive('KALTIM-2611-00001');
    expect(send).toHaveBeenCalledWith('KALTIM-2611-00001');
    inbox.pageGone();
    inbox.receive('KALTIM-2611-00002');
    expect(send).toHaveBeenCalledTimes(1);
    expect(inbox.pageListening()).toBe('KALTIM-2611-00002');
  });
});
