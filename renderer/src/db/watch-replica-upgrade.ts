import type { RxDatabase } from 'rxdb';
import type { RxMigrationState, RxMigrationStatus } from 'rxdb/plugins/migration-schema';
import type { Subscription } from 'rxjs';

/** How far the rewrite of the replica's documents to the current schema has got. */
export type ReplicaUpgradeProgress = { handled: number; total: number };

/**
 * Reports the progress of RxDB's schema migrations while the replica's collections are added:
 * a new workstation version whose schema changed rewrites every stored document once, which
 * for 100,000 complaints takes minutes. Counts are summed over the collections being migrated.
 * Call the returned function to stop watching.
 */
export function watchReplicaUpgrade(
  db: Pick<RxDatabase, 'migrationStates'>,
  onProgress: (progress: ReplicaUpgradeProgress) => void,
): () => void {
  const statuses = new Map<string, RxMigrationStatus>();
  const watched = new Set<RxMigrationState>();
  const subscriptions: Subscription[] = [];
  let stopped = false;
  const watch = async (state: RxMigrationState) => {
    // A replica upgraded before keeps the finished migration's status: only a pending one counts.
    if (!(await state.mustMigrate) || stopped) return;
    subscriptions.push(
      state.$.subscribe((status) => {
        statuses.set(status.collectionName, status);
        onProgress(sumMigrationCounts([...statuses.values()]));
      }),
    );
  };
  subscriptions.push(
    db.migrationStates().subscribe((states) => {
      for (const state of states) {
        if (watched.has(state)) continue;
        watched.add(state);
        // RxDB announces a migration state from its constructor, before it has set `$`.
        queueMicrotask(() => void watch(state));
      }
    }),
  );
  return () => {
    stopped = true;
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}

/** Documents handled and to handle over several collections' migrations. */
export function sumMigrationCounts(statuses: readonly RxMigrationStatus[]): ReplicaUpgradeProgress {
  let handled = 0;
  let total = 0;
  for (const status of statuses) {
    handled += status.count.handled;
    total += status.count.total;
  }
  return { handled, total };
}
