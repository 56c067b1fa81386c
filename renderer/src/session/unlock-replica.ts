import type { WorkstationBridge } from '../../../shared/bridge.ts';
import { openReplica, type Replica } from '../db/create-replica.ts';
import { ReplicaKeyError, type ReplicaKeyProblem } from '../db/field-cipher.ts';
import type { ReplicaUpgradeProgress } from '../db/watch-replica-upgrade.ts';
import {
  forgetPasswordReplicaKey,
  forgetSessionReplicaKey,
  keyFromOpenWindows,
  rewrapReplicaKey,
  sessionReplicaKey,
  unlockReplicaKey,
} from './password-replica-key.ts';

/** Where the OS keeps replica keys: the bridge (the web build's answers null). */
export type OsKeyStore = Pick<WorkstationBridge, 'replicaKey' | 'forgetReplicaKey'>;

/** The OS key store's key; one it holds but cannot decrypt makes the replica unreadable. */
async function osReplicaKey(os: OsKeyStore, officerId: string): Promise<string | null> {
  try {
    return await os.replicaKey(officerId);
  } catch (error) {
    throw new ReplicaKeyError('unreadable', error instanceof Error ? error.message : String(error));
  }
}

/** Why the replica stays locked: no key yet in this session, or the key does not fit. */
export type ReplicaLock = 'password-needed' | ReplicaKeyProblem;

export type OpenedReplica =
  { kind: 'opened'; replica: Replica } | { kind: 'locked'; lock: ReplicaLock };

/**
 * Opens the officer's replica with its key: the OS key store's (desktop), else the one unlocked
 * with `password` or earlier in this browser session. `rewrapTo` is a newer password the key is
 * then kept under (the officer unlocked with the previous one after a password change).
 * `onUpgrade` hears the progress of a migration to a newer schema (see openReplica).
 */
export async function openOfficerReplica(
  os: OsKeyStore,
  officerId: string,
  password?: string,
  rewrapTo?: string,
  onUpgrade?: (progress: ReplicaUpgradeProgress) => void,
): Promise<OpenedReplica> {
  let fromSession = false;
  try {
    const fromOs = await osReplicaKey(os, officerId);
    let key = fromOs;
    if (!key && password !== undefined) key = await unlockReplicaKey(officerId, password);
    if (!key) {
      key = sessionReplicaKey(officerId) ?? (await keyFromOpenWindows(officerId));
      fromSession = key !== null;
    }
    if (!key) return { kind: 'locked', lock: 'password-needed' };
    const replica = await openReplica(officerId, undefined, undefined, key, onUpgrade);
    if (!fromOs && rewrapTo !== undefined && rewrapTo !== password) {
      await rewrapReplicaKey(officerId, key, rewrapTo);
    }
    return { kind: 'opened', replica };
  } catch (error) {
    if (!(error instanceof ReplicaKeyError)) throw error;
    // A key kept from earlier in the session that does not fit: ask for the password afresh
    // rather than say a password the officer has not typed is wrong.
    if (fromSession && error.problem === 'wrong') {
      forgetSessionReplicaKey(officerId);
      return { kind: 'locked', lock: 'password-needed' };
    }
    return { kind: 'locked', lock: error.problem };
  }
}

/**
 * After the officer signed in again with `password` while the replica is open (the session
 * ended, possibly by a password change): the key is kept wrapped under that password from now
 * on, so the next browser session unlocks with it. Nothing to do where the OS keeps the key.
 */
export async function rewrapAfterSignIn(
  os: OsKeyStore,
  officerId: string,
  password: string,
): Promise<void> {
  if (await osReplicaKey(os, officerId).catch(() => null)) return;
  const key = sessionReplicaKey(officerId);
  if (key) await rewrapReplicaKey(officerId, key, password);
}

/** After the replica left the device: its key goes too. */
export async function forgetOfficerReplicaKey(os: OsKeyStore, officerId: string): Promise<void> {
  forgetPasswordReplicaKey(officerId);
  await os.forgetReplicaKey(officerId);
}
