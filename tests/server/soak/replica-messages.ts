import { z } from 'zod';
import { sessionResponseSchema } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import type { ObservedConflict } from './check-soak-convergence.ts';

/**
 * The messages between the soak driver and a replica realm (a worker thread holding up to four
 * replicas): what the driver does with a `TestReplica`, by the replica's handle. Both sides parse
 * what they receive; documents travel as plain JSON objects and are the replica's own.
 */
const handle = z.string().min(1).max(80);
const document = z.record(z.string(), z.unknown());

export const replicaRequestSchema = z.discriminatedUnion('kind', [
  /** A device's replica, syncing through `serverUrl` (its link) with the clock off by `skewMs`. */
  z.object({
    kind: z.literal('open'),
    handle,
    serverUrl: z.url(),
    session: sessionResponseSchema,
    skewMs: z.number().int(),
  }),
  /** A second window of the officer on the device of `of`: same replica, no sync of its own. */
  z.object({ kind: z.literal('open-window'), handle, of: handle }),
  z.object({ kind: z.literal('sync'), handle, timeoutMs: z.number().int().positive() }),
  z.object({ kind: z.literal('pause'), handle }),
  z.object({ kind: z.literal('resume'), handle }),
  /** An officer's edit of a complaint, counted as pending first (`TestReplica.edit`). */
  z.object({ kind: z.literal('edit'), handle, complaintId: z.string().min(1), patch: document }),
  /** Timeline events inserted as the workstation does, counted through `PendingChanges.track`. */
  z.object({ kind: z.literal('insert-events'), handle, events: z.array(document).min(1) }),
  z.object({ kind: z.literal('complaints'), handle }),
  z.object({ kind: z.literal('events'), handle, complaintId: z.string().min(1).optional() }),
  z.object({ kind: z.literal('rejections'), handle }),
  /** The pending count and the keys of the stored pending document. */
  z.object({ kind: z.literal('pending'), handle }),
  z.object({ kind: z.literal('conflicts'), handle }),
  z.object({ kind: z.literal('describe'), handle }),
  /** Where RxDB's copy of each complaint still pending stands (`TestReplica.explainPending`). */
  z.object({ kind: z.literal('explain-pending'), handle }),
  /** Closes and removes the replica (a window only stops counting). */
  z.object({ kind: z.literal('close'), handle }),
]);
export type ReplicaRequest = z.infer<typeof replicaRequestSchema>;
export type ReplicaRequestKind = ReplicaRequest['kind'];

/** What each request answers. */
export type ReplicaAnswers = {
  open: null;
  'open-window': null;
  sync: null;
  pause: null;
  resume: null;
  edit: null;
  'insert-events': null;
  complaints: Complaint[];
  events: ComplaintEvent[];
  rejections: SyncRejection[];
  pending: { count: number; keys: string[] };
  conflicts: ObservedConflict[];
  describe: string;
  'explain-pending': string[];
  close: null;
};

export const replicaEnvelopeSchema = z.object({
  id: z.number().int().nonnegative(),
  request: replicaRequestSchema,
});
export type ReplicaEnvelope = z.infer<typeof replicaEnvelopeSchema>;

export const replicaReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(false), error: z.string() }),
]);
export type ReplicaReply = z.infer<typeof replicaReplySchema>;
