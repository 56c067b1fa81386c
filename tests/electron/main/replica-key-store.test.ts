import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createReplicaKeyStore } from '../../../electron/main/replica-key-store.ts';
import {
  fakeSafeStorage,
  memoryKeyFiles,
  type FakeSafeStorageOptions,
} from '../support/fake-session-deps.ts';

const OFFICER = 'officer-admin-kaltim';

function setup(options: FakeSafeStorageOptions = {}) {
  const files = memoryKeyFiles();
  const safeStorage = fakeSafeStorage(options);
  const store = createReplicaKeyStore({ safeStorage, files, randomBytes });
  return { files, safeStorage, store };
}

describe('replica key store', () => {
  it('creates a random 32-byte key on first use and keeps it encrypted', async () => {
    const { files, store } = setup();
    const key = await store.keyFor(OFFICER);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    const stored = files.data.get(OFFICER)?.toString() ?? '';
    expect(stored).toMatch(/^enc:/);
    expect(stored).not.toContain(key);
  });

  it('answers the same key after a restart, and another key for another officer', async () => {
    const { files, safeStorage, store } = setup();
    const key = await store.keyFor(OFFICER);
    const afterRestart = createReplicaKeyStore({ safeStorage, files, randomBytes });
    expect(await afterRestart.keyFor(OFFICER)).toBe(key);
    expect(await afterRestart.keyFor('officer-pupr-kaltim')).not.toBe(key);
    expect(files.writes).toBe(2);
  });

  it('creates one key when two windows ask at the same moment', async () => {
    const { files, store } = setup();
    const [first, second] = await Promise.all([store.keyFor(OFFICER), store.keyFor(OFFICER)]);
    expect(first).toBe(second);
    expect(files.writes).toBe(1);
  });

  it('answers null and writes nothing where the OS offers no encryption', async () => {
    const { files, store } = setup({ available: false });
    expect(await store.keyFor(OFFICER)).toBeNull();
    expect(files.writes).toBe(0);
  });

  it('fails on a key file the OS key store cannot decrypt, and keeps the file', async () => {
    const { files, store } = setup();
    files.data.set(OFFICER, Buffer.from('garbage'));
    await expect(store.keyFor(OFFICER)).rejects.toThrow(/cannot be decrypted/);
    expect(files.data.get(OFFICER)?.toString()).toBe('garbage');
  });

  it('fails on a decryptable file that holds no 32-byte key', async () => {
    const { files, safeStorage, store } = setup();
    files.data.set(OFFICER, await safeStorage.encryptStringAsync('c2hvcnQ='));
    await expect(store.keyFor(OFFICER)).rejects.toThrow(/damaged/);
  });

  it('re-encrypts the key file when the OS asks for it, keeping the key', async () => {
    const { files, safeStorage, store } = setup({ shouldReEncrypt: true });
    const key = randomBytes(32).toString('base64');
    files.data.set(OFFICER, await safeStorage.encryptStringAsync(key));
    expect(await store.keyFor(OFFICER)).toBe(key);
    expect(files.writes).toBe(1);
  });

  it('forgets the key: the next use makes a new one', async () => {
    const { files, store } = setup();
    const key = await store.keyFor(OFFICER);
    await store.forget(OFFICER);
    expect(files.data.has(OFFICER)).toBe(false);
    expect(await store.keyFor(OFFICER)).not.toBe(key);
  });

  it.each(['', '../session', 'a/b', 'x'.repeat(41), 'officer admin'])(
    'refuses the officer id %j before touching a file',
    async (officerId) => {
      const { files, store } = setup();
      await expect(store.keyFor(officerId)).rejects.toThrow();
      await expect(store.forget(officerId)).rejects.toThrow();
      expect(files.writes).toBe(0);
    },
  );
});
