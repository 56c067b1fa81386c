import { combineLatest, map, type Observable, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { MAX_PULL_LIMIT_BY_BYTES } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import type { PageSizeLimits } from '../../../shared/sync/plan-page-size.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import { checkpointedPull } from './checkpointed-pull.ts';
import type { LiveWriteTurns } from './live-write-turns.ts';
import { EventOutbox } from './event-outbox.ts';
import type { PendingChanges } from './pending-changes.ts';
import { PullCheckpointStore } from './pull-checkpoint-store.ts';
import { SyncLoop } from './sync-loop.ts';

const PUSH_BATCH = 100;

export type AppendOnlyReplication = {
  state: {
    active$: Observable<boolean>;
    reSync(): void;
    pause(): Promise<void>;
    start(): Promise<void>;
    cancel(): Promise<void>;
    /** Resolves once nothing waits to be pulled or sent (retrying through failures). */
    awaitInSync(): Promise<void>;
  };
};

/**
 * Syncs a collection the server never lets change (a complaint's timeline) outside RxDB's
 * replication protocol: a checkpointed pull that writes each document once, and an outbox of
 * the device's documents not yet accepted. Runs in the window that syncs for the officer; the
 * other windows' writes reach it through the replica. Each live change announced for the
 * collection (or a reconnect's RESYNC) wakes the pull.
 */
export function replicateAppendOnly<T extends { id: string; serverSeq: number }>(options: {
  collection: RxCollection<T>;
  name: ReplicatedCollection;
  serverUrl: string;
  tokens: AccessTokenProvider;
  pending: PendingChanges;
  /** Any item wakes the pull; the documents it carries are pulled, not taken from it. */
  stream$: Observable<unknown>;
  /** The collection holding the pull checkpoint in a local document. */
  checkpointHolder: RxCollection;
  retryTime?: number;
  /** A first pull brings the timelines of the officer's open complaints first. */
  prioritiseOpen?: boolean;
  /** Documents per pull page at most; the page's byte budget usually ends it sooner. */
  pullPageSize?: number;
  /** How pages are sized in bytes (tests use small ones). */
  pageSizeLimits?: PageSizeLimits;
  /** Live writes of other collections, which go before each next part of a pulled page. */
  liveTurns?: LiveWriteTurns;
  beforePush?: (documents: T[]) => Promise<void>;
}): AppendOnlyReplication {
  const retryMs = options.retryTime ?? 5000;
  const pull = new SyncLoop(
    checkpointedPull({
      collection: options.collection,
      name: options.name,
      serverUrl: options.serverUrl,
      tokens: options.tokens,
      checkpoints: new PullCheckpointStore(
        options.checkpointHolder,
        options.name,
        options.serverUrl,
      ),
      pageSize: options.pullPageSize ?? MAX_PULL_LIMIT_BY_BYTES,
      ...(options.pageSizeLimits ? { pageSizeLimits: options.pageSizeLimits } : {}),
      prioritiseOpen: options.prioritiseOpen ?? false,
      ...(options.liveTurns ? { liveTurns: options.liveTurns } : {}),
    }),
    retryMs,
  );
  const outbox = new EventOutbox<T>({
    collection: options.collection,
    name: options.name,
    serverUrl: options.serverUrl,
    tokens: options.tokens,
    pending: options.pending,
    batchSize: PUSH_BATCH,
    ...(options.beforePush ? { beforePush: options.beforePush } : {}),
  });
  const send = new SyncLoop((paused) => outbox.sendAll(paused), retryMs);

  let subscriptions: Subscription[] = [];
  const watch = () => {
    subscriptions = [
      options.stream$.subscribe(() => pull.request()),
      // Woken by writes, not by the pending count: the count is taken before its write, and a
      // send between the two would carry the state before it.
      options.collection.$.subscribe((change) => {
        if (change.operation === 'INSERT') outbox.noteWritten(change.documentData as T);
        if (outbox.hasWaiting()) send.request();
      }),
    ];
  };
  const unwatch = () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    subscriptions = [];
  };
  watch();
  pull.request();
  send.request();

  return {
    state: {
      active$: combineLatest([pull.active$, send.active$]).pipe(
        map(([pulling, sending]) => pulling || sending),
      ),
      reSync() {
        pull.request();
        send.request();
      },
      // Paused, it still notes what is written, to send it once started again.
      async pause() {
        pull.pause();
        send.pause();
      },
      async start() {
        if (subscriptions.length === 0) watch();
        pull.start();
        send.start();
      },
      async cancel() {
        unwatch();
        pull.pause();
        send.pause();
        await Promise.all([pull.stopped(), send.stopped()]);
      },
      async awaitInSync() {
        await Promise.all([pull.idle(), send.idle()]);
      },
    },
  };
}
