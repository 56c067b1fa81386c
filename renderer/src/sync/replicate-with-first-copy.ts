import { combineLatest, map, type BehaviorSubject, type Observable } from 'rxjs';
import type { RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import type { PageSizeState } from '../../../shared/sync/plan-page-size.ts';
import { ReplicationMeta } from '../db/replication-meta.ts';
import { FirstCopyStore } from './first-copy-store.ts';
import {
  replicateCollection,
  replicationIdentifierOf,
  type PullProgress,
} from './replicate-collection.ts';
import { SyncLoop } from './sync-loop.ts';
import { recordMeasure } from '../timing/record-measure.ts';
import { LiveWriteTurns } from './live-write-turns.ts';
import { RecentStates } from './recent-states.ts';
import { timePageWrite } from './time-page-write.ts';
import {
  AFTER_FIRST_COPY,
  statesReplacingHeld,
  writeFirstCopyPage,
} from './write-first-copy-page.ts';
import { arrivingStatesOf } from '../db/arriving-states.ts';

export type FirstCopyReplication<T = unknown> = {
  state: {
    active$: Observable<boolean>;
    reSync(): void;
    pause(): Promise<void>;
    start(): Promise<void>;
    cancel(): Promise<void>;
    /** Resolves once the first copy is written and RxDB's first pull and push are done. */
    awaitInitialReplication(): Promise<void>;
    awaitInSync(): Promise<unknown>;
    /** RxDB's protocol state once its replication runs (read to say where a sync waits). */
    readonly internalReplicationState: RxReplicationState<
      T,
      ReplicationCheckpoint
    >['internalReplicationState'];
  };
  progress$: BehaviorSubject<PullProgress>;
  pageSize$: BehaviorSubject<PageSizeState>;
};

type Checkpoints = { pull?: ReplicationCheckpoint; push?: unknown };

/**
 * Documents of a copy page written in one transaction: IndexedDB runs read-write transactions on
 * one store one after another, so a live change waits for the part being written, not the page.
 */
const COPY_WRITE_CHUNK = 100;

/**
 * Replicates a mutable collection with RxDB's replication protocol, except a fresh replica's
 * first copy: that is pulled page by page with the same requests and written once
 * (`writeFirstCopyPage`), without the assumed master state RxDB writes beside every pulled
 * document and without its reads before deciding. Once the copy is complete, RxDB's
 * replication starts from the copy's pull checkpoint and from an upstream checkpoint past the
 * copied documents, so it pushes only what the officer changed. A copied document gets its
 * assumed master state when the officer first edits it (`ReplicationMeta.keepAssumedMasters`,
 * called before each local edit), so pushes, conflicts and refusals work as for a document RxDB
 * pulled itself.
 *
 * A live change that comes while the copy runs is written the same way at once; a page fetched
 * before it does not overwrite it with an older state (`writeFirstCopyPage`). It is told to the
 * collection's views as it arrives (`arrivingStatesOf`), since its write waits for the history's
 * part in flight.
 *
 * Fresh means: no document held, RxDB's replication never pulled, no copy under way. A replica
 * mid-copy resumes it; any other replica (one RxDB already filled) replicates through RxDB alone.
 */
export function replicateWithFirstCopy<T extends { id: string }>(
  options: Parameters<typeof replicateCollection<T>>[0] & {
    /** RxDB's metadata of this replication, opened beside it (`openReplicationMeta`). */
    meta: Promise<ReplicationMeta>;
    /** The collection holding the copy's progress in a local document. */
    progressHolder: RxCollection;
    /** Documents of a copy page written in one transaction (tests use fewer). */
    copyWriteChunk?: number;
    /** Where live writes queue, shared with the other collections' history writers. */
    liveTurns?: LiveWriteTurns;
  },
): FirstCopyReplication<T> {
  const replication = replicateCollection<T>({ ...options, startLater: true });
  const chunk = options.copyWriteChunk ?? COPY_WRITE_CHUNK;
  const store = new FirstCopyStore(options.progressHolder, options.name, options.serverUrl);
  let from: Checkpoints | null = null;
  let running = false;
  let paused = false;
  let cancelled = false;
  let copied: () => void = () => undefined;
  const copiedOnce = new Promise<void>((resolve) => (copied = resolve));
  // While the copy runs RxDB's replication does not listen: a live change is written at once,
  // as a copy page is (the history would bring it only at its end). RxDB's pull after the copy
  // brings whatever a failed write missed.
  let copying = false;
  let originHash: string | null = null;
  const liveTurns = options.liveTurns ?? new LiveWriteTurns();
  const recent = new RecentStates<T>();
  // Every write of a remembered document is followed, an edit's included, so a live change is
  // told before its write only over a state still as pulled.
  const followed = options.collection.eventBulks$.subscribe((bulk) => {
    if (!copying) return;
    const events = bulk.events as RxChangeEvent<T>[];
    recent.follow(events.filter((event) => !event.isLocal).map((event) => event.documentData));
  });
  // A complaint on screen is in RxDB's document cache; one the copy wrote, in `recent`.
  const heldOf = (id: string) =>
    recent.stateOf(id) ?? options.collection._docCache.getLatestDocumentDataIfExists(id);
  const arriving = arrivingStatesOf(options.collection);
  /** Tells the stored state of each told document the write did not store (nor a retry). */
  const tellStoredUnlessWritten = async (
    told: readonly RxDocumentData<T>[],
    written: readonly RxDocumentData<T>[],
  ) => {
    const writtenIds = new Set(written.map((state) => state.id));
    const left = told.map((state) => state.id).filter((id) => !writtenIds.has(id));
    if (left.length === 0) return;
    arriving.tell(await options.collection.internalStorageInstance.findDocumentsById(left, true));
  };
  const live = options.stream$.subscribe((item) => {
    if (!copying || paused || cancelled || item === 'RESYNC' || item.documents.length === 0) return;
    const hash = originHash;
    if (hash === null) return;
    // Measured from its arrival to its write (`lapor:live-write`; the poor-link bench reads it).
    const arrived = performance.now();
    const told = statesReplacingHeld(item.documents, hash, heldOf);
    arriving.tell(told);
    void liveTurns
      .run(async () => {
        let written: RxDocumentData<T>[] = [];
        try {
          written = await writeFirstCopyPage(options.collection, item.documents, hash, heldOf);
          recent.remember(written);
          recordMeasure('lapor:live-write', { start: arrived });
        } finally {
          await tellStoredUnlessWritten(told, written);
        }
      })
      .catch(() => undefined);
  });

  const runReplication = async () => {
    if (!from || running || paused || cancelled) return;
    running = true;
    await replication.startFrom(from);
  };
  const finish = async (checkpoints: Checkpoints) => {
    copying = false;
    from = checkpoints;
    copied();
    await runReplication();
  };

  const copy = new SyncLoop(async (isPaused) => {
    if (from) return;
    const meta = await options.meta;
    originHash = meta.originHash;
    let state = await store.load();
    if (!state) {
      const fresh = (await options.collection.count().exec()) === 0 && !(await meta.hasPulled());
      if (!fresh) return finish({});
      state = { checkpoint: undefined, done: false };
    }
    copying = true;
    while (!state.done && !isPaused()) {
      const page = await replication.readPage(state.checkpoint);
      // A live change that came meanwhile is written before the next part of the page.
      await timePageWrite(options.name, () =>
        liveTurns.writeInParts(page.documents, chunk, async (part) =>
          recent.remember(await writeFirstCopyPage(options.collection, part, meta.originHash)),
        ),
      );
      state = {
        checkpoint: page.checkpoint ?? state.checkpoint,
        done: !page.more || page.documents.length === 0,
      };
      await store.save(state);
    }
    if (state.done) await finish({ pull: state.checkpoint, push: AFTER_FIRST_COPY });
  }, options.retryTime ?? 5000);
  copy.request();

  return {
    progress$: replication.progress$,
    pageSize$: replication.pageSize$,
    state: {
      active$: combineLatest([copy.active$, replication.state.active$]).pipe(
        map(([copying, replicating]) => copying || replicating),
      ),
      reSync() {
        if (running) replication.state.reSync();
        else copy.request();
      },
      async pause() {
        paused = true;
        copy.pause();
        if (running) await replication.state.pause();
      },
      async start() {
        paused = false;
        if (running) await replication.state.start();
        else if (from) await runReplication();
        else copy.start();
      },
      async cancel() {
        cancelled = true;
        live.unsubscribe();
        followed.unsubscribe();
        copy.pause();
        await Promise.all([copy.stopped(), liveTurns.idle()]);
        await replication.state.cancel();
      },
      async awaitInitialReplication() {
        await copiedOnce;
        await replication.state.awaitInitialReplication();
      },
      async awaitInSync() {
        await copiedOnce;
        return replication.state.awaitInSync();
      },
      get internalReplicationState() {
        return replication.state.internalReplicationState;
      },
    },
  };
}

/** Opens RxDB's metadata of the replication of `name` with `serverUrl` (see ReplicationMeta). */
export function openReplicationMeta(
  collection: RxCollection,
  name: Parameters<typeof replicationIdentifierOf>[0],
  serverUrl: string,
): Promise<ReplicationMeta> {
  return ReplicationMeta.open(collection, replicationIdentifierOf(name, serverUrl));
}
