import { parentPort } from 'node:worker_threads';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { openReplicationMeta } from '../../../renderer/src/sync/replicate-with-first-copy.ts';
import { mergeConflictsOf, openTestReplica, type TestReplica } from '../support/test-replica.ts';
import {
  replicaEnvelopeSchema,
  type ReplicaAnswers,
  type ReplicaReply,
  type ReplicaRequest,
} from './replica-messages.ts';

/**
 * A replica realm: a worker thread holding a few soak replicas (RxDB's open-source build opens
 * 13 collections per realm, a replica 3) and answering the driver's requests about them.
 *
 * A second window of an officer is what the workstation makes of one: a writer on the replica
 * its device already holds (one storage, as Chromium windows share one IndexedDB), counting
 * its edits with a `PendingChanges` of its own that follows the stored count, and not syncing
 * (the leader window syncs for all). It cannot be a second RxDatabase here: `openReplica`
 * closes a duplicate of the same name in one realm, and memory storage is not shared between
 * realms.
 */
type Held = { kind: 'replica'; replica: TestReplica } | WindowOf;
type WindowOf = { kind: 'window'; leader: TestReplica; pending: PendingChanges };

const held = new Map<string, Held>();
const serverUrls = new Map<string, string>();

function find(handle: string): Held {
  const found = held.get(handle);
  if (!found) throw new Error(`no replica ${handle} in this realm`);
  return found;
}
const replicaOf = (found: Held) => (found.kind === 'replica' ? found.replica : found.leader);
const pendingOf = (found: Held) =>
  found.kind === 'replica' ? found.replica.pending : found.pending;

async function answer(request: ReplicaRequest): Promise<ReplicaAnswers[ReplicaRequest['kind']]> {
  switch (request.kind) {
    case 'open': {
      if (held.has(request.handle)) throw new Error(`replica ${request.handle} is open already`);
      const replica = await openTestReplica({
        serverUrl: request.serverUrl,
        session: request.session,
        now: () => Date.now() + request.skewMs,
      });
      held.set(request.handle, { kind: 'replica', replica });
      serverUrls.set(request.handle, request.serverUrl);
      return null;
    }
    case 'open-window': {
      const leader = find(request.of);
      if (leader.kind !== 'replica') throw new Error(`${request.of} is a window itself`);
      // As each window's sync controller does: its own replication metadata and counter.
      const meta = openReplicationMeta(
        leader.replica.replica.complaints,
        'complaints',
        serverUrls.get(request.of)!,
      );
      const pending = new PendingChanges(leader.replica.replica.complaints, {
        beforeEdit: async (collection, ids) => {
          if (collection === 'complaints') await (await meta).keepAssumedMasters(ids);
        },
      });
      await pending.load();
      held.set(request.handle, { kind: 'window', leader: leader.replica, pending });
      return null;
    }
    case 'sync': {
      // A window's device syncs through its leader window.
      await replicaOf(find(request.handle)).sync(request.timeoutMs);
      return null;
    }
    case 'pause':
      await replicaOf(find(request.handle)).pause();
      return null;
    case 'resume':
      await replicaOf(find(request.handle)).resume();
      return null;
    case 'edit': {
      const found = find(request.handle);
      const document = await replicaOf(found)
        .replica.complaints.findOne(request.complaintId)
        .exec(true);
      await pendingOf(found).track('complaints', [request.complaintId], () =>
        document.incrementalPatch(request.patch as Partial<Complaint>),
      );
      return null;
    }
    case 'insert-events': {
      const found = find(request.handle);
      const events = request.events as ComplaintEvent[];
      await pendingOf(found).track(
        'complaint_events',
        events.map((event) => event.id),
        () => replicaOf(found).replica.complaint_events.bulkInsert(events),
      );
      return null;
    }
    case 'complaints':
      return await replicaOf(find(request.handle)).complaints();
    case 'events': {
      const selector = request.complaintId ? { complaintId: request.complaintId } : {};
      const documents = await replicaOf(find(request.handle))
        .replica.complaint_events.find({ selector })
        .exec();
      return documents.map((document) => document.toJSON() as ComplaintEvent);
    }
    case 'rejections': {
      const documents = await replicaOf(find(request.handle)).replica.sync_rejections.find().exec();
      return documents.map((document) => document.toJSON() as SyncRejection);
    }
    case 'pending': {
      const found = find(request.handle);
      const stored = await replicaOf(found).replica.complaints.getLocal('pending-changes');
      return {
        count: pendingOf(found).count$.value,
        keys: Object.keys((stored?.get('edits') ?? {}) as Record<string, number>),
      };
    }
    case 'conflicts':
      return await mergeConflictsOf(replicaOf(find(request.handle)).replica).list();
    case 'describe':
      return replicaOf(find(request.handle)).describe();
    case 'explain-pending':
      return await replicaOf(find(request.handle)).explainPending();
    case 'close': {
      const found = held.get(request.handle);
      if (!found) return null;
      held.delete(request.handle);
      if (found.kind === 'window') found.pending.stop();
      else await found.replica.close();
      return null;
    }
  }
}

if (!parentPort) throw new Error('replica-worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (message: unknown) => {
  const parsed = replicaEnvelopeSchema.safeParse(message);
  if (!parsed.success) {
    const id = (message as { id?: unknown } | null)?.id;
    const reply: ReplicaReply = {
      id: typeof id === 'number' && id >= 0 ? id : 0,
      ok: false,
      error: `malformed request: ${parsed.error.message}`,
    };
    port.postMessage(reply);
    return;
  }
  const { id, request } = parsed.data;
  answer(request).then(
    (value) => {
      // JSON as it travels: drops undefined fields, so documents compare by value.
      const reply: ReplicaReply = { id, ok: true, value: JSON.parse(JSON.stringify(value)) };
      port.postMessage(reply);
    },
    (error: unknown) => {
      const reply: ReplicaReply = {
        id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    },
  );
});
