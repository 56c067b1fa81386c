/**
 * Encrypts single document fields (the reporter's identity) with AES-256-GCM through WebCrypto.
 *
 * A value is stored as `g1.` followed by base64 of a fresh 12-byte IV and the ciphertext with its
 * 16-byte tag. GCM authenticates: a wrong key or a changed byte fails instead of yielding garbage.
 */
const PREFIX = 'g1.';
const IV_BYTES = 12;
export const REPLICA_KEY_BYTES = 32;

export type ReplicaKeyProblem = 'missing' | 'wrong' | 'unreadable';

/** The replica cannot be read with the key at hand; `problem` says why. */
export class ReplicaKeyError extends Error {
  readonly problem: ReplicaKeyProblem;
  constructor(problem: ReplicaKeyProblem, message: string) {
    super(message);
    this.name = 'ReplicaKeyError';
    this.problem = problem;
  }
}

export type FieldCipher = {
  /** Any JSON value → ciphertext text. */
  encrypt(value: unknown): Promise<string>;
  /**
   * Ciphertext text → the value. A value that is not text was stored before encryption existed
   * and is returned as it is (it is encrypted again at its next write).
   */
  decrypt(stored: unknown): Promise<unknown>;
};

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A new random replica key, base64 text of 32 bytes. */
export function newReplicaKey(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(REPLICA_KEY_BYTES)));
}

export async function createFieldCipher(replicaKey: string): Promise<FieldCipher> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = base64ToBytes(replicaKey);
  } catch {
    raw = new Uint8Array(0);
  }
  if (raw.length !== REPLICA_KEY_BYTES) {
    throw new ReplicaKeyError('missing', `A replica key is ${REPLICA_KEY_BYTES} bytes of base64`);
  }
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    async encrypt(value) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const plain = encoder.encode(JSON.stringify(value));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain),
      );
      const joined = new Uint8Array(IV_BYTES + sealed.length);
      joined.set(iv);
      joined.set(sealed, IV_BYTES);
      return PREFIX + bytesToBase64(joined);
    },
    async decrypt(stored) {
      if (typeof stored !== 'string') return stored;
      if (!stored.startsWith(PREFIX)) {
        throw new ReplicaKeyError('unreadable', 'An encrypted field is not in a known format');
      }
      let joined: Uint8Array<ArrayBuffer>;
      try {
        joined = base64ToBytes(stored.slice(PREFIX.length));
      } catch {
        throw new ReplicaKeyError('unreadable', 'An encrypted field is damaged');
      }
      let plain: ArrayBuffer;
      try {
        plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: joined.subarray(0, IV_BYTES) },
          key,
          joined.subarray(IV_BYTES),
        );
      } catch {
        throw new ReplicaKeyError('wrong', 'An encrypted field does not open with this key');
      }
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
  };
}
