import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetPasswordReplicaKey,
  rewrapReplicaKey,
  sessionReplicaKey,
  unlockReplicaKey,
} from '../../../renderer/src/session/password-replica-key.ts';
import { ReplicaKeyError } from '../../../renderer/src/db/field-cipher.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const OFFICER = 'officer-pupr-kaltim';
let local: MemoryStorage;
let session: MemoryStorage;

beforeEach(() => {
  local = new MemoryStorage();
  session = new MemoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
});

/** A new browser session: local storage stays, session storage is new. */
function newBrowserSession(): void {
  session = new MemoryStorage();
  vi.stubGlobal('sessionStorage', session);
}

describe('the replica key in the web build', () => {
  it('is made at the first sign-in, kept for the session, and never stored unwrapped', async () => {
    const key = await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    expect(atob(key)).toHaveLength(32);
    expect(sessionReplicaKey(OFFICER)).toBe(key);
    expect(local.dump()).not.toContain(key);
    expect(local.dump()).not.toContain('Kaltim#2026');
  });

  it('opens again with the same password in a new browser session, offline', async () => {
    const key = await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    newBrowserSession();
    expect(sessionReplicaKey(OFFICER)).toBeNull();
    expect(await unlockReplicaKey(OFFICER, 'Kaltim#2026')).toBe(key);
  });

  it('refuses another password with a ReplicaKeyError and keeps no key', async () => {
    await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    newBrowserSession();
    const attempt = unlockReplicaKey(OFFICER, 'Kaltim#2027');
    await expect(attempt).rejects.toBeInstanceOf(ReplicaKeyError);
    await expect(attempt).rejects.toMatchObject({ problem: 'wrong' });
    expect(sessionReplicaKey(OFFICER)).toBeNull();
  });

  it('after a password change, wrapped again, opens with the new password only', async () => {
    const key = await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    await rewrapReplicaKey(OFFICER, key, 'Baru#2027');
    newBrowserSession();
    await expect(unlockReplicaKey(OFFICER, 'Kaltim#2026')).rejects.toBeInstanceOf(ReplicaKeyError);
    expect(await unlockReplicaKey(OFFICER, 'Baru#2027')).toBe(key);
  });

  it('says a damaged wrapped key is unreadable instead of making a new one', async () => {
    local.setItem(`lapor.replica-key.${OFFICER}`, '{"salt":1}');
    await expect(unlockReplicaKey(OFFICER, 'Kaltim#2026')).rejects.toMatchObject({
      problem: 'unreadable',
    });
  });

  it('is forgotten at sign-out: the next sign-in makes a new key', async () => {
    const key = await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    forgetPasswordReplicaKey(OFFICER);
    expect(sessionReplicaKey(OFFICER)).toBeNull();
    expect(await unlockReplicaKey(OFFICER, 'Kaltim#2026')).not.toBe(key);
  });

  it('keeps each officer’s key apart', async () => {
    const first = await unlockReplicaKey(OFFICER, 'Kaltim#2026');
    const second = await unlockReplicaKey('officer-admin-kaltim', 'Kaltim#2026');
    expect(second).not.toBe(first);
  });
});
