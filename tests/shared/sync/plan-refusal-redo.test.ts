import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { loadFollowUpDraft, saveFollowUpDraft } from '../../../renderer/src/db/follow-up-draft.ts';
import {
  redoRefusedWrite,
  resolveRefusal,
} from '../../../renderer/src/features/sync-inbox/redo-refused-write.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { syncRejectionSchema, type SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import {
  draftWithRestoredFollowUp,
  planRefusalRedo,
} from '../../../shared/sync/plan-refusal-redo.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const followUp = {
  id: 'e-1',
  complaintId: 'c-1',
  kind: 'tindak_lanjut',
  reason: 'Perbaikan jalan dijadwalkan minggu depan oleh Dinas PUPR.',
};

function refusal(targetCollection: string, documentId: string, refused: unknown): SyncRejection {
  return syncRejectionSchema.parse({
    id: `r-${documentId}`,
    officerId: 'officer-1',
    targetCollection,
    documentId,
    reasonCode: 'lifecycle',
    reason: 'Ditolak',
    refusedDocument: JSON.stringify(refused),
    createdAt: 1,
    resolvedAt: 0,
    serverSeq: 1,
  });
}

describe('planRefusalRedo', () => {
  it('applies a refused classification again', () => {
    expect(
      planRefusalRedo(
        refusal('complaints', 'c-1', { id: 'c-1', categoryId: 'cat-2', priority: 'tinggi' }),
      ),
    ).toEqual({
      kind: 'patch_complaint',
      complaintId: 'c-1',
      fields: { categoryId: 'cat-2', priority: 'tinggi' },
    });
  });

  it('redoes only what the refused write changed, so a refused status change offers no redo', () => {
    const current = { categoryId: 'cat-1', priority: 'sedang' as const };
    const statusOnly = refusal('complaints', 'c-1', { ...current, id: 'c-1', status: 'selesai' });
    expect(planRefusalRedo(statusOnly, current).kind).toBe('none');
    const reclassified = refusal('complaints', 'c-1', { ...current, categoryId: 'cat-2' });
    expect(planRefusalRedo(reclassified, current)).toEqual({
      kind: 'patch_complaint',
      complaintId: 'c-1',
      fields: { categoryId: 'cat-2' },
    });
  });

  it('puts a refused follow-up or internal note back as a draft of its complaint', () => {
    expect(planRefusalRedo(refusal('complaint_events', 'e-1', followUp))).toEqual({
      kind: 'restore_follow_up',
      complaintId: 'c-1',
      followUpKind: 'tindak_lanjut',
      content: followUp.reason,
    });
    expect(
      planRefusalRedo(
        refusal('complaint_events', 'e-1', { ...followUp, kind: 'catatan_internal' }),
      ),
    ).toMatchObject({ kind: 'restore_follow_up', followUpKind: 'catatan_internal' });
  });

  it('offers no redo for lifecycle events, directory edits or unreadable content', () => {
    expect(
      planRefusalRedo(refusal('complaint_events', 'e-1', { ...followUp, kind: 'disposisi' })).kind,
    ).toBe('none');
    expect(planRefusalRedo(refusal('units', 'u-1', { id: 'u-1', name: 'Dinas' })).kind).toBe(
      'none',
    );
    expect(
      planRefusalRedo({ targetCollection: 'complaints', documentId: 'c-1', refusedDocument: '{' })
        .kind,
    ).toBe('none');
    expect(
      planRefusalRedo(refusal('complaints', 'c-1', { id: 'c-1', status: 'selesai' })).kind,
    ).toBe('none');
  });
});

describe('draftWithRestoredFollowUp', () => {
  const restored = { followUpKind: 'tindak_lanjut' as const, content: 'Teks yang ditolak.' };

  it('keeps what the officer is typing and adds the refused text after it, once', () => {
    const current = { kind: 'catatan_internal' as const, content: 'Catatan baru' };
    const merged = draftWithRestoredFollowUp(current, restored);
    expect(merged).toEqual({
      kind: 'catatan_internal',
      content: 'Catatan baru\n\nTeks yang ditolak.',
    });
    expect(draftWithRestoredFollowUp(merged, restored)).toEqual(merged);
  });

  it('uses the refused text and kind when nothing is being typed', () => {
    expect(
      draftWithRestoredFollowUp({ kind: 'catatan_internal', content: '  ' }, restored),
    ).toEqual({
      kind: 'tindak_lanjut',
      content: 'Teks yang ditolak.',
    });
  });
});

describe('redoing a refused write on the replica', () => {
  let replica: Replica;
  let context: { replica: Replica; sync: { pending: PendingChanges } };
  let counter = 0;

  beforeEach(async () => {
    counter += 1;
    replica = await openReplica(`redo-${counter}`, getRxStorageMemory(), [
      'complaints',
      'sync_rejections',
    ]);
    const pending = new PendingChanges(replica.complaints);
    await pending.load();
    context = { replica, sync: { pending } };
    await replica.complaints.insert(sampleComplaint({ id: 'c-1', categoryId: 'cat-1' }));
  });

  afterEach(async () => {
    context.sync.pending.stop();
    await replica.remove();
  });

  it('restores a refused follow-up into the complaint’s draft and closes the refusal', async () => {
    await saveFollowUpDraft(replica.complaints, 'c-1', {
      kind: 'tindak_lanjut',
      content: 'Sedang diketik',
      savedAt: 1,
    });
    const refused = refusal('complaint_events', 'e-1', followUp);
    await replica.sync_rejections.insert(refused);
    expect(await resolveRefusal(context, refused, true)).toBe(true);
    const draft = await loadFollowUpDraft(replica.complaints, 'c-1');
    expect(draft?.content).toBe(`Sedang diketik\n\n${followUp.reason}`);
    const stored = await replica.sync_rejections.findOne(refused.id).exec();
    expect(stored?.resolvedAt).toBeGreaterThan(0);
  });

  it('applies a refused classification again as a pending edit', async () => {
    const refused = refusal('complaints', 'c-1', { id: 'c-1', categoryId: 'cat-9' });
    expect(await redoRefusedWrite(context, refused)).toBe(true);
    expect((await replica.complaints.findOne('c-1').exec())?.categoryId).toBe('cat-9');
    expect(context.sync.pending.count$.value).toBe(1);
  });

  it('redoes a refusal kept without the reporter identity and leaves the identity on the complaint', async () => {
    const before = (await replica.complaints.findOne('c-1').exec())?.reporter;
    expect(before?.name).toBeTruthy();
    const { reporter: _left, ...withoutIdentity } = sampleComplaint({
      id: 'c-1',
      categoryId: 'cat-9',
    });
    const refused = {
      ...refusal('complaints', 'c-1', withoutIdentity),
      identityRemoved: true,
    };
    expect(await redoRefusedWrite(context, refused)).toBe(true);
    const after = await replica.complaints.findOne('c-1').exec();
    expect(after?.categoryId).toBe('cat-9');
    expect(after?.reporter).toEqual(before);
  });

  it('offers no redo of a refusal the server kept cut', () => {
    const cut = {
      ...refusal('complaints', 'c-1', '{"id":"c-1","categoryId":"cat-9","body":"aaaa'),
      documentTruncated: true,
    };
    expect(planRefusalRedo(cut, null)).toEqual({ kind: 'none' });
  });

  it('does not restore a follow-up for a complaint that has left the device', async () => {
    const refused = refusal('complaint_events', 'e-2', { ...followUp, complaintId: 'c-gone' });
    await replica.sync_rejections.insert(refused);
    expect(await resolveRefusal(context, refused, true)).toBe(false);
    expect(await loadFollowUpDraft(replica.complaints, 'c-gone')).toBeNull();
    expect((await replica.sync_rejections.findOne(refused.id).exec())?.resolvedAt).toBe(0);
  });

  it('leaves the refusal open when there is nothing it can redo', async () => {
    const refused = refusal('complaints', 'c-gone', { id: 'c-gone', categoryId: 'cat-9' });
    await replica.sync_rejections.insert(refused);
    expect(await resolveRefusal(context, refused, true)).toBe(false);
    expect((await replica.sync_rejections.findOne(refused.id).exec())?.resolvedAt).toBe(0);
  });
});
