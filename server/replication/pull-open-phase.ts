import type { PullResponse, ReplicationCheckpoint } from '../../shared/api/contract.ts';
import { planPageCut } from '../../shared/sync/plan-page-size.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database } from '../db/database.ts';
import { currentChangeSeq } from '../changes/change-counter.ts';
import type { ReplicatedStore } from '../replicated-store.ts';

/**
 * One page of a first sync's open phase: the officer's open complaints (or their timelines' events)
 * at the change number the sync began at, overdue first, then newest. Its checkpoint stays at change number 0 with that
 * start, so the history that follows begins where a plain first pull would, minus these.
 */
export async function pullOpenPhasePage(options: {
  db: Database;
  store: ReplicatedStore<unknown>;
  officer: AuthenticatedOfficer;
  checkpoint: ReplicationCheckpoint;
  limit: number;
  maxBytes: number | undefined;
  count: boolean;
  now: () => number;
}): Promise<{
  page: PullResponse<unknown>;
  /** The checkpoint after the page's document at `index` (a part sent on its own ends there). */
  resumeAfter: (index: number) => ReplicationCheckpoint;
}> {
  const { db, store, officer, checkpoint } = options;
  if (!store.pullOpen) throw new Error(`${store.collection} has no open phase`);
  const head = checkpoint.firstPullHead ?? (await currentChangeSeq(db));
  const asOf = checkpoint.open?.asOf ?? options.now();
  const found = await store.pullOpen(db, officer, {
    head,
    asOf,
    after: checkpoint.open?.after ?? null,
    limit: options.limit,
  });
  const keep =
    options.maxBytes === undefined
      ? found.length
      : planPageCut(
          found.map((row) => Buffer.byteLength(JSON.stringify(row.document))),
          options.maxBytes,
        );
  const rows = found.slice(0, keep);
  const documents = rows.map((row) => row.document);
  const done = keep === found.length && found.length < options.limit;
  const after = rows[rows.length - 1]?.cursor ?? checkpoint.open?.after ?? null;
  const page: PullResponse<unknown> = {
    documents,
    checkpoint: { seq: 0, firstPullHead: head, open: { asOf, after: done ? null : after, done } },
    // The history follows the open phase.
    more: true,
  };
  if (options.count)
    page.remaining = Math.max(0, (await store.countAfter(db, officer, 0, head)) - documents.length);
  return {
    page,
    resumeAfter: (index) => ({
      seq: 0,
      firstPullHead: head,
      open: { asOf, after: rows[index]!.cursor, done: false },
    }),
  };
}
