import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge.ts';
import { createBridgeHandlers } from '../../../electron/main/bridge-handlers.ts';
import { randomBytes } from 'node:crypto';
import { createSessionStore } from '../../../electron/main/session-store.ts';
import { createReplicaKeyStore } from '../../../electron/main/replica-key-store.ts';
import {
  fakeSafeStorage,
  memoryFiles,
  memoryKeyFiles,
  sampleSession,
  SERVER,
} from '../support/fake-session-deps.ts';

const appInfo = { shell: 'desktop', version: '0.1.0', platform: 'linux' } as const;

function setup() {
  const files = memoryFiles();
  const sessions = createSessionStore({
    safeStorage: fakeSafeStorage(),
    files,
    platform: 'linux',
    warn() {},
  });
  const keyFiles = memoryKeyFiles();
  const replicaKeys = createReplicaKeyStore({
    safeStorage: fakeSafeStorage(),
    files: keyFiles,
    randomBytes,
  });
  const handlers = createBridgeHandlers({
    appInfo,
    serverUrl: () => SERVER,
    sessions,
    replicaKeys,
  });
  return { files, keyFiles, handlers };
}

describe('bridge IPC handlers', () => {
  it('answer on exactly the bridge channels that do not need the calling page', () => {
    const { handlers } = setup();
    const documentChannels: string[] = [
      BRIDGE_CHANNELS.saveReportPdf,
      BRIDGE_CHANNELS.saveFile,
      // desktop-handlers.ts
      BRIDGE_CHANNELS.notify,
      BRIDGE_CHANNELS.reportPendingChanges,
      BRIDGE_CHANNELS.onOpenComplaint,
      // server-setup-handlers.ts
      BRIDGE_CHANNELS.testServer,
      BRIDGE_CHANNELS.setServerUrl,
      // sent by the main process only
      BRIDGE_CHANNELS.onOpenHelp,
    ];
    expect(Object.keys(handlers).sort()).toEqual(
      Object.values(BRIDGE_CHANNELS)
        .filter((channel) => !documentChannels.includes(channel))
        .sort(),
    );
  });

  it('report the desktop shell and the configured server', async () => {
    const { handlers } = setup();
    expect(await handlers[BRIDGE_CHANNELS.appInfo]()).toEqual(appInfo);
    expect(await handlers[BRIDGE_CHANNELS.serverUrl]()).toBe(SERVER);
  });

  it('save, load and clear the session', async () => {
    const { files, handlers } = setup();
    await handlers[BRIDGE_CHANNELS.saveSession](sampleSession);
    expect(files.data?.toString()).not.toContain(sampleSession.refreshToken);
    expect(await handlers[BRIDGE_CHANNELS.loadSession]()).toEqual(sampleSession);
    await handlers[BRIDGE_CHANNELS.clearSession]();
    expect(await handlers[BRIDGE_CHANNELS.loadSession]()).toBeNull();
  });

  it.each([
    ['no argument', []],
    ['a string', ['token']],
    ['null', [null]],
    ['a session without a refresh token', [{ serverUrl: SERVER, officerId: 'o' }]],
    [
      'a session whose URL is javascript:',
      [{ ...sampleSession, serverUrl: 'javascript:alert(1)' }],
    ],
    ['a session whose URL is file:', [{ ...sampleSession, serverUrl: 'file:///etc/passwd' }]],
    ['an oversized refresh token', [{ ...sampleSession, refreshToken: 'x'.repeat(10_000) }]],
    ['extra arguments', [sampleSession, 'more']],
  ])('refuse to save %s and write nothing', async (_name, args) => {
    const { files, handlers } = setup();
    await expect(handlers[BRIDGE_CHANNELS.saveSession](...args)).rejects.toThrow(
      `${BRIDGE_CHANNELS.saveSession}: invalid arguments`,
    );
    expect(files.writes).toBe(0);
  });

  it('refuse a session for another server and write nothing', async () => {
    const { files, handlers } = setup();
    await expect(
      handlers[BRIDGE_CHANNELS.saveSession]({
        ...sampleSession,
        serverUrl: 'https://attacker.example',
      }),
    ).rejects.toThrow(/another server/);
    expect(files.writes).toBe(0);
  });

  it('answer the officer’s replica key, the same each time, and forget it', async () => {
    const { keyFiles, handlers } = setup();
    const key = await handlers[BRIDGE_CHANNELS.replicaKey]('officer-admin-kaltim');
    expect(typeof key).toBe('string');
    expect(await handlers[BRIDGE_CHANNELS.replicaKey]('officer-admin-kaltim')).toBe(key);
    await handlers[BRIDGE_CHANNELS.forgetReplicaKey]('officer-admin-kaltim');
    expect(keyFiles.data.size).toBe(0);
  });

  it.each([
    ['no argument', []],
    ['a path', ['../session']],
    ['a number', [7]],
    ['extra arguments', ['officer-admin-kaltim', 'more']],
  ])('refuse a replica key request with %s and write nothing', async (_name, args) => {
    const { keyFiles, handlers } = setup();
    for (const channel of [BRIDGE_CHANNELS.replicaKey, BRIDGE_CHANNELS.forgetReplicaKey]) {
      await expect(handlers[channel](...args)).rejects.toThrow(`${channel}: invalid arguments`);
    }
    expect(keyFiles.writes).toBe(0);
  });

  it.each([
    BRIDGE_CHANNELS.appInfo,
    BRIDGE_CHANNELS.serverUrl,
    BRIDGE_CHANNELS.loadSession,
    BRIDGE_CHANNELS.clearSession,
  ])('%s refuses any argument', async (channel) => {
    const { handlers } = setup();
    await expect(handlers[channel]('x')).rejects.toThrow(`${channel}: invalid arguments`);
  });

  it('clear nothing when clearSession is called with arguments', async () => {
    const { files, handlers } = setup();
    await handlers[BRIDGE_CHANNELS.saveSession](sampleSession);
    await expect(handlers[BRIDGE_CHANNELS.clearSession]({ all: true })).rejects.toThrow();
    expect(files.data).not.toBeNull();
  });
});
