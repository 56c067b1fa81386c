import { filter } from 'rxjs';
import { getAssumedMasterState, writeDocToDocState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { pendingKey } from '../../../shared/sync/pending-edits.ts';
import type { PendingChanges } from './pending-changes.ts';

/**
 * Each time the replication goes idle, forgets the pending count of every document that holds
 * exactly RxDB's assumed master state: the replication has nothing of it to push, so nothing
 * would ever settle that count. It happens when edits come back to the server's state in ways
 * one window cannot see (another window undoing this one's edit before it was pushed, a conflict
 * resolved into the master). Counts taken before the check are settled, so an edit counted in
 * the meantime stays counted.
 */
export function settleWhenIdle<T, Checkpoint>(
  state: RxReplicationState<T, Checkpoint>,
  name: ReplicatedCollection,
  pending: PendingChanges,
): void {
  const subscription = state.active$.pipe(filter((active) => !active)).subscribe(() => {
    void settleInSync(state, name, pending).catch(() => undefined);
  });
  state.onCancel.push(() => subscription.unsubscribe());
}

async function settleInSync<T, Checkpoint>(
  state: RxReplicationState<T, Checkpoint>,
  name: ReplicatedCollection,
  pending: PendingChanges,
): Promise<void> {
  const internal = state.internalReplicationState;
  const ids = pending.idsPending(name);
  if (!internal || ids.length === 0 || state.isStopped()) return;
  const counted = pending.snapshot(name, ids);
  const [forks, masters] = await Promise.all([
    state.collection.storageInstance.findDocumentsById(ids, true),
    getAssumedMasterState(internal, ids),
  ]);
  // A push started meanwhile settles its own counts.
  if (internal.events.active.up.getValue()) return;
  const conflictHandler = state.collection.conflictHandler;
  const primaryPath = state.collection.schema.primaryPath as string;
  const inSync = new Set(
    forks
      .map((fork) => ({ id: String((fork as Record<string, unknown>)[primaryPath]), fork }))
      .filter(({ id, fork }) => {
        const master = masters[id];
        return (
          master !== undefined &&
          conflictHandler.isEqual(
            master.docData as never,
            writeDocToDocState(fork, false, false) as never,
            'lapor-pending-check',
          )
        );
      })
      .map(({ id }) => pendingKey(name, id)),
  );
  if (inSync.size === 0) return;
  await pending.settle(new Map([...counted].filter(([key]) => inSync.has(key))));
}
