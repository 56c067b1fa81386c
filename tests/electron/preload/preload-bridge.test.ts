import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_CHANNELS,
  OPEN_COMPLAINT_EVENT,
  type WorkstationBridge,
} from '../../../shared/bridge.ts';
import { sampleSession } from '../support/fake-session-deps.ts';

// The real 'electron' module is never loaded: outside Electron it would try to download the
// binary. The preload only needs these two objects.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('../../../electron/preload/index.ts');
});

describe('preload', () => {
  it('exposes one object, window.workstation, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['workstation']);
  });

  it('offers exactly the bridge methods', () => {
    const bridge = exposed.get('workstation') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    for (const method of Object.values(bridge)) expect(typeof method).toBe('function');
  });

  it('forwards each call to its IPC channel with only the caller’s arguments', async () => {
    const bridge = exposed.get('workstation') as WorkstationBridge;
    invoke.mockClear();
    await bridge.appInfo();
    await bridge.serverUrl();
    await bridge.saveSession(sampleSession);
    await bridge.loadSession();
    await bridge.clearSession();
    expect(invoke.mock.calls).toEqual([
      [BRIDGE_CHANNELS.appInfo],
      [BRIDGE_CHANNELS.serverUrl],
      [BRIDGE_CHANNELS.saveSession, sampleSession],
      [BRIDGE_CHANNELS.loadSession],
      [BRIDGE_CHANNELS.clearSession],
    ]);
  });

  it('returns what the main process answered', async () => {
    const bridge = exposed.get('workstation') as WorkstationBridge;
    invoke.mockResolvedValueOnce('http://127.0.0.1:8787');
    expect(await bridge.serverUrl()).toBe('http://127.0.0.1:8787');
  });

  it('forwards notifications and the pending-change count', async () => {
    const bridge = exposed.get('workstation') as WorkstationBridge;
    invoke.mockClear();
    const notification = { kind: 'due_today', title: 'x', body: 'y' } as const;
    await bridge.notify(notification);
    await bridge.reportPendingChanges(2);
    expect(invoke.mock.calls).toEqual([
      [BRIDGE_CHANNELS.notify, notification],
      [BRIDGE_CHANNELS.reportPendingChanges, 2],
    ]);
  });

  it('passes deep links to the page: the waiting one, then each one sent, and stops', async () => {
    const bridge = exposed.get('workstation') as WorkstationBridge;
    invoke.mockClear();
    invoke.mockResolvedValueOnce('KALTIM-2611-00001');
    const opened: string[] = [];
    const stop = bridge.onOpenComplaint((trackingNumber) => opened.push(trackingNumber));
    expect(invoke.mock.calls).toEqual([[BRIDGE_CHANNELS.onOpenComplaint]]);
    await vi.waitFor(() => expect(opened).toEqual(['KALTIM-2611-00001']));
    const send = listeners.get(OPEN_COMPLAINT_EVENT);
    send?.({ sender: 'ipc event' }, 'KALTIM-2611-00002');
    send?.({}, { not: 'a string' });
    expect(opened).toEqual(['KALTIM-2611-00001', 'KALTIM-2611-00002']);
    stop();
    expect(listeners.has(OPEN_COMPLAINT_EVENT)).toBe(false);
  });
});
