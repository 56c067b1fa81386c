import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '../../../electron/main/session-store.ts';
import {
  fakeSafeStorage,
  memoryFiles,
  sampleSession,
  type FakeSafeStorageOptions,
} from '../support/fake-session-deps.ts';

function setup(options: FakeSafeStorageOptions = {}, platform = 'linux') {
  const files = memoryFiles();
  const safeStorage = fakeSafeStorage(options);
  const warn = vi.fn<(message: string) => void>();
  const store = createSessionStore({ safeStorage, files, platform, warn });
  return { files, safeStorage, warn, store };
}

describe('session store', () => {
  it('writes the session encrypted and reads the same session back', async () => {
    const { files, store } = setup();
    await store.save(sampleSession);
    expect(files.writes).toBe(1);
    expect(files.data?.toString()).toMatch(/^enc:/);
    expect(files.data?.toString()).not.toContain(sampleSession.refreshToken);
    expect(await store.load()).toEqual(sampleSession);
  });

  it('survives a restart: a new store over the same file reads the session', async () => {
    const { files, safeStorage, store } = setup();
    await store.save(sampleSession);
    const afterRestart = createSessionStore({ safeStorage, files, platform: 'linux', warn() {} });
    expect(await afterRestart.load()).toEqual(sampleSession);
  });

  it('returns null when nothing was saved, and after clearing', async () => {
    const { files, store } = setup();
    expect(await store.load()).toBeNull();
    await store.save(sampleSession);
    await store.clear();
    expect(files.data).toBeNull();
    expect(await store.load()).toBeNull();
  });

  it('refuses an invalid session without writing', async () => {
    const { files, store } = setup();
    await expect(store.save({ ...sampleSession, refreshToken: 'short' })).rejects.toThrow();
    expect(files.writes).toBe(0);
  });

  it('forgets an unreadable session file instead of failing', async () => {
    const { files, store } = setup();
    files.data = Buffer.from('garbage');
    expect(await store.load()).toBeNull();
    expect(files.data).toBeNull();
  });

  it('forgets a decryptable file whose content is not a valid session', async () => {
    const { files, safeStorage, store } = setup();
    files.data = await safeStorage.encryptStringAsync(JSON.stringify({ officerId: 'x' }));
    expect(await store.load()).toBeNull();
    expect(files.data).toBeNull();
  });

  it('re-encrypts the file when the OS asks for it after a key change', async () => {
    const { files, safeStorage, store } = setup({ shouldReEncrypt: true });
    files.data = await safeStorage.encryptStringAsync(JSON.stringify(sampleSession));
    expect(await store.load()).toEqual(sampleSession);
    expect(files.writes).toBe(1);
    expect(safeStorage.encryptions).toBe(2);
  });

  it('leaves the file alone when no re-encryption is asked for', async () => {
    const { files, safeStorage, store } = setup();
    files.data = await safeStorage.encryptStringAsync(JSON.stringify(sampleSession));
    await store.load();
    expect(files.writes).toBe(0);
  });

  describe('without OS encryption', () => {
    it('never writes the token, keeps it for this run only and says so', async () => {
      const { files, warn, store } = setup({ available: false });
      await store.save(sampleSession);
      expect(files.writes).toBe(0);
      expect(files.data).toBeNull();
      expect(await store.load()).toEqual(sampleSession);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('this run only'));
    });

    it('removes a session file left from an earlier run', async () => {
      const { files, store } = setup({ available: false });
      files.data = Buffer.from('enc:old');
      await store.save(sampleSession);
      expect(files.data).toBeNull();
    });

    it('forgets the in-memory session when cleared', async () => {
      const { store } = setup({ available: false });
      await store.save(sampleSession);
      await store.clear();
      expect(await store.load()).toBeNull();
    });
  });

  describe('Linux key store warning', () => {
    it('warns once when the backend is basic_text', async () => {
      const { warn, store } = setup({ backend: 'basic_text' });
      await store.save(sampleSession);
      await store.save(sampleSession);
      await store.load();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toContain('basic_text');
    });

    it('warns when a session saved under basic_text is read back', async () => {
      const { files, safeStorage, warn, store } = setup({ backend: 'basic_text' });
      files.data = await safeStorage.encryptStringAsync(JSON.stringify(sampleSession));
      await store.load();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('basic_text'));
    });

    it('stays quiet with a real key store', async () => {
      const { warn, store } = setup({ backend: 'gnome_libsecret' });
      await store.save(sampleSession);
      expect(warn).not.toHaveBeenCalled();
    });

    it('stays quiet on other platforms, where the backend name means nothing', async () => {
      const { warn, store } = setup({ backend: 'basic_text' }, 'win32');
      await store.save(sampleSession);
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
