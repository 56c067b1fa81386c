import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../shared/bridge.ts';
import { createBridgeHandlers } from '../../electron/main/bridge-handlers.ts';
import {
  createSessionStore,
  type AsyncSafeStorage,
  type SessionFiles,
} from '../../electron/main/session-store.ts';

const SERVER = 'http://127.0.0.1:8787';
const session = {
  serverUrl: SERVER,
  refreshToken: 'r'.repeat(43),
  officerId: 'officer-admin-kaltim',
};

/** A reversible stand-in for the OS key store that marks what it encrypted. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string } = {},
): AsyncSafeStorage {
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
    decryptStringAsync: async (data) => {
      const raw = data.toString();
      if (!raw.startsWith('enc:')) throw new Error('not ours');
      return { result: Buffer.from(raw.slice(4), 'base64').toString(), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

function memoryFiles(): SessionFiles & { data: Buffer | null; writes: number } {
  const files = {
    data: null as Buffer | null,
    writes: 0,
    read: async () => files.data,
    write: async (data: Buffer) => {
      files.data = data;
      files.writes += 1;
    },
    remove: async () => {
      files.data = null;
    },
  };
  return files;
}

function setup(storage = fakeSafeStorage()) {
  const files = memoryFiles();
  const warn = vi.fn();
  const sessions = createSessionStore({ safeStorage: storage, files, platform: 'linux', warn });
  const handlers = createBridgeHandlers({
    appInfo: { shell: 'desktop', version: '0.1.0', platform: 'linux' },
    serverUrl: SERVER,
    sessions,
  });
  return { files, warn, handlers };
}

describe('bridge IPC handlers', () => {
  it('stores the session encrypted and reads it back', async () => {
    const { files, handlers } = setup();
    await handlers[BRIDGE_CHANNELS.saveSession](session);
    expect(files.data?.toString()).toMatch(/^enc:/);
    expect(files.data?.toString()).not.toContain(session.refreshToken);
    expect(await handlers[BRIDGE_CHANNELS.loadSession]()).toEqual(session);
    await handlers[BRIDGE_CHANNELS.clearSession]();
    expect(await handlers[BRIDGE_CHANNELS.loadSession]()).toBeNull();
  });

  it.each([
    ['no argument', []],
    ['a string', ['token']],
    ['a session without a refresh token', [{ serverUrl: SERVER, officerId: 'o' }]],
    ['a session for a URL that is not one', [{ ...session, serverUrl: 'javascript:alert(1)' }]],
    ['extra arguments', [session, 'more']],
  ])('refuses to save %s and writes nothing', async (_name, args) => {
    const { files, handlers } = setup();
    await expect(handlers[BRIDGE_CHANNELS.saveSession](...args)).rejects.toThrow(
      /invalid arguments/,
    );
    expect(files.writes).toBe(0);
  });

  it('refuses a session for another server', async () => {
    const { files, handlers } = setup();
    await expect(
      handlers[BRIDGE_CHANNELS.saveSession]({ ...session, serverUrl: 'https://attacker.example' }),
    ).rejects.toThrow(/another server/);
    expect(files.writes).toBe(0);
  });

  it('refuses arguments to calls that take none', async () => {
    const { handlers } = setup();
    await expect(handlers[BRIDGE_CHANNELS.serverUrl]('x')).rejects.toThrow(/invalid arguments/);
    expect(await handlers[BRIDGE_CHANNELS.serverUrl]()).toBe(SERVER);
  });

  it('never writes the token in the clear when the OS cannot encrypt', async () => {
    const { files, handlers } = setup(fakeSafeStorage({ available: false }));
    await expect(handlers[BRIDGE_CHANNELS.saveSession](session)).rejects.toThrow(/not available/);
    expect(files.writes).toBe(0);
  });

  it('warns once when Linux has no real key store (basic_text)', async () => {
    const { warn, handlers } = setup(fakeSafeStorage({ backend: 'basic_text' }));
    await handlers[BRIDGE_CHANNELS.saveSession](session);
    await handlers[BRIDGE_CHANNELS.saveSession](session);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('basic_text');
  });

  it('forgets an unreadable session file instead of failing', async () => {
    const { files, handlers } = setup();
    files.data = Buffer.from('garbage');
    expect(await handlers[BRIDGE_CHANNELS.loadSession]()).toBeNull();
    expect(files.data).toBeNull();
  });
});
