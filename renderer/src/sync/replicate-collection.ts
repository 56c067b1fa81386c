import { BehaviorSubject, type Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { ReplicationPullOptions, ReplicationPushOptions } from 'rxdb';
import {
  MAX_PULL_LIMIT,
  type PullResponse,
  type ReplicationCheckpoint,
  type WireDocument,
} from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { postLargeJson } from '../api/api-client.ts';
import { getPullPage } from '../api/get-pull-page.ts';
import type { PageSizeLimits, PageSizeState } from '../../../shared/sync/plan-page-size.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { PendingChanges } from './pending-changes.ts';
import { PageBudget } from './page-budget.ts';
import { PagePrefetch } from './page-prefetch.ts';
import { PushCrossings } from './push-crossings.ts';
import { settleWhenIdle } from './settle-when-idle.ts';

export type PullProgress = {
  pulled: number;
  remaining: number | null;
  /** Documents the first sync's open phase brought, once it is done (null before, or without). */
  openPulled: number | null;
};

export type CollectionReplication<T> = {
  state: RxReplicationState<T, ReplicationCheckpoint>;
  progress$: BehaviorSubject<PullProgress>;
  /** The byte size pages are asked at: smaller after a cut, growing back after whole pages. */
  pageSize$: BehaviorSubject<PageSizeState>;
  /**
   * Pulls the page after `checkpoint` as RxDB's pull would (sized in bytes, the next one fetched
   * ahead, progress counted); for a first copy made outside RxDB's protocol.
   */
  readPage(checkpoint: ReplicationCheckpoint | undefined): Promise<PullResponse<T>>;
  /** With `startLater`: starts RxDB's replication, from these checkpoints when it has none. */
  startFrom(checkpoints: { pull?: ReplicationCheckpoint; push?: unknown }): Promise<void>;
};

/** The name RxDB's replication of `name` with `serverUrl` goes by (its metadata is kept under it). */
export function replicationIdentifierOf(name: ReplicatedCollection, serverUrl: string): string {
  return `lapor-${name}-${serverUrl}`;
}

/** Documents per page at most; the page's byte budget usually ends it sooner. */
const PULL_DOCUMENTS = MAX_PULL_LIMIT;
const PUSH_BATCH = 100;

export function replicateCollection<T extends { id: string }>(options: {
  collection: RxCollection<T>;
  name: ReplicatedCollection;
  serverUrl: string;
  tokens: AccessTokenProvider;
  stream$: Observable<RxReplicationPullStreamItem<T, ReplicationCheckpoint>>;
  pending?: PendingChanges;
  /** Wait before retrying a failed pull or push. */
  retryTime?: number;
  /** Runs before each push with the documents about to go; a throw retries the push. */
  beforePush?: (documents: T[]) => Promise<void>;
  /** How pages are sized in bytes (tests use small ones). */
  pageSizeLimits?: PageSizeLimits;
  /** A first pull brings the officer's open documents first (see plan-first-sync-phase.ts). */
  prioritiseOpen?: boolean;
  /** RxDB's replication waits for `startFrom` (a first copy is made before it). */
  startLater?: boolean;
}): CollectionReplication<T> {
  const { serverUrl, name, tokens } = options;
  const base = `${serverUrl}/api/replication/${name}`;
  const progress$ = new BehaviorSubject<PullProgress>({
    pulled: 0,
    remaining: null,
    openPulled: null,
  });
  const budget = new PageBudget(options.pageSizeLimits);
  let askedForCount = false;
  const fetchPage = async (checkpoint: ReplicationCheckpoint | undefined, maxBytes: number) => {
    const params = new URLSearchParams({
      checkpoint: JSON.stringify(checkpoint ?? { seq: 0 }),
      limit: String(PULL_DOCUMENTS),
      maxBytes: String(maxBytes),
    });
    if (!askedForCount) params.set('count', '1');
    if (options.prioritiseOpen) params.set('priority', '1');
    return budget.track(() =>
      tokens.withAccessToken((token) => getPullPage<T>(`${base}/pull?${params.toString()}`, token)),
    );
  };
  const prefetch = new PagePrefetch<PullResponse<T>>();
  const readPage = async (at: ReplicationCheckpoint | undefined): Promise<PullResponse<T>> => {
    // A page fetched ahead is right whatever budget it was asked with; after a failed one the
    // budget is read afresh (a cut has just shrunk it).
    const page =
      (await prefetch.take(at, PULL_DOCUMENTS)) ?? (await fetchPage(at, budget.jsonBytes()));
    // A page cut before its last line brings no count: the next one asks again.
    if (page.remaining !== undefined) askedForCount = true;
    const next = page.checkpoint ?? at;
    // More waiting: the next page is fetched while this one is handled.
    if (page.more && next) {
      const nextBudget = budget.jsonBytes();
      prefetch.start(next, PULL_DOCUMENTS, () => fetchPage(next, nextBudget));
    }
    const previous = progress$.value;
    const pulled = previous.pulled + page.documents.length;
    progress$.next({
      pulled,
      openPulled: previous.openPulled ?? (page.checkpoint?.open?.done ? pulled : null),
      remaining:
        page.remaining ??
        (previous.remaining === null
          ? null
          : Math.max(0, previous.remaining - page.documents.length)),
    });
    return page;
  };

  const crossings = new PushCrossings();
  const pull: ReplicationPullOptions<T, ReplicationCheckpoint> = {
    batchSize: PULL_DOCUMENTS,
    // RxDB ends a pull run on an answer shorter than its batch, so pages sized by bytes are
    // gathered until a batch is full or the server says nothing follows.
    async handler(checkpoint, batchSize) {
      const documents: PullResponse<T>['documents'] = [];
      let at = checkpoint;
      let page: PullResponse<T>;
      const crossed = crossings.watch();
      try {
        do {
          page = await readPage(at);
          documents.push(...page.documents);
          at = page.checkpoint ?? at;
        } while (page.more && page.documents.length > 0 && documents.length < batchSize);
      } finally {
        crossings.unwatch(crossed);
      }
      // RxDB skips a pulled document whose local copy has a write not yet confirmed, and moves
      // its checkpoint past it; if that write's push is then accepted (an empty answer), the
      // device would keep its own copy without the server's stamps for ever. So a page holding
      // a document pushed meanwhile is handed over once that push and its bookkeeping are done.
      if (documents.some((document) => crossed.has(document.id))) {
        await state.internalReplicationState?.streamQueue.up;
      }
      return { documents, checkpoint: at ?? { seq: 0 } };
    },
    stream$: options.stream$,
  };
  const push: ReplicationPushOptions<T> = {
    batchSize: PUSH_BATCH,
    async handler(rows) {
      const answered = crossings.pushing(rows.map((row) => row.newDocumentState.id));
      try {
        await options.beforePush?.(rows.map((row) => row.newDocumentState as T));
        const snapshot = options.pending?.snapshot(
          name,
          rows.map((row) => row.newDocumentState.id),
        );
        const conflicts = (await tokens.withAccessToken((token) =>
          postLargeJson(`${base}/push`, rows, token),
        )) as WireDocument<T>[];
        if (snapshot) await options.pending?.settle(snapshot);
        await options.pending?.settleAgainst(
          name,
          rows.map((row) => row.newDocumentState),
          conflicts,
        );
        return conflicts;
      } finally {
        answered();
      }
    },
  };
  const state = replicateRxCollection<T, ReplicationCheckpoint>({
    collection: options.collection,
    replicationIdentifier: replicationIdentifierOf(name, serverUrl),
    live: true,
    retryTime: options.retryTime ?? 5000,
    waitForLeadership: false,
    autoStart: !options.startLater,
    pull,
    push,
  });
  if (options.pending) settleWhenIdle(state, name, options.pending);
  return {
    state,
    progress$,
    pageSize$: budget.size$,
    readPage,
    async startFrom(checkpoints) {
      // RxDB reads these when it starts, and only where it has no checkpoint of its own.
      if (checkpoints.pull) pull.initialCheckpoint = checkpoints.pull;
      if (checkpoints.push) push.initialCheckpoint = checkpoints.push;
      await state.start();
    },
  };
}
