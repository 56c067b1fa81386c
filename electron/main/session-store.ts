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
 * Keeps the session (refresh token) encrypted with the OS key store. Where the OS offers no
 * encryption it never writes the token in the clear: the session lives in memory for this run
 * only and the officer signs in again after a restart. On Linux without a key store (backend
 * `basic_text`) the encryption key is a constant, so it warns once.
 */
export function createSessionStore(deps: {
  safeStorage: AsyncSafeStorage;
  files: SessionFiles;
  platform: string;
  warn: (message: string) => void;
}): SessionStore {
  const { safeStorage, files } = deps;
  const warned = new Set<string>();
  let unencryptedSession: StoredSession | null = null;

  function warnOnce(message: string): void {
    if (warned.has(message)) return;
    warned.add(message);
    deps.warn(message);
  }

  function warnOnWeakBackend(): void {
    if (deps.platform !== 'linux') return;
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      warnOnce(
        'No OS key store found (safeStorage backend basic_text): the saved session is only obfuscated.',
      );
    }
  }

  return {
    async save(session) {
      const valid = storedSessionSchema.parse(session);
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        warnOnce('OS encryption is not available: the session is kept for this run only.');
        unencryptedSession = valid;
        await files.remove();
        return;
      }
      unencryptedSession = null;
      warnOnWeakBackend();
      await files.write(await safeStorage.encryptStringAsync(JSON.stringify(valid)));
    },
    async load() {
      if (unencryptedSession) return unencryptedSession;
      const data = await files.read();
      if (!data) return null;
      let session: StoredSession;
      let shouldReEncrypt: boolean;
      try {
        const decrypted = await safeStorage.decryptStringAsync(data);
        session = storedSessionSchema.parse(JSON.parse(decrypted.result));
        shouldReEncrypt = decrypted.shouldReEncrypt;
      } catch {
        // Unreadable or tampered: forget it, the officer signs in again.
        await files.remove();
        return null;
      }
      warnOnWeakBackend();
      // The OS rotated the key or offers a stronger one: store it again under the new key.
      if (shouldReEncrypt) {
        try {
          await files.write(await safeStorage.encryptStringAsync(JSON.stringify(session)));
        } catch (error) {
          deps.warn(`Could not re-encrypt the saved session: ${String(error)}`);
        }
      }
      return session;
    },
    async clear() {
      unencryptedSession = null;
      await files.remove();
    },
  };
}
