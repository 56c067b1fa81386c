import { useMemo } from 'react';
import { filterQueueColumns, type FilteredQueue } from '../../../../shared/queue/filter-queue.ts';
import type { QueueCriteria } from '../../../../shared/queue/queue-criteria.ts';
import { searchTokens } from '../../../../shared/search/normalize-search-text.ts';
import type { QueueStore, QueueStoreSnapshot } from './queue-store.ts';

/** The rows and per-choice counts for the criteria, recomputed only when an input changes. */
export function useQueueView(
  store: QueueStore,
  snapshot: QueueStoreSnapshot,
  criteria: QueueCriteria,
  now: number,
  utcOffsetMinutes: number,
): FilteredQueue | null {
  const searching = searchTokens(criteria.query).length > 0;
  const searchMatches = useMemo(
    () => (searching ? store.match(criteria.query) : null),
    // The index grows while it is built and changes with every write: both are in the snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, searching, criteria.query, snapshot.version, snapshot.indexed],
  );
  return useMemo(() => {
    if (!snapshot.loaded && snapshot.total === 0) return null;
    return filterQueueColumns(store.columnsInOrder(criteria.sort), criteria, {
      now,
      utcOffsetMinutes,
      searchMatches,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, snapshot.version, snapshot.loaded, criteria, now, utcOffsetMinutes, searchMatches]);
}
