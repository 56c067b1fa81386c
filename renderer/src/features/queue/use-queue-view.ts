import { useMemo } from 'react';
import { filterQueueColumns, type FilteredQueue } from '../../../../shared/queue/filter-queue.ts';
import type { QueueCriteria } from '../../../../shared/queue/queue-criteria.ts';
import { searchTokens } from '../../../../shared/search/normalize-search-text.ts';
import type { PlaceLookup } from '../../../../shared/regions/region-directory.ts';
import type { QueueStore, QueueStoreSnapshot } from './queue-store.ts';

/** The rows and per-choice counts for the criteria, recomputed only when an input changes. */
export function useQueueView(
  store: QueueStore,
  snapshot: QueueStoreSnapshot,
  criteria: QueueCriteria,
  now: number,
  utcOffsetMinutes: number,
  places?: PlaceLookup,
): FilteredQueue | null {
  const searching = searchTokens(criteria.query).length > 0;
  const columns = useMemo(
    () => store.columnsInOrder(criteria.sort),
    // Every change of the queue's data is a new snapshot version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, criteria.sort, snapshot.version],
  );
  const searchMask = useMemo(
    () => (searching ? store.searchMask(criteria.query, columns, places) : null),
    // The index grows while it is built: how far it is, is in the snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, columns, searching, criteria.query, snapshot.indexed, places],
  );
  return useMemo(() => {
    if (!snapshot.loaded && snapshot.total === 0) return null;
    return filterQueueColumns(columns, criteria, {
      now,
      utcOffsetMinutes,
      searchMatches: null,
      searchMask,
    });
  }, [columns, snapshot.loaded, snapshot.total, criteria, now, utcOffsetMinutes, searchMask]);
}
