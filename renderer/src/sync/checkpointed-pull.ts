import type { RxCollection } from 'rxdb';
import type { PullResponse, ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { getJson } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import { PagePrefetch } from './page-prefetch.ts';
import type { PullCheckpointStore } from './pull-checkpoint-store.ts';
import { timePageWrite } from './time-page-write.ts';
import { writePageOnce } from './write-page-once.ts';

/**
 * Pulls an append-only collection page by page from its stored checkpoint until a page comes
 * back short, writing each page once and only then storing the checkpoint after it: a cut
 * mid-page (or the app closed) pulls that page again, and writing by id makes that harmless.
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
  pageSize: number;
  prioritiseOpen?: boolean;
}): (paused: () => boolean) => Promise<void> {
  const { name, serverUrl, tokens, pageSize } = options;
  const fetchPage = (checkpoint: ReplicationCheckpoint | undefined) => {
    const params = new URLSearchParams({
      checkpoint: JSON.stringify(checkpoint ?? { seq: 0 }),
      limit: String(pageSize),
    });
    if (options.prioritiseOpen) params.set('priority', '1');
    return tokens.withAccessToken((token) =>
      getJson(`${serverUrl}/api/replication/${name}/pull?${params.toString()}`, token),
    ) as Promise<PullResponse<T>>;
  };
  const prefetch = new PagePrefetch<PullResponse<T>>();

  return async function pullUntilCaughtUp(paused) {
    let checkpoint = await options.checkpoints.load();
    while (!paused()) {
      const page = (await prefetch.take(checkpoint, pageSize)) ?? (await fetchPage(checkpoint));
      const next = page.checkpoint ?? checkpoint;
      // An open phase's page may be short and still have more behind it.
      const full = page.more ?? page.documents.length >= pageSize;
      // The next page is fetched while this one is written.
      if (full && next) prefetch.start(next, pageSize, () => fetchPage(next));
      await timePageWrite(name, () => writePageOnce(options.collection, page.documents));
      // A full page that did not move the checkpoint would be asked for again for ever.
      if (!next || JSON.stringify(next) === JSON.stringify(checkpoint)) return;
      await options.checkpoints.save(next);
      checkpoint = next;
      if (!full) return;
    }
  };
}
