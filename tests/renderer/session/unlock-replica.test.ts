import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetOfficerReplicaKey,
  openOfficerReplica,
  type OpenedReplica,
  type OsKeyStore,
} from '../../../renderer/src/session/unlock-replica.ts';
import { newReplicaKey } from '../../../renderer/src/db/field-cipher.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

let counter = 0;
let officerId = '';
const opened: OpenedReplica[] = [];
/** The web build's bridge: no OS key store. */
const WEB: OsKeyStore = { replicaKey: async () => null, forgetReplicaKey: async () => undefined };
let os: OsKeyStore = WEB;

async function open(officer: string, password?: string, rewrapTo?: string) {
  const result = await openOfficerReplica(os, officer, password, rewrapTo);
  opened.push(result);
  return result;
}

async function closeAll() {
  for (const result of opened.splice(0)) {
    if (result.kind === 'opened' && !result.replica.closed) await result.replica.close();
  }
}

beforeEach(() => {
  counter += 1;
  officerId = `officer-open-${counter}-${Date.now()}`;
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  os = WEB;
});

afterEach(async () => {
  await closeAll();
  vi.unstubAllGlobals();
});

describe('opening the officer’s replica in the web build', () => {
  it('stays locked until the password is given, then opens and keeps the identity readable', async () => {
    expect(await open(officerId)).toEqual({ kind: 'locked', lock: 'password-needed' });
    const first = await open(officerId, 'Kaltim#2026');
    if (first.kind !== 'opened') throw new Error(`locked: ${first.lock}`);
    await first.replica.complaints.insert(sampleComplaint());
    await closeAll();

    // A reload: the session's key opens it without the password.
    const reloaded = await open(officerId);
    if (reloaded.kind !== 'opened') throw new Error(`locked: ${reloaded.lock}`);
    expect((await reloaded.replica.complaints.findOne('c-1').exec())?.reporter?.name).toBe(
      'Andi Saputra',
    );
  });

  it('says a wrong password is wrong, in a new browser session', async () => {
    const first = await open(officerId, 'Kaltim#2026');
    expect(first.kind).toBe('opened');
    await closeAll();
    vi.stubGlobal('sessionStorage', new MemoryStorage());
    expect(await open(officerId)).toEqual({ kind: 'locked', lock: 'password-needed' });
    expect(await open(officerId, 'salah-sandi')).toEqual({ kind: 'locked', lock: 'wrong' });
    expect((await open(officerId, 'Kaltim#2026')).kind).toBe('opened');
  });

  it('asks for the password, not "wrong", when the session’s key does not fit', async () => {
    expect((await open(officerId, 'Kaltim#2026')).kind).toBe('opened');
    await closeAll();
    sessionStorage.setItem(`lapor.replica-key-session.${officerId}`, newReplicaKey());
    expect(await open(officerId)).toEqual({ kind: 'locked', lock: 'password-needed' });
    expect((await open(officerId, 'Kaltim#2026')).kind).toBe('opened');
  });

  it('after unlocking with the previous password, keeps the key under the new one', async () => {
    expect((await open(officerId, 'Sandi-Lama-1')).kind).toBe('opened');
    await closeAll();
    vi.stubGlobal('sessionStorage', new MemoryStorage());
    expect(await open(officerId, 'Sandi-Baru-2')).toEqual({ kind: 'locked', lock: 'wrong' });
    expect((await open(officerId, 'Sandi-Lama-1', 'Sandi-Baru-2')).kind).toBe('opened');
    await closeAll();
    vi.stubGlobal('sessionStorage', new MemoryStorage());
    expect((await open(officerId, 'Sandi-Baru-2')).kind).toBe('opened');
  });
});

describe('opening the officer’s replica in the desktop app', () => {
  it('uses the OS key store’s key and never asks for the password', async () => {
    const key = newReplicaKey();
    const forgetReplicaKey = vi.fn(async () => undefined);
    os = { replicaKey: async () => key, forgetReplicaKey };
    const first = await open(officerId);
    expect(first.kind).toBe('opened');
    await closeAll();
    expect((await open(officerId)).kind).toBe('opened');
    await closeAll();
    await forgetOfficerReplicaKey(os, officerId);
    expect(forgetReplicaKey).toHaveBeenCalledWith(officerId);
  });

  it('shows a key file the OS cannot decrypt as unreadable', async () => {
    os = {
      replicaKey: async () => {
        throw new Error('The replica key on this device cannot be decrypted by the OS key store');
      },
      forgetReplicaKey: async () => undefined,
    };
    expect(await open(officerId)).toEqual({ kind: 'locked', lock: 'unreadable' });
  });
});
