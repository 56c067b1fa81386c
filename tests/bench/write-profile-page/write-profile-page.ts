/**
 * The browser side of `tests/bench/profile-replica-writes.ts`: the workstation's own write paths
 * into a fresh replica, on documents handed in by the script, one call per path.
 */
import type { RxCollection } from 'rxdb';
import { openReplica } from '../../../renderer/src/db/create-replica.ts';
import { writeFirstCopyPage } from '../../../renderer/src/sync/write-first-copy-page.ts';
import { writePageOnce } from '../../../renderer/src/sync/write-page-once.ts';
import type { WireDocument } from '../../../shared/api/contract.ts';

type Doc = WireDocument<{ id: string }>;
const PAGE = 1000;
const held: Record<'complaints' | 'events', Doc[]> = { complaints: [], events: [] };
let opened = 0;

async function timed(
  write: (replica: Awaited<ReturnType<typeof openReplica>>) => Promise<unknown>,
  count: (replica: Awaited<ReturnType<typeof openReplica>>) => Promise<number>,
): Promise<{ ms: number; held: number }> {
  opened += 1;
  const replica = await openReplica(`write-profile-${opened}`);
  const start = performance.now();
  await write(replica);
  const ms = performance.now() - start;
  const stored = await count(replica);
  await replica.remove();
  return { ms, held: stored };
}

const writeProfile = {
  add(documents: Doc[], kind: 'complaints' | 'events'): number {
    held[kind].push(...documents);
    return held[kind].length;
  },
  /** The first copy of complaints, a page of 1,000 at a time, as a fresh replica's first sync. */
  firstCopy: () =>
    timed(
      async (replica) => {
        const collection = replica.complaints as unknown as RxCollection<{ id: string }>;
        for (let at = 0; at < held.complaints.length; at += PAGE)
          await writeFirstCopyPage(collection, held.complaints.slice(at, at + PAGE), 'profile');
      },
      (replica) => replica.complaints.count().exec(),
    ),
  /** Timeline events, a page of 1,000 at a time, as their checkpointed pull writes them. */
  events: () =>
    timed(
      async (replica) => {
        const collection = replica.complaint_events as unknown as RxCollection<{ id: string }>;
        for (let at = 0; at < held.events.length; at += PAGE)
          await writePageOnce(collection, held.events.slice(at, at + PAGE));
      },
      (replica) => replica.complaint_events.count().exec(),
    ),
  /** One bulkInsert of every complaint into the collection (B1's path). */
  bulkInsert: () =>
    timed(
      async (replica) => {
        const documents = held.complaints.map(({ _deleted, ...complaint }) => {
          void _deleted;
          return complaint;
        });
        const result = await replica.complaints.bulkInsert(documents as never[]);
        if (result.error.length > 0) throw new Error(`${result.error.length} refused`);
      },
      (replica) => replica.complaints.count().exec(),
    ),
};
export type WriteProfileApi = typeof writeProfile;
(window as unknown as { writeProfile: WriteProfileApi }).writeProfile = writeProfile;
