import { BehaviorSubject, type Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type {
  PullResponse,
  ReplicationCheckpoint,
  WireDocument,
} from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { getJson, postLargeJson } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { PendingChanges } from './pending-changes.ts';
import { PagePrefetch } from './page-prefetch.ts';

export type PullProgress = { pulled: number; remaining: number | null };

export type CollectionReplication<T> = {
  state: RxReplicationState<T, ReplicationCheckpoint>;
  progress$: BehaviorSubject<PullProgress>;
};

const PULL_BATCH = 1000;
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
}): CollectionReplication<T> {
  const { serverUrl, name, tokens } = options;
  const base = `${serverUrl}/api/replication/${name}`;
  const progress$ = new BehaviorSubject<PullProgress>({ pulled: 0, remaining: null });
  let askedForCount = false;
  const fetchPage = (checkpoint: ReplicationCheckpoint | undefined, batchSize: number) => {
    const params = new URLSearchParams({
      checkpoint: JSON.stringify(checkpoint ?? { seq: 0 }),
      limit: String(batchSize),
    });
    if (!askedForCount) params.set('count', '1');
    return tokens.withAccessToken((token) =>
      getJson(`${base}/pull?${params.toString()}`, token),
    ) as Promise<PullResponse<T>>;
  };
  const prefetch = new PagePrefetch<PullResponse<T>>();

  const state = replicateRxCollection<T, ReplicationCheckpoint>({
    collection: options.collection,
    replicationIdentifier: `lapor-${name}-${serverUrl}`,
    live: true,
    retryTime: options.retryTime ?? 5000,
    waitForLeadership: false,
    pull: {
      batchSize: PULL_BATCH,
      async handler(checkpoint, batchSize) {
        const page =
          (await prefetch.take(checkpoint, batchSize)) ?? (await fetchPage(checkpoint, batchSize));
        askedForCount = true;
        // A full page means more are waiting: the next one is fetched while this one is written.
        const next = page.checkpoint;
        if (page.documents.length === batchSize && next)
          prefetch.start(next, batchSize, () => fetchPage(next, batchSize));
        const previous = progress$.value;
        progress$.next({
          pulled: previous.pulled + page.documents.length,
          remaining:
            page.remaining ??
            (previous.remaining === null
              ? null
              : Math.max(0, previous.remaining - page.documents.length)),
        });
        return { documents: page.documents, checkpoint: page.checkpoint ?? checkpoint };
      },
      stream$: options.stream$,
    },
    push: {
      batchSize: PUSH_BATCH,
      async handler(rows) {
        await options.beforePush?.(rows.map((row) => row.newDocumentState as T));
        const snapshot = options.pending?.snapshot(
          name,
          rows.map((row) => row.newDocumentState.id),
        );
        const conflicts = (await tokens.withAccessToken((token) =>
          postLargeJson(`${base}/push`, rows, token),
        )) as WireDocument<T>[];
        if (snapshot) await options.pending?.settle(snapshot);
        return conflicts;
      },
    },
  });
  return { state, progress$ };
}
