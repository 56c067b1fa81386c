import type { AsyncSafeStorage, SessionFiles } from '../../../electron/main/session-store.ts';
import type { ReplicaKeyFiles } from '../../../electron/main/replica-key-store.ts';

export type FakeSafeStorageOptions = {
  available?: boolean;
  backend?: string;
  /** What `decryptStringAsync` reports, as after an OS key rotation. */
  shouldReEncrypt?: boolean;
};

/** A reversible stand-in for the OS key store that marks what it encrypted and counts calls. */
export function fakeSafeStorage(
  options: FakeSafeStorageOptions = {},
): AsyncSafeStorage & { encryptions: number } {
  const storage = {
    encryptions: 0,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (text: string) => {
      storage.encryptions += 1;
      return Buffer.from(`enc:${Buffer.from(text).toString('base64')}`);
    },
    decryptStringAsync: async (data: Buffer) => {
      const raw = data.toString();
      if (!raw.startsWith('enc:')) throw new Error('not encrypted by this key store');
      return {
        result: Buffer.from(raw.slice(4), 'base64').toString(),
        shouldReEncrypt: options.shouldReEncrypt ?? false,
      };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return storage;
}

/** The session file kept in memory; counts writes so a test can prove nothing was written. */
export function memoryFiles(): SessionFiles & { data: Buffer | null; writes: number } {
  const files = {
    data: null as Buffer | null,
    writes: 0,
    read: async () => files.data,
    write: async (data: Buffer) => {
      files.data = Buffer.from(data);
      files.writes += 1;
    },
    remove: async () => {
      files.data = null;
    },
  };
  return files;
}

export const SERVER = 'http://127.0.0.1:8787';

export const sampleSession = {
  serverUrl: SERVER,
  refreshToken: 'r'.repeat(43),
  officerId: 'officer-admin-kaltim',
};

/** Replica key files kept in memory, by officer id. */
export function memoryKeyFiles(): ReplicaKeyFiles & { data: Map<string, Buffer>; writes: number } {
  const files = {
    data: new Map<string, Buffer>(),
    writes: 0,
    read: async (officerId: string) => files.data.get(officerId) ?? null,
    write: async (officerId: string, data: Buffer) => {
      files.data.set(officerId, Buffer.from(data));
      files.writes += 1;
    },
    remove: async (officerId: string) => {
      files.data.delete(officerId);
    },
  };
  return files;
}
