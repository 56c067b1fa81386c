import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { QueueStore } from '../../../renderer/src/features/queue/queue-store.ts';
import { filterQueueColumns, sortQueueEntries } from '../../../shared/queue/filter-queue.ts';
import { DEFAULT_QUEUE_CRITERIA } from '../../../shared/queue/queue-criteria.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { createPlaceLookup } from '../../../shared/regions/region-directory.ts';

const PLACES = createPlaceLookup({
  region: '64',
  source: 'test',
  regencies: [
    ['64.71', 'Kota Balikpapan'],
    ['64.72', 'Kota Samarinda'],
  ],
  districts: [
    ['64.71.01', 'Balikpapan Timur'],
    ['64.72.01', 'Palaran'],
  ],
  villages: [
    ['64.71.01.1001', 'Manggar'],
    ['64.72.01.1001', 'Rawa Makmur'],
  ],
});

let counter = 0;
const TITLES = ['Jalan berlubang', 'Lampu jalan padam', 'Air PDAM keruh', 'Sampah di pasar'];

async function settled(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5_000) throw new Error('queue store did not settle');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('QueueStore.searchMask', () => {
  let replica: Replica;
  let store: QueueStore;

  beforeEach(async () => {
    counter += 1;
    replica = await openReplica(`search-mask-${counter}`, getRxStorageMemory());
    await replica.complaints.bulkInsert(
      Array.from({ length: 40 }, (_, index) =>
        sampleComplaint({
          id: `c-${String(index).padStart(3, '0')}`,
          trackingNumber: `KALTIM-2611-${String(index).padStart(5, '0')}`,
          title: `${TITLES[index % TITLES.length]} ${index}`,
          status: index % 3 === 0 ? 'selesai' : 'didisposisi',
          dueAt: 1_000_000 + ((index * 7) % 40) * 1_000,
          regionCode: index % 2 === 0 ? '64.72.01.1001' : '64.71.01.1001',
        }),
      ),
    );
    store = new QueueStore(replica.complaints);
    await store.start();
    await settled(() => store.getSnapshot().indexed === 40);
  });

  afterEach(async () => {
    store.stop();
    await replica.remove();
  });

  function expectMaskAsSearch(query: string) {
    const columns = store.columnsInOrder('due_asc');
    const mask = store.searchMask(query, columns);
    const found = store.search(query);
    expect([...mask]).toEqual(columns.entries.map((entry) => (found.has(entry.id) ? 1 : 0)));
    const context = { now: 0, utcOffsetMinutes: 480, searchMatches: null, searchMask: mask };
    const criteria = { ...DEFAULT_QUEUE_CRITERIA, status: 'all' as const };
    const rows = filterQueueColumns(columns, criteria, context).rows.map((row) => row.id);
    expect(new Set(rows)).toEqual(found);
  }

  it('marks by position exactly the complaints the search finds', () => {
    for (const query of ['jalan', 'ja', 'pdam keruh', 'kaltim-2611-0001', 'zzz']) {
      expectMaskAsSearch(query);
    }
  });

  it('follows the index after a complaint changes', async () => {
    expectMaskAsSearch('sampah');
    const document = await replica.complaints.findOne('c-001').exec();
    await document?.incrementalPatch({ title: 'Sampah menumpuk di sungai' });
    await settled(() => store.get('c-001')?.title === 'Sampah menumpuk di sungai');
    await settled(() => store.search('sungai').has('c-001'));
    expectMaskAsSearch('sampah');
    expectMaskAsSearch('lampu');
  });

  it('stays right over many single live changes that move complaints in the order', async () => {
    expectMaskAsSearch('jalan');
    for (let step = 0; step < 12; step += 1) {
      const id = `c-${String((step * 13) % 40).padStart(3, '0')}`;
      const title = step % 2 === 0 ? `Jalan rusak ${step}` : `Banjir ${step}`;
      const document = await replica.complaints.findOne(id).exec();
      await document?.incrementalPatch({
        title,
        dueAt: 1_000_000 + ((step * 17) % 45) * 1_000,
        categoryId: step % 3 === 0 ? 'cat-baru' : 'cat-infrastruktur',
      });
      await settled(() => store.get(id)?.title === title);
      const columns = store.columnsInOrder('due_asc');
      expect(columns.entries.map((entry) => entry.id)).toEqual(
        sortQueueEntries([...store.all()], 'due_asc').map((entry) => entry.id),
      );
      expect([...columns.dueAt]).toEqual(columns.entries.map((entry) => entry.dueAt));
      expect(
        columns.entries.map(
          (entry, at) => columns.values.categoryId[columns.codes.categoryId[at] as number],
        ),
      ).toEqual(columns.entries.map((entry) => entry.categoryId));
      expectMaskAsSearch('jalan');
      expectMaskAsSearch('banjir');
    }
  });

  it('finds complaints by the desa, kecamatan or kabupaten/kota of their village code', () => {
    const columns = store.columnsInOrder('due_asc');
    const ids = (query: string) =>
      columns.entries
        .filter((_entry, position) => store.searchMask(query, columns, PLACES)[position] === 1)
        .map((entry) => entry.id)
        .sort();
    const even = columns.entries
      .map((entry) => entry.id)
      .filter((id) => Number(id.slice(2)) % 2 === 0)
      .sort();
    expect(ids('samarinda')).toEqual(even);
    expect(ids('rawa mak')).toEqual(even);
    expect(ids('palaran')).toEqual(even);
    // Text and place words together: both must hold.
    const lampu = [...store.search('lampu')].sort();
    expect(lampu.length).toBeGreaterThan(0);
    expect(ids('lampu balikpapan')).toEqual(lampu);
    expect(ids('lampu samarinda')).toEqual([]);
    // A query no place name matches searches the text as before.
    expect(ids('pdam')).toEqual([...store.search('pdam')].sort());
    expect(ids('samarinda').length).toBeGreaterThan(0);
    expect(store.searchMask('samarinda', columns).some((marked) => marked === 1)).toBe(false);
  });

  it('follows the index while a sync batch is indexed in the background', async () => {
    await replica.complaints.bulkInsert(
      Array.from({ length: 400 }, (_, index) =>
        sampleComplaint({ id: `b-${String(index).padStart(3, '0')}`, title: `Banjir ${index}` }),
      ),
    );
    await settled(() => store.getSnapshot().total === 440);
    // Asked while the batch is not yet searchable, then again once it is.
    expectMaskAsSearch('banjir');
    await settled(() => store.getSnapshot().indexed === 440);
    expectMaskAsSearch('banjir');
    expect(store.search('banjir').size).toBe(400);
  });
});
