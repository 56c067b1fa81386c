import { storedSessionSchema, type StoredSession } from '../../shared/stored-session.ts';

/** The parts of Electron's safeStorage the store uses (async API). */
export type AsyncSafeStorage = {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
};

export type SessionFiles = {
  read(): Promise<Buffer | null>;
  write(data: Buffer): Promise<void>;
  remove(): Promise<void>;
};

export type SessionStore = {
  save(session: StoredSession): Promise<void>;
  load(): Promise<StoredSession | null>;
  clear(): Promise<void>;
};

/**
 * Keeps the session (refresh token) encrypted with the OS key store. Refuses to store it when
 * no encryption is available rather than writing the token in the clear.
 */
export function createSessionStore(deps: {
  safeStorage: AsyncSafeStorage;
  files: SessionFiles;
  platform: string;
  warn: (message: string) => void;
}): SessionStore {
  const { safeStorage, files } = deps;
  let warned = false;

  function warnOnWeakBackend(): void {
    if (warned || deps.platform !== 'linux') return;
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      warned = true;
      deps.warn(
        'No OS key store found (safeStorage backend basic_text): the saved session is only obfuscated.',
      );
    }
  }

  return {
    async save(session) {
      const valid = storedSessionSchema.parse(session);
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        throw new Error('OS encryption is not available; the session is kept for this run only');
      }
      warnOnWeakBackend();
      await files.write(await safeStorage.encryptStringAsync(JSON.stringify(valid)));
    },
    async load() {
      const data = await files.read();
      if (!data) return null;
      try {
        const { result } = await safeStorage.decryptStringAsync(data);
        return storedSessionSchema.parse(JSON.parse(result));
      } catch {
        // Unreadable or tampered: forget it, the officer signs in again.
        await files.remove();
        return null;
      }
    },
    async clear() {
      await files.remove();
    },
  };
}
