import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { watchLocalDocument } from '../../../renderer/src/db/watch-local-document.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

type Counter = { count: number };

let counter = 0;
let replica: Replica;

beforeEach(async () => {
  counter += 1;
  replica = await openReplica(`watch-local-${counter}`, getRxStorageMemory(), ['complaints']);
});

afterEach(async () => {
  await replica.remove();
});

/** Every value the watch gives, as the stored count (null when the document is absent). */
function follow(source: Parameters<typeof watchLocalDocument>[0], id: string, onReplica = false) {
  const seen: (number | null)[] = [];
  const subscription = watchLocalDocument<Counter>(source, id, onReplica).subscribe((document) =>
    seen.push(document ? (document.get('count') as number) : null),
  );
  return { seen, stop: () => subscription.unsubscribe() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('watchLocalDocument', () => {
  it('gives the stored state first, then each change of that document', async () => {
    await replica.complaints.upsertLocal<Counter>('pending', { count: 1 });
    const watch = follow(replica.complaints, 'pending');
    await settle();
    await replica.complaints.upsertLocal<Counter>('pending', { count: 2 });
    await settle();
    await replica.complaints.upsertLocal<Counter>('pending', { count: 3 });
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([1, 2, 3]);
  });

  it('gives null for a document not written yet, then the first write', async () => {
    const watch = follow(replica.complaints, 'later');
    await settle();
    await replica.complaints.upsertLocal<Counter>('later', { count: 7 });
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([null, 7]);
  });

  it('is not woken by complaint writes or by other local documents', async () => {
    await replica.complaints.upsertLocal<Counter>('pending', { count: 1 });
    let reads = 0;
    const counted = {
      eventBulks$: replica.complaints.eventBulks$,
      getLocal: <T>(id: string) => {
        reads += 1;
        return replica.complaints.getLocal<T>(id);
      },
    };
    const watch = follow(counted, 'pending');
    await settle();
    await replica.complaints.bulkInsert(
      Array.from({ length: 50 }, (_, index) =>
        sampleComplaint({ id: `c-${index}`, trackingNumber: `KALTIM-2611-${index}` }),
      ),
    );
    await replica.complaints.upsertLocal<Counter>('other', { count: 9 });
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([1]);
    // One read at the start: no work per complaint written.
    expect(reads).toBe(1);
  });

  it('on the replica, follows only the replica’s own document of that id', async () => {
    const watch = follow(replica, 'shared-id', true);
    await settle();
    // A collection's local document with the same id is a different document.
    await replica.complaints.upsertLocal<Counter>('shared-id', { count: 5 });
    await settle();
    await replica.upsertLocal<Counter>('shared-id', { count: 6 });
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([null, 6]);
  });
});
