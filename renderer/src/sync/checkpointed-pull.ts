import type { RxCollection } from 'rxdb';
import type { PullResponse, ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { getPullPage } from '../api/get-pull-page.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { PageSizeLimits } from '../../../shared/sync/plan-page-size.ts';
import { PageBudget } from './page-budget.ts';
import { PagePrefetch } from './page-prefetch.ts';
import type { PullCheckpointStore } from './pull-checkpoint-store.ts';
import { LiveWriteTurns } from './live-write-turns.ts';
import { timePageWrite } from './time-page-write.ts';
import { writePageOnce } from './write-page-once.ts';

/**
 * Documents written in one transaction. A live change of a complaint waited for a timeline part
 * being written, though it goes to another database: with parts of 1,000 events (1.6-2.8 s each
 * on the poor-link bench) its writes took 0.4-0.7 s, with parts of 100 a few to ~100 ms.
 */
const WRITE_CHUNK = 100;

/**
 * Pulls an append-only collection page by page from its stored checkpoint until the server
 * says nothing follows (`more: false`, or a page short of `pageSize` where it does not say),
 * writing each page once and only then storing the checkpoint after it: a page cut mid-body
 * brings the parts that arrived whole (their checkpoint is the page's), the app closed mid-page
 * pulls that page again, and writing by id makes that harmless.
 * Pages are sized in bytes (shared/sync/plan-page-size.ts), `pageSize` documents at most: a cut
 * answer shrinks the next pages, whole ones grow them back.
 * The page shape is the server's plain `{ documents, checkpoint }`. With `prioritiseOpen` a
 * first pull brings the documents of the officer's open complaints first (see
 * shared/sync/plan-first-sync-phase.ts): the server says `more` while its open phase pages on,
 * and the phase rides in the stored checkpoint, so a pull closed mid-phase resumes in it.
 */
export function checkpointedPull<T extends { id: string }>(options: {
  collection: RxCollection<T>;
  name: ReplicatedCollection;
  serverUrl: string;
  tokens: AccessTokenProvider;
  checkpoints: PullCheckpointStore;
  /** Documents per page at most; the byte budget usually ends a page sooner. */
  pageSize: number;
  pageSizeLimits?: PageSizeLimits;
  prioritiseOpen?: boolean;
  /** Live writes of other collections, which go before each next part of a page. */
  liveTurns?: LiveWriteTurns;
}): (paused: () => boolean) => Promise<void> {
  const { name, serverUrl, tokens, pageSize } = options;
  const liveTurns = options.liveTurns ?? new LiveWriteTurns();
  const budget = new PageBudget(options.pageSizeLimits);
  const fetchPage = (checkpoint: ReplicationCheckpoint | undefined) => {
    const params = new URLSearchParams({
      checkpoint: JSON.stringify(checkpoint ?? { seq: 0 }),
      limit: String(pageSize),
      maxBytes: String(budget.jsonBytes()),
    });
    if (options.prioritiseOpen) params.set('priority', '1');
    return budget.track(() =>
      tokens.withAccessToken((token) =>
        getPullPage<T>(`${serverUrl}/api/replication/${name}/pull?${params.toString()}`, token),
      ),
    );
  };
  const prefetch = new PagePrefetch<PullResponse<T>>();

  return async function pullUntilCaughtUp(paused) {
    let checkpoint = await options.checkpoints.load();
    while (!paused()) {
      const page = (await prefetch.take(checkpoint, pageSize)) ?? (await fetchPage(checkpoint));
      const next = page.checkpoint ?? checkpoint;
      // A page cut by its byte budget, or an open phase's, may be short with more behind it.
      const full = page.more ?? page.documents.length >= pageSize;
      // The next page is fetched while this one is written.
      if (full && next) prefetch.start(next, pageSize, () => fetchPage(next));
      await timePageWrite(name, () =>
        liveTurns.writeInParts(page.documents, WRITE_CHUNK, (part) =>
          writePageOnce(options.collection, part),
        ),
      );
      // A full page that did not move the checkpoint would be asked for again for ever.
      if (!next || JSON.stringify(next) === JSON.stringify(checkpoint)) return;
      await options.checkpoints.save(next);
      checkpoint = next;
      if (!full) return;
    }
  };
}
