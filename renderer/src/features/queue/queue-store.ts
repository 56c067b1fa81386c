import type { RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { QueueSort } from '../../../../shared/queue/queue-criteria.ts';
import {
  searchableTextOf,
  toQueueEntry,
  type QueueEntry,
} from '../../../../shared/queue/queue-entry.ts';
import { compareQueueEntries, sortQueueEntries } from '../../../../shared/queue/filter-queue.ts';
import {
  buildQueueColumns,
  patchQueueColumns,
  shiftForMoves,
  type QueueColumnMove,
  type QueueColumns,
} from '../../../../shared/queue/queue-columns.ts';
import { SearchIndex, type SearchMatches } from '../../../../shared/search/search-index.ts';
import { searchTokens } from '../../../../shared/search/normalize-search-text.ts';
import type { PlaceLookup } from '../../../../shared/regions/region-directory.ts';
import { readAllDocuments } from '../../db/read-all-documents.ts';
import { readQueueHead } from '../../db/read-queue-head.ts';
import { arrivingStatesOf } from '../../db/arriving-states.ts';
import { ACTIVE_STATUSES } from '../../../../shared/queue/queue-criteria.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';

const LOAD_PAGE = 5_000;
/** Read first, through an index, so a cold start shows the right first page at once. */
const HEAD_PER_STATUS = 300;
const HEAD_LEAST = 100;
/** Documents indexed per slice of work; a slice stays well under a frame budget of 50 ms. */
const INDEX_SLICE = 200;
/** Above this many changes at once the order is rebuilt rather than patched. */
const PATCH_LIMIT = 300;
/** Above this many, the filter columns are rebuilt rather than shifted once per change. */
const COLUMN_PATCH_LIMIT = 20;
const NOTIFY_DELAY_MS = 16;
/** A live change arriving is shown in the next task: it comes alone, not in a burst of writes. */
const ARRIVING_NOTIFY_DELAY_MS = 0;
const BULK_NOTIFY_DELAY_MS = 1_000;
/** While a sync writes batch after batch, showing the queue costs more the more it holds. */
const BULK_NOTIFY_MS_PER_THOUSAND = 40;
const BULK_NOTIFY_MAX_DELAY_MS = 4_000;
/** Indexing waits until sync batches stop coming for this long, leaving the sync the CPU. */
const INDEX_AFTER_QUIET_MS = 1_500;
const LOAD_PROGRESS_INTERVAL_MS = 1_500;

/** What the store reads of a change: a change event, or a state the replication is storing. */
type QueueChange = Pick<RxChangeEvent<Complaint>, 'documentId' | 'operation' | 'documentData'>;

function asChange(state: RxDocumentData<Complaint>): QueueChange {
  return {
    documentId: state.id,
    operation: state._deleted ? 'DELETE' : 'UPDATE',
    documentData: state,
  };
}

export type QueueStoreSnapshot = {
  version: number;
  loaded: boolean;
  /** Documents in the search index, of those in the queue. */
  indexed: number;
  total: number;
};

type SortedCache = { sort: QueueSort; version: number; entries: QueueEntry[] };
type ColumnsCache = { sort: QueueSort; version: number; columns: QueueColumns };
type OrdinalsCache = {
  columns: QueueColumns;
  revision: number;
  numbering: number;
  ordinals: Int32Array;
};

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The whole complaint queue of the replica in memory, in compact form, kept current from the
 * collection's change events (one pass over the replica at start, then one entry per change).
 * Filtering, counting and sorting 100,000 entries in memory is faster than any IndexedDB query.
 */
export class QueueStore {
  private entries = new Map<string, QueueEntry>();
  private searchIndex = new SearchIndex();
  /** Texts waiting to be indexed, by id; a newer text replaces a waiting older one. */
  private unindexed = new Map<string, string>();
  private indexing = false;
  private snapshot: QueueStoreSnapshot = { version: 0, loaded: false, indexed: 0, total: 0 };
  private readonly listeners = new Set<() => void>();
  private sorted: SortedCache | null = null;
  private columns: ColumnsCache | null = null;
  private searchOrdinals: OrdinalsCache | null = null;
  private subscription: Subscription | null = null;
  /** Bumped by every start and stop, so work begun by an earlier start knows it is stale. */
  private generation = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private notifyDueAt = 0;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly collection: RxCollection<Complaint>;

  constructor(complaints: RxCollection<Complaint>) {
    this.collection = complaints;
  }

  /** Loads the replica's complaints and follows their changes; a later start begins afresh. */
  async start(): Promise<void> {
    this.stop();
    const generation = this.generation;
    this.entries = new Map();
    this.searchIndex = new SearchIndex();
    this.unindexed = new Map();
    this.indexing = false;
    this.sorted = null;
    this.columns = null;
    this.searchOrdinals = null;
    this.snapshot = { version: this.snapshot.version + 1, loaded: false, indexed: 0, total: 0 };
    const buffered: RxChangeEvent<Complaint>[] = [];
    let loading = true;
    this.subscription = this.collection.eventBulks$.subscribe((bulk) => {
      // Local documents of the collection (pending-change counts, last sync) are not complaints.
      const events = (bulk.events as RxChangeEvent<Complaint>[]).filter((event) => !event.isLocal);
      if (loading) buffered.push(...events);
      else this.apply(events);
    });
    // A live change the replication is about to store is shown at once; its change event
    // follows once it is written. While loading, the events buffered bring it in order.
    this.subscription.add(
      arrivingStatesOf(this.collection).states$.subscribe((states) => {
        if (!loading) this.apply(states.map(asChange), ARRIVING_NOTIFY_DELAY_MS);
      }),
    );
    // The beginning of the default order (active, soonest due first) is shown before anything
    // else; the whole replica is then read in pages, shown only now and then, since each showing
    // sorts and counts everything loaded so far.
    let shownAt = -Infinity;
    const head = await readQueueHead(this.collection, ACTIVE_STATUSES, HEAD_PER_STATUS, HEAD_LEAST);
    if (generation !== this.generation) return;
    if (head) {
      for (const complaint of head) {
        this.entries.set(complaint.id, toQueueEntry(complaint));
        this.unindexed.set(complaint.id, searchableTextOf(complaint));
      }
      this.changed();
      shownAt = performance.now();
      await yieldToBrowser();
    }
    for await (const page of readAllDocuments(this.collection, LOAD_PAGE)) {
      if (generation !== this.generation) return;
      for (const complaint of page) {
        this.entries.set(complaint.id, toQueueEntry(complaint));
        this.unindexed.set(complaint.id, searchableTextOf(complaint));
      }
      if (performance.now() - shownAt > LOAD_PROGRESS_INTERVAL_MS) {
        this.changed();
        shownAt = performance.now();
      }
      await yieldToBrowser();
    }
    if (generation !== this.generation) return;
    loading = false;
    this.apply(buffered);
    this.snapshot = { ...this.snapshot, loaded: true };
    this.changed();
    this.indexInSlices(generation);
  }

  stop(): void {
    this.generation += 1;
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueStoreSnapshot => this.snapshot;

  get(id: string): QueueEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<QueueEntry> {
    return this.entries.values();
  }

  /** Every entry in the given order; kept between calls and patched for small changes. */
  inOrder(sort: QueueSort): readonly QueueEntry[] {
    const cache = this.sorted;
    if (cache && cache.sort === sort && cache.version === this.snapshot.version) {
      return cache.entries;
    }
    const entries = sortQueueEntries([...this.entries.values()], sort);
    this.sorted = { sort, version: this.snapshot.version, entries };
    return entries;
  }

  /** The entries in the given order as filter columns; rebuilt only when the data changes. */
  columnsInOrder(sort: QueueSort): QueueColumns {
    const cache = this.columns;
    if (cache && cache.sort === sort && cache.version === this.snapshot.version) {
      return cache.columns;
    }
    const columns = buildQueueColumns(this.inOrder(sort));
    this.columns = { sort, version: this.snapshot.version, columns };
    return columns;
  }

  /** Ids whose tracking number, title or body contain every word of the query as a prefix. */
  search(query: string): Set<string> {
    return this.searchIndex.search(query);
  }

  /**
   * Which entries of the columns match a query, by position: the index ordinal of every
   * position is read once per data version and index revision, so a keystroke reads typed
   * arrays instead of looking 100,000 ids up.
   */
  searchMask(query: string, columns: QueueColumns, places?: PlaceLookup): Uint8Array {
    const tokens = searchTokens(query);
    const placeMatches = places ? tokens.map((token) => places.villagesMatching(token)) : [];
    const mask = new Uint8Array(columns.entries.length);
    if (!placeMatches.some((villages) => villages.size > 0)) {
      const matches = this.searchIndex.match(query);
      const ordinals = this.ordinalsOf(columns);
      for (let position = 0; position < mask.length; position += 1) {
        const ordinal = ordinals[position] as number;
        mask[position] = ordinal >= 0 && matches.hasOrdinal(ordinal) ? 1 : 0;
      }
      return mask;
    }
    // A word of the query may name the place instead (desa, kecamatan, kabupaten/kota): each
    // word must then match the text or the place names of the report's village code.
    const tokenMatches = tokens.map((token) => this.searchIndex.match(token));
    const ordinals = this.ordinalsOf(columns);
    for (let position = 0; position < mask.length; position += 1) {
      const ordinal = ordinals[position] as number;
      const regionCode = columns.entries[position]!.regionCode;
      mask[position] = tokenMatches.every(
        (matches, index) =>
          (ordinal >= 0 && matches.hasOrdinal(ordinal)) || placeMatches[index]!.has(regionCode),
      )
        ? 1
        : 0;
    }
    return mask;
  }

  /** The index ordinal of every position of the columns, read once per data version and revision. */
  private ordinalsOf(columns: QueueColumns): Int32Array {
    const revision = this.searchIndex.currentRevision;
    let cache = this.searchOrdinals;
    if (!cache || cache.columns !== columns || cache.revision !== revision) {
      const ordinals = new Int32Array(columns.entries.length);
      columns.entries.forEach((entry, position) => {
        ordinals[position] = this.searchIndex.ordinalFor(entry.id);
      });
      cache = { columns, revision, numbering: this.searchIndex.currentNumbering, ordinals };
      this.searchOrdinals = cache;
    }
    return cache.ordinals;
  }

  /** The same as a test by id, without building a set of every matching id. */
  match(query: string): SearchMatches {
    return this.searchIndex.match(query);
  }

  private apply(events: readonly QueueChange[], smallDelayMs: number = NOTIFY_DELAY_MS): void {
    if (events.length === 0) return;
    const cache = this.sorted?.version === this.snapshot.version ? this.sorted : null;
    // A bulk (a sync batch) is indexed in the background and re-sorted on the next read;
    // a few changes (an officer's edit, a live update) are indexed and placed at once.
    const bulk = events.length > PATCH_LIMIT;
    const patchOrder = cache !== null && !bulk;
    const columns =
      patchOrder &&
      events.length <= COLUMN_PATCH_LIMIT &&
      this.columns?.sort === cache.sort &&
      this.columns.version === this.snapshot.version
        ? this.columns.columns
        : null;
    const moves: QueueColumnMove[] = [];
    const searchRevision = this.searchIndex.currentRevision;
    let columnsPatchable = columns !== null;
    for (const event of events) {
      const previous = this.entries.get(event.documentId);
      if (event.operation === 'DELETE' || event.documentData._deleted) {
        this.entries.delete(event.documentId);
        this.unindexed.delete(event.documentId);
        this.searchIndex.remove(event.documentId);
        if (patchOrder && previous) removeFromOrder(cache.entries, previous, cache.sort);
        // A removal without an insertion is rare (a scope exit): the columns are rebuilt.
        columnsPatchable = false;
        continue;
      }
      const complaint = event.documentData;
      const entry = toQueueEntry(complaint);
      this.entries.set(entry.id, entry);
      if (bulk) {
        this.unindexed.set(entry.id, searchableTextOf(complaint));
      } else {
        this.unindexed.delete(entry.id);
        this.searchIndex.put(entry.id, searchableTextOf(complaint));
      }
      if (patchOrder) {
        const removedAt = previous ? removeFromOrder(cache.entries, previous, cache.sort) : -1;
        const insertedAt = insertInOrder(cache.entries, entry, cache.sort);
        moves.push({ removedAt, insertedAt, entry });
      }
    }
    this.changed(bulk ? bulkNotifyDelay(this.entries.size) : smallDelayMs);
    if (patchOrder) this.sorted = { ...cache, version: this.snapshot.version };
    if (patchOrder && columns && columnsPatchable)
      this.patchColumns(columns, moves, cache, searchRevision);
    if (bulk && this.snapshot.loaded) this.indexWhenQuiet(this.generation);
  }

  /**
   * Carries the filter columns, and the search ordinals read for them, over a few moves in the
   * order, so a single edit or live change does not redo either for the whole queue.
   */
  private patchColumns(
    columns: QueueColumns,
    moves: QueueColumnMove[],
    order: SortedCache,
    searchRevisionBefore: number,
  ): void {
    const patched = patchQueueColumns(columns, moves, order.entries);
    this.columns = { sort: order.sort, version: this.snapshot.version, columns: patched };
    const ordinalsCache = this.searchOrdinals;
    // Ordinals read before other documents were indexed, or before a renumbering, are not carried.
    if (
      ordinalsCache?.columns !== columns ||
      ordinalsCache.revision !== searchRevisionBefore ||
      ordinalsCache.numbering !== this.searchIndex.currentNumbering
    )
      return;
    // `columns.entries` is the order already moved in place: the positions before are counted
    // by the ordinals read for the columns.
    const positions = ordinalsCache.ordinals.length;
    const ordinals = new Int32Array(Math.max(positions, patched.entries.length) + 1);
    ordinals.set(ordinalsCache.ordinals);
    const length = shiftForMoves([ordinals], positions, moves, (at, entry) => {
      ordinals[at] = this.searchIndex.ordinalFor(entry.id);
    });
    this.searchOrdinals = {
      columns: patched,
      revision: this.searchIndex.currentRevision,
      numbering: this.searchIndex.currentNumbering,
      ordinals: ordinals.subarray(0, length),
    };
  }

  private indexWhenQuiet(generation: number): void {
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.indexInSlices(generation);
    }, INDEX_AFTER_QUIET_MS);
  }

  private indexInSlices(generation: number): void {
    if (this.indexing) return;
    this.indexing = true;
    const step = () => {
      if (generation !== this.generation) {
        this.indexing = false;
        return;
      }
      let done = 0;
      for (const [id, text] of this.unindexed) {
        this.unindexed.delete(id);
        this.searchIndex.put(id, text);
        done += 1;
        if (done === INDEX_SLICE) break;
      }
      this.snapshot = { ...this.snapshot, indexed: this.entries.size - this.unindexed.size };
      this.notify(NOTIFY_DELAY_MS);
      if (this.unindexed.size > 0) setTimeout(step, 0);
      else this.indexing = false;
    };
    step();
  }

  private changed(delayMs: number = NOTIFY_DELAY_MS): void {
    this.snapshot = {
      ...this.snapshot,
      version: this.snapshot.version + 1,
      total: this.entries.size,
      indexed: this.entries.size - this.unindexed.size,
    };
    this.notify(delayMs);
  }

  /**
   * Listeners hear at most once per delay, however many changes arrive in it: a frame for an
   * edit, longer while a sync writes batch after batch (each showing sorts and counts it all);
   * a shorter delay asked meanwhile brings the pending notice forward.
   */
  private notify(delayMs: number): void {
    // An edit or live change after a sync batch is shown in its frame, not at the batch's time.
    const dueAt = performance.now() + delayMs;
    if (this.notifyTimer !== null) {
      if (this.notifyDueAt <= dueAt) return;
      clearTimeout(this.notifyTimer);
    }
    this.notifyDueAt = dueAt;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      for (const listener of this.listeners) listener();
    }, delayMs);
  }
}

function bulkNotifyDelay(size: number): number {
  return Math.min(
    BULK_NOTIFY_MAX_DELAY_MS,
    Math.max(BULK_NOTIFY_DELAY_MS, (size / 1000) * BULK_NOTIFY_MS_PER_THOUSAND),
  );
}

function positionOf(entries: readonly QueueEntry[], entry: QueueEntry, sort: QueueSort): number {
  const compare = compareQueueEntries(sort);
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(entries[middle] as QueueEntry, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Takes the entry out of the order; answers where it was (-1 if it was not there). */
function removeFromOrder(entries: QueueEntry[], entry: QueueEntry, sort: QueueSort): number {
  const index = positionOf(entries, entry, sort);
  const at =
    entries[index]?.id === entry.id
      ? index
      : entries.findIndex((candidate) => candidate.id === entry.id);
  if (at >= 0) entries.splice(at, 1);
  return at;
}

/** Puts the entry in its place in the order; answers that place. */
function insertInOrder(entries: QueueEntry[], entry: QueueEntry, sort: QueueSort): number {
  const at = positionOf(entries, entry, sort);
  entries.splice(at, 0, entry);
  return at;
}
