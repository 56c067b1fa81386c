import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge.ts';
import { createDesktopHandlers } from '../../../electron/main/desktop-handlers.ts';

function setup(supported = true) {
  const deps = {
    notificationsSupported: () => supported,
    showNotification: vi.fn(),
    setPendingChanges: vi.fn(),
    pageListening: vi.fn(() => 'KALTIM-2611-00042'),
  };
  return { deps, handlers: createDesktopHandlers(deps) };
}

const notification = {
  kind: 'disposed',
  title: '2 pengaduan baru didisposisikan',
  body: 'KALTIM-2611-00001, KALTIM-2611-00002',
  trackingNumber: 'KALTIM-2611-00001',
};

describe('desktop integration IPC', () => {
  it('shows a valid notification', async () => {
    const { deps, handlers } = setup();
    expect(await handlers[BRIDGE_CHANNELS.notify](notification)).toBe('shown');
    expect(deps.showNotification).toHaveBeenCalledWith(notification);
  });

  it('answers "unavailable" where the OS has no notifications', async () => {
    const { deps, handlers } = setup(false);
    expect(await handlers[BRIDGE_CHANNELS.notify](notification)).toBe('unavailable');
    expect(deps.showNotification).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', []],
    ['an unknown kind', [{ ...notification, kind: 'marketing' }]],
    ['an empty title', [{ ...notification, title: '  ' }]],
    ['a very long body', [{ ...notification, body: 'x'.repeat(401) }]],
    ['a malformed tracking number', [{ ...notification, trackingNumber: '../../etc' }]],
    ['extra fields', [{ ...notification, icon: 'file:///etc/passwd' }]],
    ['two arguments', [notification, notification]],
  ])('refuses %s as a notification', async (_name, args) => {
    const { deps, handlers } = setup();
    await expect(handlers[BRIDGE_CHANNELS.notify](...args)).rejects.toThrow(/invalid arguments/);
    expect(deps.showNotification).not.toHaveBeenCalled();
  });

  it('takes the pending-change count', async () => {
    const { deps, handlers } = setup();
    await handlers[BRIDGE_CHANNELS.reportPendingChanges](4);
    expect(deps.setPendingChanges).toHaveBeenCalledWith(4);
    for (const bad of [-1, 1.5, '4', null, Number.NaN]) {
      await expect(handlers[BRIDGE_CHANNELS.reportPendingChanges](bad)).rejects.toThrow(
        /invalid arguments/,
      );
    }
    expect(deps.setPendingChanges).toHaveBeenCalledTimes(1);
  });

  it('hands a waiting deep link to the page when it starts listening', async () => {
    const { handlers } = setup();
    expect(await handlers[BRIDGE_CHANNELS.onOpenComplaint]()).toBe('KALTIM-2611-00042');
    await expect(handlers[BRIDGE_CHANNELS.onOpenComplaint]('x')).rejects.toThrow();
  });
});
