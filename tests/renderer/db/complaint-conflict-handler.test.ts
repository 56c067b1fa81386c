import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  mergeConflictsOf,
  openReplica,
  type Replica,
} from '../../../renderer/src/db/create-replica.ts';
import {
  createComplaintConflictHandler,
  type MergeConflictRecord,
} from '../../../renderer/src/db/complaint-conflict-handler.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { resolveMergeConflict } from '../../../renderer/src/features/sync-inbox/resolve-merge-conflict.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const base = { ...sampleComplaint({ serverSeq: 10 }), _deleted: false };

describe('the complaint conflict handler', () => {
  const recorded: MergeConflictRecord[] = [];
  const handler = createComplaintConflictHandler(async (record) => {
    recorded.push(record);
  });
  beforeEach(() => recorded.splice(0));

  it('merges changes to different fields into one state to push, recording nothing', async () => {
    const resolved = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: { ...base, priority: 'tinggi' },
        realMasterState: { ...base, categoryId: 'cat-sosial', serverSeq: 12, updatedBy: 'lain' },
      },
      'test',
    );
    expect(resolved).toEqual({
      ...base,
      priority: 'tinggi',
      categoryId: 'cat-sosial',
      serverSeq: 12,
      updatedBy: 'lain',
    });
    expect(recorded).toEqual([]);
  });

  it('keeps the server value for a field both changed and records the officer’s for later', async () => {
    const resolved = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: { ...base, priority: 'tinggi' },
        realMasterState: { ...base, priority: 'rendah', serverSeq: 12, updatedBy: 'lain' },
      },
      'test',
    );
    expect(resolved.priority).toBe('rendah');
    expect(recorded).toEqual([
      expect.objectContaining({
        complaintId: base.id,
        trackingNumber: base.trackingNumber,
        updatedBy: 'lain',
        serverSeq: 12,
        conflicts: [expect.objectContaining({ ours: { priority: 'tinggi' } })],
      }),
    ]);
  });

  it('goes back to the master when the server refused (master unchanged) or the complaint left scope', async () => {
    const refused = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: { ...base, priority: 'tinggi' },
        realMasterState: base,
      },
      'test',
    );
    expect(refused).toEqual(base);
    const tombstone = { ...base, serverSeq: 15, _deleted: true };
    const gone = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: { ...base, priority: 'tinggi' },
        realMasterState: tombstone,
      },
      'test',
    );
    expect(gone).toEqual(tombstone);
    expect(recorded).toEqual([]);
  });

  it('compares documents without storage metadata', () => {
    expect(handler.isEqual(base, { ...base, _meta: { lwt: 1 } } as typeof base, 'test')).toBe(true);
    expect(handler.isEqual(base, { ...base, priority: 'tinggi' }, 'test')).toBe(false);
  });
});

describe('resolving a merge conflict on the device', () => {
  let replica: Replica;
  let counter = 0;
  beforeEach(async () => {
    counter += 1;
    replica = await openReplica(`conflicts-${counter}`, getRxStorageMemory(), ['complaints']);
  });
  afterEach(() => replica.remove());

  it('writes the picked values as one ordinary edit and closes the conflict', async () => {
    const server: Complaint = sampleComplaint({ priority: 'rendah', rahasia: true, serverSeq: 12 });
    await replica.complaints.insert(server);
    const pending = new PendingChanges(replica.complaints);
    await pending.load();
    const conflicts = mergeConflictsOf(replica);
    const record: MergeConflictRecord = {
      complaintId: server.id,
      trackingNumber: server.trackingNumber,
      serverSeq: 12,
      updatedBy: 'lain',
      detectedAt: 1,
      conflicts: [
        {
          fields: ['priority'],
          base: { priority: 'sedang' },
          ours: { priority: 'tinggi' },
          theirs: { priority: 'rendah' },
        },
        {
          fields: ['anonim', 'rahasia'],
          base: { anonim: false, rahasia: false },
          ours: { anonim: true, rahasia: false },
          theirs: { anonim: false, rahasia: true },
        },
      ],
    };
    await conflicts.record(record);
    expect(await conflicts.list()).toHaveLength(1);

    await resolveMergeConflict(replica, pending, record, [true, false]);

    const after = (await replica.complaints.findOne(server.id).exec(true)).toJSON();
    expect(after).toMatchObject({ priority: 'tinggi', anonim: false, rahasia: true });
    expect(pending.count$.value).toBe(1);
    expect(await conflicts.list()).toEqual([]);
  });

  it('writes nothing when the officer keeps the server’s values', async () => {
    const server: Complaint = sampleComplaint({ priority: 'rendah', serverSeq: 12 });
    await replica.complaints.insert(server);
    const pending = new PendingChanges(replica.complaints);
    await pending.load();
    const record: MergeConflictRecord = {
      complaintId: server.id,
      trackingNumber: server.trackingNumber,
      serverSeq: 12,
      updatedBy: 'lain',
      detectedAt: 1,
      conflicts: [
        {
          fields: ['priority'],
          base: { priority: 'sedang' },
          ours: { priority: 'tinggi' },
          theirs: { priority: 'rendah' },
        },
      ],
    };
    await mergeConflictsOf(replica).record(record);
    await resolveMergeConflict(replica, pending, record, [false]);
    expect((await replica.complaints.findOne(server.id).exec(true)).priority).toBe('rendah');
    expect(pending.count$.value).toBe(0);
    expect(await mergeConflictsOf(replica).list()).toEqual([]);
  });
});
