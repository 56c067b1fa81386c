import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { writePageOnce } from '../../../renderer/src/sync/write-page-once.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';

let counter = 0;
let replica: Replica;

beforeEach(async () => {
  counter += 1;
  replica = await openReplica(`page-once-${counter}`, getRxStorageMemory(), ['complaint_events']);
});

afterEach(async () => {
  await replica.remove();
});

function event(
  id: string,
  change: Partial<ComplaintEvent> = {},
): ComplaintEvent & { _deleted: false } {
  return {
    id,
    complaintId: 'c-1',
    instansiId: 'i-1',
    kind: 'catatan_internal',
    fromStatus: '',
    toStatus: '',
    targetUnitId: '',
    reasonCode: '',
    reason: `Catatan ${id}`,
    relatedComplaintId: '',
    anonim: false,
    rahasia: false,
    attachments: [],
    officerId: 'o-1',
    officerName: 'Petugas',
    officerRole: 'admin_instansi',
    deviceTime: 1_700_000_000_000,
    serverTime: 1_700_000_000_500,
    serverSeq: 7,
    ...change,
    _deleted: false,
  };
}

async function stored(ids: string[]) {
  const documents = await replica.complaint_events.storageInstance.findDocumentsById(ids, true);
  return new Map(documents.map((document) => [document.id, document]));
}

describe('writePageOnce', () => {
  it('leaves the replica as it was when the same page is written again (a cut before the checkpoint)', async () => {
    const page = [event('e-1'), event('e-2')];
    await writePageOnce(replica.complaint_events, page);
    const first = await stored(['e-1', 'e-2']);
    await writePageOnce(replica.complaint_events, page);
    const second = await stored(['e-1', 'e-2']);
    // Not even rewritten: same revision.
    expect([...second.values()].map((document) => document._rev)).toEqual(
      [...first.values()].map((document) => document._rev),
    );
    expect(await replica.complaint_events.count().exec()).toBe(2);
  });

  it("replaces the device's unstamped copy with the server's stamped one", async () => {
    await replica.complaint_events.insert(event('e-1', { serverSeq: 0, serverTime: 0 }));
    await writePageOnce(replica.complaint_events, [event('e-1', { serverSeq: 12 })]);
    const held = await replica.complaint_events.findOne('e-1').exec(true);
    expect(held.serverSeq).toBe(12);
  });

  it('keeps only the id of a document a tombstone deletes', async () => {
    await writePageOnce(replica.complaint_events, [event('e-1'), event('e-2')]);
    await writePageOnce(replica.complaint_events, [
      { id: 'e-1', _deleted: true } as ComplaintEvent & { _deleted: boolean },
      { id: 'never-held', _deleted: true } as ComplaintEvent & { _deleted: boolean },
    ]);
    const held = await stored(['e-1', 'e-2', 'never-held']);
    expect(held.get('never-held')).toBeUndefined();
    const { _meta, _rev, _attachments, ...content } = held.get('e-1')!;
    void _meta;
    void _rev;
    void _attachments;
    expect(content).toEqual({ id: 'e-1', _deleted: true });
    expect(held.get('e-2')?._deleted).toBe(false);
  });
});
