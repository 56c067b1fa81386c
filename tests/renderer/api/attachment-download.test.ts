import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AccessTokenProvider } from '../../../renderer/src/api/access-token-provider.ts';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { AttachmentTransfer } from '../../../renderer/src/sync/attachment-transfer.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';

const PHOTO = { id: 'file-1', name: 'lokasi.jpg', type: 'image/jpeg' as const, size: 4 };
const EVENT: ComplaintEvent = {
  id: 'event-1',
  complaintId: 'c-1',
  instansiId: 'pemprov-kaltim',
  kind: 'tindak_lanjut',
  fromStatus: 'didisposisi',
  toStatus: 'ditindaklanjuti',
  targetUnitId: '',
  reasonCode: '',
  reason: 'Saluran sudah dibersihkan oleh tim lapangan pada hari Senin.',
  relatedComplaintId: '',
  attachments: [PHOTO],
  anonim: false,
  rahasia: false,
  officerId: 'officer-pupr',
  officerName: 'Budi',
  officerRole: 'penghubung',
  deviceTime: 1,
  serverTime: 2,
  serverSeq: 7,
};

let counter = 0;
let replica: Replica;
let transfer: AttachmentTransfer;
/** What the server answers: the author's upload is complete or not yet. */
let uploaded = false;
const requested: string[] = [];

beforeEach(async () => {
  counter += 1;
  uploaded = false;
  requested.length = 0;
  replica = await openReplica(`download-${counter}`, getRxStorageMemory(), [
    'attachment_files',
    'complaint_events',
  ]);
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname;
    requested.push(path);
    if (path === `/api/attachments/${PHOTO.id}`) {
      return Response.json({ id: PHOTO.id, size: 4, receivedBytes: 0, complete: uploaded });
    }
    if (path === `/api/attachments/${PHOTO.id}/content`) {
      if (!uploaded) return Response.json({ error: 'not_found', message: '-' }, { status: 404 });
      return new Response(new Uint8Array([1, 2, 3, 4]), {
        headers: { 'content-type': PHOTO.type },
      });
    }
    return Response.json({ error: 'not_found', message: '-' }, { status: 404 });
  });
  const tokens = {
    withAccessToken: <T>(use: (token: string) => Promise<T>) => use('token'),
  } as unknown as AccessTokenProvider;
  transfer = new AttachmentTransfer({ replica, serverUrl: 'http://server.test', tokens });
});

afterEach(async () => {
  await transfer.stop();
  vi.unstubAllGlobals();
  await replica.remove();
});

describe('downloading a file of a timeline event', () => {
  it('never asks for the content of a file its author is still uploading, and fetches it once complete', async () => {
    transfer.start();
    transfer.want(EVENT);
    await transfer.idle();
    expect(requested).not.toContain(`/api/attachments/${PHOTO.id}/content`);
    expect(await replica.attachment_files.findOne(PHOTO.id).exec()).toBeNull();
    expect(transfer.state$.value.problem).toBeNull();

    uploaded = true;
    transfer.kick();
    await transfer.idle();
    expect(requested.filter((path) => path.endsWith('/content'))).toHaveLength(1);
    const stored = await replica.attachment_files.findOne(PHOTO.id).exec();
    expect(stored?.state).toBe('downloaded');
  });
});
