import { z } from 'zod';
import {
  base64ToBytes,
  bytesToBase64,
  newReplicaKey,
  ReplicaKeyError,
} from '../db/field-cipher.ts';

/**
 * The replica key where no OS key store keeps it (the web build): a random key, kept on the
 * device only wrapped (AES-GCM) under a key derived from the officer's password with PBKDF2
 * and a per-officer random salt. Unwrapped, it is kept in sessionStorage for this browser
 * session (a reload goes on without the password), and a window the officer opens beside an
 * unlocked one gets it from that window (BroadcastChannel, same origin only); a new browser
 * session asks for the password.
 */
const WRAPPED_PREFIX = 'lapor.replica-key.';
const SESSION_PREFIX = 'lapor.replica-key-session.';
export const PBKDF2_ITERATIONS = 310_000;
const CHANNEL = 'lapor.replica-key';
/** How long a new window waits for an unlocked one to answer before it asks for the password. */
const ASK_TIMEOUT_MS = 500;

const keyMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), officerId: z.string().min(1).max(40) }),
  z.object({ type: z.literal('key'), officerId: z.string().min(1).max(40), key: z.base64() }),
]);
type KeyMessage = z.infer<typeof keyMessageSchema>;

let answering: BroadcastChannel | null = null;

/** This window answers the officer's other new windows with the key it holds. */
function answerOtherWindows(): void {
  if (answering || typeof BroadcastChannel === 'undefined') return;
  answering = new BroadcastChannel(CHANNEL);
  answering.onmessage = (event: MessageEvent) => {
    const message = keyMessageSchema.safeParse(event.data);
    if (!message.success || message.data.type !== 'request') return;
    const key = sessionStorage.getItem(SESSION_PREFIX + message.data.officerId);
    if (!key) return;
    const answer: KeyMessage = { type: 'key', officerId: message.data.officerId, key };
    answering?.postMessage(answer);
  };
}

function remember(officerId: string, replicaKey: string): void {
  sessionStorage.setItem(SESSION_PREFIX + officerId, replicaKey);
  answerOtherWindows();
}

/** Asks the officer's open, unlocked windows for the key; null when none answers in time. */
export function keyFromOpenWindows(officerId: string): Promise<string | null> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(CHANNEL);
    const done = (key: string | null) => {
      clearTimeout(timer);
      channel.close();
      if (key) remember(officerId, key);
      resolve(key);
    };
    const timer = setTimeout(() => done(null), ASK_TIMEOUT_MS);
    channel.onmessage = (event: MessageEvent) => {
      const message = keyMessageSchema.safeParse(event.data);
      if (message.success && message.data.type === 'key' && message.data.officerId === officerId)
        done(message.data.key);
    };
    const request: KeyMessage = { type: 'request', officerId };
    channel.postMessage(request);
  });
}

const wrappedKeySchema = z.object({
  salt: z.base64(),
  iterations: z.int().min(100_000).max(10_000_000),
  iv: z.base64(),
  wrapped: z.base64(),
});
type WrappedKey = z.infer<typeof wrappedKeySchema>;

async function passwordKey(password: string, salt: string, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function readWrapped(officerId: string): WrappedKey | null {
  const raw = localStorage.getItem(WRAPPED_PREFIX + officerId);
  if (!raw) return null;
  try {
    return wrappedKeySchema.parse(JSON.parse(raw));
  } catch {
    throw new ReplicaKeyError('unreadable', 'The wrapped replica key on this device is damaged');
  }
}

/** Keeps `replicaKey` wrapped under `password` (a fresh salt each time). */
async function storeWrapped(officerId: string, replicaKey: string, password: string) {
  const salt = bytesToBase64(crypto.getRandomValues(new Uint8Array(16)));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passwordKey(password, salt, PBKDF2_ITERATIONS);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    base64ToBytes(replicaKey),
  );
  const record: WrappedKey = {
    salt,
    iterations: PBKDF2_ITERATIONS,
    iv: bytesToBase64(iv),
    wrapped: bytesToBase64(new Uint8Array(wrapped)),
  };
  localStorage.setItem(WRAPPED_PREFIX + officerId, JSON.stringify(record));
}

/**
 * The officer's replica key unlocked with the password, remembered for this browser session;
 * created on the first sign-in on this device. A password that does not unwrap the key (it was
 * changed since) fails with ReplicaKeyError 'wrong'.
 */
export async function unlockReplicaKey(officerId: string, password: string): Promise<string> {
  const record = readWrapped(officerId);
  let replicaKey: string;
  if (!record) {
    replicaKey = newReplicaKey();
    await storeWrapped(officerId, replicaKey, password);
  } else {
    const key = await passwordKey(password, record.salt, record.iterations);
    try {
      const raw = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: base64ToBytes(record.iv) },
        key,
        base64ToBytes(record.wrapped),
      );
      replicaKey = bytesToBase64(new Uint8Array(raw));
    } catch {
      throw new ReplicaKeyError('wrong', 'The password does not unlock the replica key');
    }
  }
  remember(officerId, replicaKey);
  return replicaKey;
}

/** Wraps the key under a new password (after the officer's password changed). */
export function rewrapReplicaKey(officerId: string, replicaKey: string, password: string) {
  return storeWrapped(officerId, replicaKey, password);
}

/** The key unlocked earlier in this browser session, or null. */
export function sessionReplicaKey(officerId: string): string | null {
  const key = sessionStorage.getItem(SESSION_PREFIX + officerId);
  if (key) answerOtherWindows();
  return key;
}

/** Drops the session's key (it did not open the replica); the wrapped key stays. */
export function forgetSessionReplicaKey(officerId: string): void {
  sessionStorage.removeItem(SESSION_PREFIX + officerId);
}

export function forgetPasswordReplicaKey(officerId: string): void {
  sessionStorage.removeItem(SESSION_PREFIX + officerId);
  localStorage.removeItem(WRAPPED_PREFIX + officerId);
}
