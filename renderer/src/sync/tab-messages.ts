import { z } from 'zod';
import { sessionResponseSchema } from '../../../shared/api/contract.ts';
import type { SyncStatus } from './sync-status.ts';

const timeSchema = z.number().finite();

const syncProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session_revoked') }),
  z.object({ kind: z.literal('session_expired') }),
  z.object({ kind: z.literal('server_unreachable'), sinceMs: timeSchema }),
  z.object({ kind: z.literal('clock_skew'), offsetMs: timeSchema }),
]);

const syncMachineSchema = z.object({
  phase: z.enum(['offline', 'connecting', 'initial_sync', 'live', 'paused', 'error']),
  problem: syncProblemSchema.nullable(),
  network: z.enum(['online', 'offline']),
  stream: z.enum(['connecting', 'connected', 'disconnected']),
  auth: z.enum(['valid', 'expired', 'revoked']),
  paused: z.boolean(),
  initial: z
    .object({
      pulled: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
      resumedFrom: z.number().int().nonnegative(),
      startedAt: timeSchema,
    })
    .nullable(),
  disconnectedAt: timeSchema.nullable(),
  clockOffsetMs: timeSchema,
  now: timeSchema,
});

const syncStatusSchema = z.object({
  connection: z.enum(['connecting', 'online', 'offline']),
  sessionExpired: z.boolean(),
  pending: z.number().int().nonnegative(),
  history: z.object({ fraction: z.number().min(0).max(1).nullable() }).nullable(),
  initialSync: z
    .object({
      pulled: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
  lastSyncedAt: timeSchema.nullable(),
  machine: syncMachineSchema,
}) satisfies z.ZodType<SyncStatus>;

/**
 * What the windows of one officer tell each other. The window that holds the leadership syncs;
 * the others show its status and hand it their requests.
 */
export const tabMessageSchema = z.discriminatedUnion('type', [
  /** The leader's sync status, sent on every change and when asked. */
  z.object({ type: z.literal('status'), status: syncStatusSchema }),
  /** A window that just opened asks the leader for its status. */
  z.object({ type: z.literal('status-wanted') }),
  z.object({ type: z.literal('sync-now') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** New files wait to upload. */
  z.object({ type: z.literal('attachments-kick') }),
  /** A window shows an event whose files this device does not hold yet. */
  z.object({ type: z.literal('attachments-want'), eventId: z.string().min(1).max(80) }),
  /** The officer signed in again in one window after the server ended the session. */
  z.object({ type: z.literal('session'), session: sessionResponseSchema }),
  /** The officer signed out in one window: the others close the replica too. */
  z.object({ type: z.literal('signed-out') }),
]);

export type TabMessage = z.infer<typeof tabMessageSchema>;

/** A message from another window, or null when it is not one this version understands. */
export function parseTabMessage(data: unknown): TabMessage | null {
  const parsed = tabMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
