import Dexie from 'dexie';
import type { RxCollection } from 'rxdb';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintStatus } from '../../../shared/domain/complaint-status.ts';
import { dexieStorageOf } from './dexie-storage-of.ts';

/** RxDB puts `_deleted` before and the primary key after every index of the schema. */
const STATUS_DUE_INDEX = '[_deleted+status+dueAt+id]';

/**
 * The complaints of the given statuses whose clock runs out first: a complete beginning of the
 * queue's default order (soonest due first), read through the replica's [status, dueAt] index
 * so the first page can be shown before the whole queue is in memory.
 *
 * Per status the first `perStatus` by due time are read. Due times are whole deadlines and many
 * complaints share one, so a status's list may stop in the middle of a due time: only the
 * complaints due strictly before the earliest such cut are kept, which are then all the
 * complaints of those statuses due before it. Answers null when that leaves fewer than `least`.
 */
export async function readQueueHead(
  complaints: RxCollection<Complaint>,
  statuses: readonly ComplaintStatus[],
  perStatus: number,
  least: number,
): Promise<Complaint[] | null> {
  const lists = await Promise.all(
    statuses.map((status) => firstDueOf(complaints, status, perStatus)),
  );
  let cut = Infinity;
  for (const list of lists) {
    if (list.length === perStatus) cut = Math.min(cut, list.at(-1)?.dueAt ?? Infinity);
  }
  const head = lists.flat().filter((complaint) => complaint.dueAt < cut);
  return head.length >= least ? head : null;
}

/** The first complaints of one status with a running clock, soonest due first. */
async function firstDueOf(
  complaints: RxCollection<Complaint>,
  status: ComplaintStatus,
  limit: number,
): Promise<Complaint[]> {
  const dexie = dexieStorageOf(complaints);
  if (dexie) {
    // RxDB's own query walks an IndexedDB cursor a document at a time; Dexie reads the same
    // index range in one request.
    const { dexieTable } = await dexie.storage.internals;
    if (dexieTable.schema.indexes.some((index) => index.name === STATUS_DUE_INDEX)) {
      const rows = (await dexieTable
        .where(STATUS_DUE_INDEX)
        .between(['0', status, 1, Dexie.minKey], ['0', status, Dexie.maxKey, Dexie.maxKey])
        .limit(limit)
        .toArray()) as unknown[];
      return (await dexie.toDocuments(rows)) as unknown as Complaint[];
    }
  }
  const documents = await complaints
    .find({ selector: { status, dueAt: { $gt: 0 } }, sort: [{ dueAt: 'asc' }], limit })
    .exec();
  return documents.map((document) => document.toJSON(true) as Complaint);
}
