import { z } from 'zod';
import { BRIDGE_CHANNELS, type AppInfo } from '../../shared/bridge.ts';
import { storedSessionSchema } from '../../shared/stored-session.ts';
import type { SessionStore } from './session-store.ts';
import { replicaKeyOfficerSchema, type ReplicaKeyStore } from './replica-key-store.ts';

/** Channels whose handlers need the calling page (see document-handlers.ts). */
export type DocumentChannel =
  typeof BRIDGE_CHANNELS.saveReportPdf | typeof BRIDGE_CHANNELS.saveFile;

/** Channels of the OS integration (see desktop-handlers.ts). */
export type DesktopChannel =
  | typeof BRIDGE_CHANNELS.notify
  | typeof BRIDGE_CHANNELS.reportPendingChanges
  | typeof BRIDGE_CHANNELS.onOpenComplaint;

/** First-run server choice (see server-setup-handlers.ts). */
export type SetupChannel = typeof BRIDGE_CHANNELS.testServer | typeof BRIDGE_CHANNELS.setServerUrl;

/** Channels on which only the main process sends (the page never invokes them). */
export type EventChannel = typeof BRIDGE_CHANNELS.onOpenHelp;

/** One IPC handler per bridge method; arguments come from an untrusted renderer. */
export type BridgeHandlers = Record<
  Exclude<
    (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS],
    DocumentChannel | DesktopChannel | SetupChannel | EventChannel
  >,
  (...args: unknown[]) => Promise<unknown>
>;

const noArguments = z.tuple([]);
const sessionArguments = z.tuple([storedSessionSchema]);
const officerArguments = z.tuple([replicaKeyOfficerSchema]);

export function parseArguments<T extends z.ZodType>(
  schema: T,
  args: unknown[],
  channel: string,
): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new Error(
      `${channel}: invalid arguments (${parsed.error.issues.map((issue) => issue.message).join('; ')})`,
    );
  }
  return parsed.data;
}

export function createBridgeHandlers(deps: {
  appInfo: AppInfo;
  /** The current server's origin; null until one is chosen. */
  serverUrl: () => string | null;
  sessions: SessionStore;
  replicaKeys: ReplicaKeyStore;
}): BridgeHandlers {
  return {
    [BRIDGE_CHANNELS.appInfo]: async (...args) => {
      parseArguments(noArguments, args, BRIDGE_CHANNELS.appInfo);
      return deps.appInfo;
    },
    [BRIDGE_CHANNELS.serverUrl]: async (...args) => {
      parseArguments(noArguments, args, BRIDGE_CHANNELS.serverUrl);
      return deps.serverUrl();
    },
    [BRIDGE_CHANNELS.saveSession]: async (...args) => {
      const [session] = parseArguments(sessionArguments, args, BRIDGE_CHANNELS.saveSession);
      if (session.serverUrl !== deps.serverUrl()) {
        throw new Error(`${BRIDGE_CHANNELS.saveSession}: session is for another server`);
      }
      await deps.sessions.save(session);
    },
    [BRIDGE_CHANNELS.loadSession]: async (...args) => {
      parseArguments(noArguments, args, BRIDGE_CHANNELS.loadSession);
      return deps.sessions.load();
    },
    [BRIDGE_CHANNELS.clearSession]: async (...args) => {
      parseArguments(noArguments, args, BRIDGE_CHANNELS.clearSession);
      await deps.sessions.clear();
    },
    [BRIDGE_CHANNELS.replicaKey]: async (...args) => {
      const [officerId] = parseArguments(officerArguments, args, BRIDGE_CHANNELS.replicaKey);
      return deps.replicaKeys.keyFor(officerId);
    },
    [BRIDGE_CHANNELS.forgetReplicaKey]: async (...args) => {
      const [officerId] = parseArguments(officerArguments, args, BRIDGE_CHANNELS.forgetReplicaKey);
      await deps.replicaKeys.forget(officerId);
    },
  };
}
