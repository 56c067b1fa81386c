import type { PullResponse, PushRow, WireDocument } from '../shared/api/contract.ts';
import type { ReplicatedCollection } from '../shared/schemas/rx-schemas.ts';
import type { AuthenticatedOfficer } from './auth/session-store.ts';
import type { Database } from './db/database.ts';
import type { OpenCursor } from '../shared/sync/plan-first-sync-phase.ts';

/** One page of a first sync's open phase (see shared/sync/plan-first-sync-phase.ts). */
export type OpenPhaseQuery = {
  /** Only documents at or below the change number the first sync began at. */
  head: number;
  asOf: number;
  after: OpenCursor | null;
  limit: number;
};

export type OpenPhaseRow<T> = { document: WireDocument<T>; cursor: OpenCursor };

export type PushOutcome<T> = {
  /** Master states the client must resolve against (RxDB's push response). */
  conflicts: WireDocument<T>[];
  accepted: number;
  refused: number;
  /** Collections whose devices must pull after this push, in the order they are announced. */
  touched: ReplicatedCollection[];
};

/**
 * What a push touched: its own collection and `also.onAccept` when it stored something,
 * `also.onAnyRow` when it stored or refused something, and the refusals list when it refused.
 */
export function touchedCollections(
  collection: ReplicatedCollection,
  outcome: { accepted: number; refused: number },
  also: {
    onAccept?: readonly ReplicatedCollection[];
    onAnyRow?: readonly ReplicatedCollection[];
  } = {},
): ReplicatedCollection[] {
  const touched: ReplicatedCollection[] = [];
  if (outcome.accepted > 0) touched.push(collection, ...(also.onAccept ?? []));
  if (outcome.accepted + outcome.refused > 0) touched.push(...(also.onAnyRow ?? []));
  if (outcome.refused > 0) touched.push('sync_rejections');
  return touched;
}

/** One replicated collection as the HTTP layer sees it; every call is scoped to the officer. */
export interface ReplicatedStore<T> {
  readonly collection: ReplicatedCollection;
  pull(
    db: Database,
    officer: AuthenticatedOfficer,
    afterSeq: number,
    limit: number,
    /**
     * Tombstones at or below this change number are left out (a first pull's start: the replica
     * never held what had left the officer's scope by then); `afterSeq` when not given.
     */
    tombstonesAfter?: number,
    /**
     * A first sync's history after its open phase: open documents at or below this change number
     * came in the open phase and are left out.
     */
    exceptOpenUpTo?: number,
  ): Promise<PullResponse<T>>;
  /**
   * The open documents first, in the open phase's order, each with its place in that order;
   * only collections that have one.
   */
  pullOpen?(
    db: Database,
    officer: AuthenticatedOfficer,
    query: OpenPhaseQuery,
  ): Promise<OpenPhaseRow<T>[]>;
  /** How many documents in the officer's scope have a change number above `afterSeq`. */
  countAfter(
    db: Database,
    officer: AuthenticatedOfficer,
    afterSeq: number,
    tombstonesAfter?: number,
  ): Promise<number>;
  push(
    db: Database,
    officer: AuthenticatedOfficer,
    rows: PushRow<unknown>[],
    now: number,
  ): Promise<PushOutcome<T>>;
}
