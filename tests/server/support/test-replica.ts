import { LiveWriteTurns } from '../../../renderer/src/sync/live-write-turns.ts';
import { Subject, type Observable } from 'rxjs';
import {
  deepEqual,
  getAssumedMasterState,
  getLastCheckpointDoc,
  type RxReplicationPullStreamItem,
} from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { ReplicationCheckpoint, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import {
  mergeConflictsOf,
  openReplica,
  type Replica,
} from '../../../renderer/src/db/create-replica.ts';
import { newReplicaKey } from '../../../renderer/src/db/field-cipher.ts';
import { AccessTokenProvider } from '../../../renderer/src/api/access-token-provider.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { replicateCollection } from '../../../renderer/src/sync/replicate-collection.ts';
import { replicateAppendOnly } from '../../../renderer/src/sync/replicate-append-only.ts';
import {
  openReplicationMeta,
  replicateWithFirstCopy,
} from '../../../renderer/src/sync/replicate-with-first-copy.ts';
import { announceEventFiles } from '../../../renderer/src/sync/announce-event-files.ts';
import type { PageSizeLimits } from '../../../shared/sync/plan-page-size.ts';

let replicaCounter = 0;

/** What the test replica needs of a collection's sync, whichever path the collection takes. */
type Replication = {
  state: {
    reSync(): void;
    awaitInSync(): Promise<unknown>;
    cancel(): Promise<unknown>;
    /** RxDB's protocol state, read only to say where a replication waits. */
    internalReplicationState?: {
      events: { active: { up: { getValue(): boolean }; down: { getValue(): boolean } } };
      stats: { up: Record<string, number>; down: Record<string, number> };
    };
  };
};
const REPLICATION_NAMES = ['complaints', 'complaint_events', 'sync_rejections'] as const;

/**
 * A workstation replica running in node (RxDB memory storage) with the workstation's own
 * replication code, syncing complaints, their events and refusals through `serverUrl`.
 */
export type TestReplica = {
  replica: Replica;
  pending: PendingChanges;
  tokens: AccessTokenProvider;
  /** Pulls and pushes until nothing is left (retrying through faults), or throws after `timeoutMs`. */
  sync(timeoutMs?: number): Promise<void>;
  /** Where each replication stands (active up/down, protocol counters), for a stuck run. */
  describe(): string;
  /**
   * For each complaint still counted as pending: the device's copy (revision, write time,
   * change number), RxDB's assumed master of it and whether they are equal, and the upstream
   * checkpoint; to tell an edit never pushed from a count never settled.
   */
  explainPending(): Promise<string[]>;
  /** Stops replicating (the device goes offline); local writes go on. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  edit(id: string, change: Partial<Complaint>): Promise<void>;
  complaint(id: string): Promise<Complaint | null>;
  complaints(): Promise<Complaint[]>;
  openRejections(): Promise<SyncRejection[]>;
  close(): Promise<void>;
  /** Closes the replica as closing the app does, keeping its data for `reopen`. */
  shutDown(): Promise<{ name: string; key: string }>;
};

export async function openTestReplica(options: {
  serverUrl: string;
  session: SessionResponse;
  now?: () => number;
  pageSizeLimits?: PageSizeLimits;
  /** As the workstation: the open complaints and their timelines first. */
  prioritiseOpen?: boolean;
  /** Timeline events per pull page at most (the workstation's 5,000 when not given). */
  eventPageSize?: number;
  /** Live changes of complaints, as the change stream would bring them (none when not given). */
  complaintStream$?: Observable<RxReplicationPullStreamItem<Complaint, ReplicationCheckpoint>>;
  /** Complaints of a first-copy page written in one transaction. */
  copyWriteChunk?: number;
  /** Reopens a replica shut down earlier (same name and key; memory storage keeps it in-process). */
  reopen?: { name: string; key: string };
}): Promise<TestReplica> {
  replicaCounter += 1;
  const name = options.reopen?.name ?? `test_${replicaCounter}_${Date.now()}`;
  const key = options.reopen?.key ?? newReplicaKey();
  const replica = await openReplica(
    name,
    getRxStorageMemory(),
    ['complaints', 'complaint_events', 'sync_rejections'],
    key,
  );
  // As the workstation does: a fresh replica's first copy of complaints is written once, and a
  // copied complaint gets its assumed master state right before its first local edit.
  const complaintsMeta = openReplicationMeta(replica.complaints, 'complaints', options.serverUrl);
  const pending = new PendingChanges(replica.complaints, {
    beforeEdit: async (collection, ids) => {
      if (collection === 'complaints') await (await complaintsMeta).keepAssumedMasters(ids);
    },
  });
  await pending.load();
  const tokens = new AccessTokenProvider({
    serverUrl: options.serverUrl,
    refreshToken: options.session.refreshToken,
    accessToken: options.session.accessToken,
    accessExpiresAt: options.session.accessTokenExpiresAt,
    serverTime: options.session.serverTime,
    onSession: () => undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  let replications: Replication[] = [];
  const start = () => {
    const common = {
      serverUrl: options.serverUrl,
      tokens,
      pending,
      retryTime: 50,
      ...(options.pageSizeLimits ? { pageSizeLimits: options.pageSizeLimits } : {}),
      ...(options.prioritiseOpen ? { prioritiseOpen: true } : {}),
    };
    const stream = <T>() =>
      new Subject<RxReplicationPullStreamItem<T, ReplicationCheckpoint>>().asObservable();
    // As the workstation does: a live complaint change goes before either history's next part.
    const liveTurns = new LiveWriteTurns();
    replications = [
      replicateWithFirstCopy<Complaint>({
        ...common,
        collection: replica.complaints,
        name: 'complaints',
        stream$: options.complaintStream$ ?? stream<Complaint>(),
        meta: complaintsMeta,
        progressHolder: replica.complaints,
        liveTurns,
        ...(options.copyWriteChunk ? { copyWriteChunk: options.copyWriteChunk } : {}),
      }),
      replicateAppendOnly<ComplaintEvent>({
        ...common,
        collection: replica.complaint_events,
        name: 'complaint_events',
        stream$: stream<ComplaintEvent>(),
        checkpointHolder: replica.complaints,
        liveTurns,
        ...(options.eventPageSize ? { pullPageSize: options.eventPageSize } : {}),
        // As the workstation does: an event's files are announced before the event goes up.
        beforePush: (events) => announceEventFiles(options.serverUrl, tokens, events),
      }),
      replicateCollection<SyncRejection>({
        ...common,
        collection: replica.sync_rejections,
        name: 'sync_rejections',
        stream$: stream<SyncRejection>(),
      }),
    ] as unknown as Replication[];
  };
  start();

  /**
   * A push whose answer was lost is retried after the retry time, which can be after the rounds
   * above went idle: until nothing waits, wait and sync again, then once more to pull its result.
   */
  async function untilSent() {
    let rounds = 0;
    while (pending.count$.value > 0 && rounds < 20) {
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await syncOnce();
    }
    if (rounds > 0) await syncOnce();
  }

  async function syncOnce() {
    for (const replication of replications) replication.state.reSync();
    for (const replication of replications) await replication.state.awaitInSync();
  }

  return {
    replica,
    pending,
    tokens,
    async sync(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('replica did not get in sync')), timeoutMs);
      });
      try {
        // Twice: refusals and merged states written by the first round go up or down in the second.
        await Promise.race([syncOnce().then(syncOnce).then(syncOnce).then(untilSent), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    describe() {
      return replications
        .map((replication, index) => {
          const internal = replication.state.internalReplicationState;
          if (!internal)
            return `${REPLICATION_NAMES[index]}: no RxDB protocol state (append-only, or not started)`;
          const { up, down } = internal.events.active;
          return (
            `${REPLICATION_NAMES[index]}: up ${up.getValue() ? 'active' : 'idle'}, ` +
            `down ${down.getValue() ? 'active' : 'idle'}, stats ${JSON.stringify(internal.stats)}`
          );
        })
        .join('; ');
    },
    async explainPending() {
      const ids = pending.idsPending('complaints');
      const internal = replications[0]?.state.internalReplicationState;
      if (ids.length === 0 || !internal) return ids.map((id) => `${id}: no RxDB protocol state`);
      const [forks, assumed, upCheckpoint] = await Promise.all([
        replica.complaints.storageInstance.findDocumentsById(ids, true),
        getAssumedMasterState(internal as never, ids),
        getLastCheckpointDoc(internal as never, 'up'),
      ]);
      return ids.map((id) => {
        const fork = forks.find((document) => document.id === id);
        const master = (
          assumed as unknown as Record<
            string,
            { docData: Complaint; metaDocument: { isResolvedConflict?: string } }
          >
        )[id];
        const content = (document: object | undefined) =>
          document &&
          Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
        return JSON.stringify({
          id,
          count: pending.countOf('complaints', id),
          fork: fork && {
            rev: fork._rev,
            lwt: fork._meta.lwt,
            serverSeq: fork.serverSeq,
            deleted: fork._deleted,
          },
          assumedMaster: master && {
            serverSeq: master.docData.serverSeq,
            resolvedConflict: master.metaDocument.isResolvedConflict ?? null,
          },
          equalToAssumedMaster: Boolean(
            master && fork && deepEqual(content(fork), content(master.docData)),
          ),
          upCheckpoint,
        });
      });
    },
    async pause() {
      await Promise.all(replications.map((replication) => replication.state.cancel()));
    },
    async resume() {
      start();
    },
    async edit(id, change) {
      const document = await replica.complaints.findOne(id).exec(true);
      await pending.track('complaints', [id], () => document.incrementalPatch(change));
    },
    async complaint(id) {
      const document = await replica.complaints.findOne(id).exec();
      return document ? (document.toJSON() as Complaint) : null;
    },
    async complaints() {
      const documents = await replica.complaints.find().exec();
      return documents.map((document) => document.toJSON() as Complaint);
    },
    async openRejections() {
      const documents = await replica.sync_rejections.find({ selector: { resolvedAt: 0 } }).exec();
      return documents.map((document) => document.toJSON() as SyncRejection);
    },
    async close() {
      await Promise.all(replications.map((replication) => replication.state.cancel()));
      await replica.remove();
    },
    async shutDown() {
      await Promise.all(replications.map((replication) => replication.state.cancel()));
      pending.stop();
      await replica.close();
      return { name, key };
    },
  };
}

export { mergeConflictsOf };
