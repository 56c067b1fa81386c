import { z } from 'zod';
import type { AsyncSafeStorage } from './session-store.ts';

/** Officer ids as the server issues them; also the file name of the officer's key. */
export const replicaKeyOfficerSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);

const REPLICA_KEY_BYTES = 32;
const storedKeySchema = z.base64().refine((text) => Buffer.from(text, 'base64').length === 32);

/** One encrypted key file per officer, in a folder of the app's user data. */
export type ReplicaKeyFiles = {
  read(officerId: string): Promise<Buffer | null>;
  write(officerId: string, data: Buffer): Promise<void>;
  remove(officerId: string): Promise<void>;
};

export type ReplicaKeyStore = {
  /**
   * The officer's replica key (base64 of 32 random bytes), created on first use and kept
   * encrypted by the OS key store; null where the OS offers no encryption (the page then
   * derives the key from the officer's password instead).
   */
  keyFor(officerId: string): Promise<string | null>;
  /** Forgets the key when the officer's replica leaves the device. */
  forget(officerId: string): Promise<void>;
};

/**
 * Keeps a random per-officer key for the replica's encrypted fields, encrypted with Electron's
 * safeStorage. A key file that no longer decrypts (another OS account, a reset key ring) is an
 * error, never silently replaced: a new key would not open the replica either.
 */
export function createReplicaKeyStore(deps: {
  safeStorage: AsyncSafeStorage;
  files: ReplicaKeyFiles;
  randomBytes: (size: number) => Buffer;
}): ReplicaKeyStore {
  const { safeStorage, files } = deps;
  // Two windows asking at once must not each create a key.
  const pending = new Map<string, Promise<string | null>>();

  async function load(officerId: string): Promise<string | null> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
    const data = await files.read(officerId);
    if (!data) {
      const key = deps.randomBytes(REPLICA_KEY_BYTES).toString('base64');
      await files.write(officerId, await safeStorage.encryptStringAsync(key));
      return key;
    }
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await safeStorage.decryptStringAsync(data);
    } catch {
      throw new Error('The replica key on this device cannot be decrypted by the OS key store');
    }
    const key = storedKeySchema.safeParse(decrypted.result);
    if (!key.success) throw new Error('The replica key on this device is damaged');
    if (decrypted.shouldReEncrypt) {
      await files.write(officerId, await safeStorage.encryptStringAsync(key.data));
    }
    return key.data;
  }

  return {
    async keyFor(officerId) {
      const valid = replicaKeyOfficerSchema.parse(officerId);
      const running = pending.get(valid);
      if (running) return running;
      const loading = load(valid).finally(() => pending.delete(valid));
      pending.set(valid, loading);
      return loading;
    },
    async forget(officerId) {
      await files.remove(replicaKeyOfficerSchema.parse(officerId));
    },
  };
}
