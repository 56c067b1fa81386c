import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { getBridge } from '../bridge/get-bridge.ts';
import type { ReplicaLock } from './unlock-replica.ts';
import type { ReplicaUpgradeProgress } from '../db/watch-replica-upgrade.ts';
import { postJson } from '../api/api-client.ts';
import { deviceId } from './device-id.ts';
import { markSignIn } from './mark-sign-in.ts';
import type { WorkstationContextValue } from './workstation-context.tsx';

/** The replica and sync code, fetched when first needed (see replica-session-modules.ts). */
const replicaModules = () => import('./replica-session-modules.ts');

export type SessionState =
  | { kind: 'starting' }
  /** A desktop installation without a central server yet: the officer chooses one. */
  | { kind: 'choose-server' }
  | { kind: 'signed-out'; serverUrl: string }
  | { kind: 'signed-in'; workstation: WorkstationContextValue }
  /** A replica stored by an older version is being rewritten to the current schemas. */
  | { kind: 'upgrading'; progress: ReplicaUpgradeProgress }
  /** The replica's key needs the officer's password (see unlock-replica.ts). */
  | { kind: 'locked'; lock: ReplicaLock; resume: LockedSession }
  | { kind: 'failed'; message: string };

/** What opening the replica goes on with once it is unlocked. */
export type LockedSession = {
  serverUrl: string;
  refreshToken: string;
  officerId: string;
  session?: SessionResponse;
  /** The password the officer has just signed in with, when it did not unlock the key. */
  newPassword?: string;
};

/**
 * Resumes the stored session from the local replica (works offline), or waits for a login;
 * then opens the replica and starts syncing.
 */
export function useWorkstationSession() {
  const [state, setState] = useState<SessionState>({ kind: 'starting' });
  const current = useRef<WorkstationContextValue | null>(null);

  const open = useCallback(
    async (
      serverUrl: string,
      refreshToken: string,
      officerId: string,
      session?: SessionResponse,
      password?: string,
      rewrapTo?: string,
    ) => {
      const bridge = getBridge();
      const {
        openOfficerReplica,
        saveOfficerProfile,
        loadOfficerProfile,
        SyncController,
        storedRefreshToken,
      } = await replicaModules();
      markSignIn('replica-modules-loaded');
      let upgrading = false;
      let opened;
      try {
        opened = await openOfficerReplica(bridge, officerId, password, rewrapTo, (progress) => {
          upgrading = true;
          setState({ kind: 'upgrading', progress });
        });
      } catch (error) {
        // The screen that asked to open it (sign-in, unlock) is gone once the upgrade showed.
        if (!upgrading) throw error;
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      if (opened.kind === 'locked') {
        const newPassword = rewrapTo ?? (session ? password : undefined);
        const resume = { serverUrl, refreshToken, officerId, ...(session ? { session } : {}) };
        setState({
          kind: 'locked',
          lock: opened.lock,
          resume: newPassword === undefined ? resume : { ...resume, newPassword },
        });
        return;
      }
      const replica = opened.replica;
      markSignIn('replica-opened');
      if (session) await saveOfficerProfile(replica, session.officer, session.instansi);
      const profile = await loadOfficerProfile(replica);
      if (!profile) {
        await replica.close();
        await bridge.clearSession();
        setState({ kind: 'signed-out', serverUrl });
        return;
      }
      const sync = new SyncController({
        replica,
        serverUrl,
        refreshToken,
        ...(session ? { session } : {}),
        onSession: (renewed) => void saveOfficerProfile(replica, renewed.officer, renewed.instansi),
        refreshStore: storedRefreshToken(bridge, serverUrl, officerId),
        // Signed out in another window, which wipes the replica once this one let go of it.
        onSignedOutElsewhere: () => {
          if (current.current?.replica !== replica) return;
          current.current = null;
          void sync
            .stop()
            .then(() => replica.close())
            .finally(() => setState({ kind: 'signed-out', serverUrl }));
        },
      });
      const workstation: WorkstationContextValue = {
        officer: profile.officer,
        instansi: profile.instansi,
        replica,
        sync,
        serverUrl,
        deviceId: deviceId(),
      };
      current.current = workstation;
      setState({ kind: 'signed-in', workstation });
      await sync.start();
    },
    [],
  );

  useEffect(() => {
    const bridge = getBridge();
    let cancelled = false;
    void (async () => {
      try {
        const serverUrl = await bridge.serverUrl();
        if (serverUrl === null) {
          if (!cancelled) setState({ kind: 'choose-server' });
          return;
        }
        const stored = await bridge.loadSession();
        if (cancelled) return;
        if (stored && stored.serverUrl === serverUrl) {
          await open(serverUrl, stored.refreshToken, stored.officerId);
        } else {
          setState({ kind: 'signed-out', serverUrl });
          // Fetched while the officer types, so pressing "Masuk" does not wait for it.
          void replicaModules().catch(() => undefined);
        }
      } catch (error) {
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [open]);

  const signedIn = useCallback(
    async (serverUrl: string, session: SessionResponse, password?: string) => {
      await getBridge().saveSession({
        serverUrl,
        refreshToken: session.refreshToken,
        officerId: session.officer.id,
      });
      await open(serverUrl, session.refreshToken, session.officer.id, session, password);
    },
    [open],
  );

  const unlock = useCallback(
    async (resume: LockedSession, password: string) => {
      const { serverUrl, refreshToken, officerId, session, newPassword } = resume;
      await open(serverUrl, refreshToken, officerId, session, password, newPassword);
    },
    [open],
  );

  /** The officer gives up a replica no key at hand opens: it is removed, then sign in anew. */
  const discardLocked = useCallback(async (resume: LockedSession) => {
    const { removeReplica, forgetOfficerReplicaKey } = await replicaModules();
    await removeReplica(resume.officerId);
    await forgetOfficerReplicaKey(getBridge(), resume.officerId);
    await getBridge().clearSession();
    setState({ kind: 'signed-out', serverUrl: resume.serverUrl });
  }, []);

  const signOut = useCallback(async () => {
    const workstation = current.current;
    if (!workstation) return;
    const { forgetOfficerReplicaKey } = await replicaModules();
    // The officer's other windows close the replica before it is wiped here.
    workstation.sync.announceSignOut();
    await workstation.sync.tokens
      .withAccessToken((token) => postJson(`${workstation.serverUrl}/api/auth/logout`, {}, token))
      .catch(() => undefined);
    await workstation.sync.stop();
    // The replica leaves the device with the officer (pending edits were sent or given up).
    await workstation.replica.remove();
    await forgetOfficerReplicaKey(getBridge(), workstation.officer.id);
    await getBridge().clearSession();
    current.current = null;
    setState({ kind: 'signed-out', serverUrl: workstation.serverUrl });
  }, []);

  return { state, signedIn, unlock, discardLocked, signOut };
}
