import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { AttachmentUploadState } from '../../../shared/api/attachment-contract.ts';
import {
  ATTACHMENT_CHUNK_BYTES,
  type AttachmentMeta,
} from '../../../shared/attachments/attachment-rules.ts';
import { planFollowUp, type FollowUpInput } from '../../../shared/domain/follow-up.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';
import { openTestReplica } from '../support/test-replica.ts';

const NOW = SEED_NOW + 2 * 3_600_000;

let server: TestServer;
let admin: SessionResponse;
let pupr: SessionResponse;
let dinkes: SessionResponse;
let koordinator: SessionResponse;
let complaints: WireDocument<Complaint>[];
const taken = new Set<string>();
/** For tests that change nothing on the complaint itself. */
let shared: Complaint | undefined;
const sharedComplaint = () => (shared ??= puprComplaint('didisposisi'));

beforeAll(async () => {
  server = await startTestServer({ complaints: 300, spanDays: 30, app: { now: () => NOW } });
  admin = await server.login('admin.kaltim');
  pupr = await server.login('pupr.kaltim');
  dinkes = await server.login('dinkes.kaltim');
  koordinator = await server.login('koordinator.kaltim');
  complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 500)).documents;
});
afterAll(() => server.close());

/** A complaint of the PUPR OPD in `status` no other test of this file uses, as PUPR sees it. */
function puprComplaint(status: Complaint['status']): Complaint {
  const found = complaints.find(
    (doc) => doc.unitId === 'unit-pupr' && doc.status === status && !taken.has(doc.id),
  );
  if (!found) throw new Error(`no unused PUPR complaint in ${status}`);
  taken.add(found.id);
  const { reporter: _identity, _deleted, ...visible } = found;
  return visible;
}

function followUp(
  session: SessionResponse,
  complaint: Complaint,
  input: Partial<FollowUpInput> = {},
): ComplaintEvent {
  const plan = planFollowUp(
    complaint,
    {
      kind: 'tindak_lanjut',
      content: 'Tim Dinas PUPR telah meninjau lokasi; pengerukan saluran dijadwalkan pekan depan.',
      attachments: [],
      ...input,
    },
    { officer: session.officer, now: NOW - 60_000, eventId: randomUUID() },
  );
  if (!plan.ok) throw new Error(plan.error.code);
  return plan.event;
}

function pushEvents(session: SessionResponse, events: ComplaintEvent[]) {
  return server.app.inject({
    method: 'POST',
    url: '/api/replication/complaint_events/push',
    payload: events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    headers: bearer(session),
  });
}

async function masterOf(id: string): Promise<WireDocument<Complaint>> {
  const all = (await pullAll<Complaint>(server.app, admin, 'complaints', 500)).documents;
  const found = all.find((doc) => doc.id === id);
  if (!found) throw new Error(`complaint ${id} not pulled`);
  return found;
}

async function rejectionsOf(session: SessionResponse): Promise<SyncRejection[]> {
  return (await pullAll<SyncRejection>(server.app, session, 'sync_rejections')).documents;
}

describe('a public follow-up by the OPD', () => {
  it('moves the complaint to ditindaklanjuti, starts the resolution clock and is stamped by the server', async () => {
    const complaint = puprComplaint('didisposisi');
    const event = followUp(pupr, complaint);
    expect((await pushEvents(pupr, [event])).json()).toEqual([]);

    const master = await masterOf(complaint.id);
    expect(master.status).toBe('ditindaklanjuti');
    expect(master.statusChangedAt).toBe(NOW);
    // The resolution clock counts from arrival, so it ends later than the first-follow-up one.
    expect(master.dueAt).toBeGreaterThan(0);
    expect(master.dueAt).not.toBe(complaint.dueAt);
    expect(master.serverSeq).toBeGreaterThan(complaint.serverSeq);

    const pulled = (await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000))
      .documents;
    expect(pulled.find((row) => row.id === event.id)).toMatchObject({
      kind: 'tindak_lanjut',
      fromStatus: 'didisposisi',
      toStatus: 'ditindaklanjuti',
      officerId: pupr.officer.id,
      serverTime: NOW,
    });
  });

  it('converges when the device pushes its status change before the follow-up', async () => {
    const complaint = puprComplaint('didisposisi');
    const event = followUp(pupr, complaint);
    const moved = { ...complaint, status: 'ditindaklanjuti' as const, _deleted: false };
    const early = await pushComplaints(server.app, pupr, [
      { assumedMasterState: { ...complaint, _deleted: false }, newDocumentState: moved },
    ]);
    // The move waits for its event: the device goes back to the master, and a refusal says why.
    expect(early.json()).toEqual([{ ...complaint, _deleted: false }]);
    expect((await masterOf(complaint.id)).status).toBe('didisposisi');
    expect((await rejectionsOf(pupr)).filter((row) => row.documentId === complaint.id)).toEqual([
      expect.objectContaining({ reasonCode: 'lifecycle', resolvedAt: 0 }),
    ]);
    // The follow-up arrives after all: it moves the status and settles that refusal.
    expect((await pushEvents(pupr, [event])).json()).toEqual([]);
    expect((await masterOf(complaint.id)).status).toBe('ditindaklanjuti');
    expect((await rejectionsOf(pupr)).filter((row) => row.documentId === complaint.id)).toEqual([
      expect.objectContaining({ reasonCode: 'lifecycle', resolvedAt: NOW }),
    ]);
  });

  it('a second follow-up keeps ditindaklanjuti and records the true from-status', async () => {
    const complaint = puprComplaint('didisposisi');
    // Two officers' devices, both offline when the complaint was still didisposisi.
    const first = followUp(pupr, complaint);
    const second = followUp(admin, complaint, {
      content: 'Admin Instansi menambahkan: jadwal pengerukan sudah dikonfirmasi.',
    });
    expect((await pushEvents(pupr, [first])).json()).toEqual([]);
    expect((await pushEvents(admin, [second])).json()).toEqual([]);
    const events = (await pullAll<ComplaintEvent>(server.app, admin, 'complaint_events', 1000))
      .documents;
    expect(events.find((row) => row.id === second.id)).toMatchObject({
      fromStatus: 'ditindaklanjuti',
      toStatus: 'ditindaklanjuti',
    });
  });

  it('refuses a follow-up shorter than the minimum with a validation refusal', async () => {
    const complaint = puprComplaint('didisposisi');
    const short = { ...followUp(pupr, complaint), reason: 'Sudah.' };
    expect((await pushEvents(pupr, [short])).json()).toEqual([{ id: short.id, _deleted: true }]);
    const refusal = (await rejectionsOf(pupr)).find((row) => row.documentId === short.id);
    expect(refusal).toMatchObject({ reasonCode: 'validation' });
    expect(refusal?.reason).toContain('minimal 30');
    expect((await masterOf(complaint.id)).status).toBe('didisposisi');
  });

  it('sends the master back when the device moved the status with a follow-up the server refused', async () => {
    const complaint = puprComplaint('didisposisi');
    const refused = { ...followUp(pupr, complaint), reason: 'Terlalu pendek.' };
    expect((await pushEvents(pupr, [refused])).json()).toHaveLength(1);
    const moved = { ...complaint, status: 'ditindaklanjuti' as const, _deleted: false };
    const late = await pushComplaints(server.app, pupr, [
      { assumedMasterState: { ...complaint, _deleted: false }, newDocumentState: moved },
    ]);
    expect(late.json()).toEqual([
      expect.objectContaining({ id: complaint.id, status: 'didisposisi' }),
    ]);
  });

  it('refuses a follow-up on a complaint of another OPD without writing it', async () => {
    const complaint = puprComplaint('didisposisi');
    const event = followUp(pupr, complaint);
    const response = await pushEvents(dinkes, [{ ...event, officerId: dinkes.officer.id }]);
    expect(response.json()).toEqual([{ id: event.id, _deleted: true }]);
    expect((await rejectionsOf(dinkes)).find((row) => row.documentId === event.id)).toMatchObject({
      reasonCode: 'not_found',
    });
    expect((await masterOf(complaint.id)).status).toBe('didisposisi');
  });

  it('refuses a public follow-up on a complaint not yet disposed', async () => {
    const complaint = complaints.find((doc) => doc.status === 'belum_diverifikasi');
    if (!complaint) throw new Error('no unverified complaint');
    const event: ComplaintEvent = {
      ...followUp(admin, { ...complaint, status: 'didisposisi' }),
      fromStatus: 'belum_diverifikasi',
    };
    expect((await pushEvents(admin, [event])).json()).toHaveLength(1);
    expect((await rejectionsOf(admin)).find((row) => row.documentId === event.id)).toMatchObject({
      reasonCode: 'lifecycle',
    });
  });

  it('an internal note leaves the status alone', async () => {
    const complaint = puprComplaint('didisposisi');
    const note = followUp(pupr, complaint, { kind: 'catatan_internal', content: 'Cek anggaran.' });
    expect((await pushEvents(pupr, [note])).json()).toEqual([]);
    expect((await masterOf(complaint.id)).status).toBe('didisposisi');
  });
});

describe('closing', () => {
  it('refuses selesai for a complaint nobody has answered (an imported one) and accepts it once answered', async () => {
    const found = complaints.find((doc) => doc.status === 'ditindaklanjuti' && !taken.has(doc.id));
    if (!found) throw new Error('no followed-up complaint');
    taken.add(found.id);
    // What an import of a complaint already in ditindaklanjuti leaves: no follow-up on record.
    await server.db.query(
      `DELETE FROM complaint_events WHERE complaint_id = $1 AND kind = 'tindak_lanjut'`,
      [found.id],
    );
    const close = () =>
      pushComplaints(server.app, admin, [
        {
          assumedMasterState: found,
          newDocumentState: { ...found, status: 'selesai' as const },
        },
      ]);
    const refused = await close();
    expect(refused.json()).toEqual([expect.objectContaining({ status: 'ditindaklanjuti' })]);
    const refusal = (await rejectionsOf(admin)).find((row) => row.documentId === found.id);
    expect(refusal).toMatchObject({ reasonCode: 'lifecycle' });
    expect(refusal?.reason).toContain('tanggapan publik');

    const { reporter: _identity, _deleted, ...visible } = found;
    expect((await pushEvents(admin, [followUp(admin, visible)])).json()).toEqual([]);
    expect((await close()).json()).toEqual([]);
    expect((await masterOf(found.id)).status).toBe('selesai');
  });
});

describe('confidentiality', () => {
  it('never sends reporter identity to a penghubung or koordinator, and only the admin its reveals', async () => {
    const complaint = puprComplaint('didisposisi');
    const reveal: ComplaintEvent = {
      ...followUp(admin, complaint, { kind: 'catatan_internal', content: 'x'.repeat(10) }),
      kind: 'identitas_dibuka',
      reason: '',
    };
    expect((await pushEvents(admin, [reveal])).json()).toEqual([]);
    for (const session of [pupr, koordinator]) {
      const pulled = await pullAll<Complaint>(server.app, session, 'complaints', 500);
      expect(pulled.documents.length).toBeGreaterThan(0);
      expect(pulled.documents.every((doc) => doc.reporter === undefined)).toBe(true);
      const events = await pullAll<ComplaintEvent>(server.app, session, 'complaint_events', 1000);
      expect(events.documents.some((row) => row.kind === 'identitas_dibuka')).toBe(false);
    }
    const adminEvents = await pullAll<ComplaintEvent>(server.app, admin, 'complaint_events', 1000);
    expect(adminEvents.documents.some((row) => row.id === reveal.id)).toBe(true);
    const audit = await server.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE document_id = $1',
      [reveal.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['identity_revealed']);
  });
});

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];

function fakeJpeg(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from(JPEG_HEAD).copy(bytes);
  return bytes;
}

function announce(session: SessionResponse, body: Record<string, unknown>) {
  return server.app.inject({
    method: 'POST',
    url: '/api/attachments',
    payload: body,
    headers: bearer(session),
  });
}

function sendChunk(session: SessionResponse, id: string, offset: number, chunk: Buffer) {
  return server.app.inject({
    method: 'POST',
    url: `/api/attachments/${id}/chunks?offset=${offset}`,
    payload: chunk,
    headers: { ...bearer(session), 'content-type': 'application/octet-stream' },
  });
}

describe('attachments', () => {
  it('uploads in chunks, resumes after a cut, and serves the photo once its follow-up is in', async () => {
    const complaint = puprComplaint('didisposisi');
    const bytes = fakeJpeg(ATTACHMENT_CHUNK_BYTES * 2 + 1234);
    const meta: AttachmentMeta = {
      id: randomUUID(),
      name: 'saluran tersumbat.jpg',
      type: 'image/jpeg',
      size: bytes.byteLength,
    };
    const event = followUp(pupr, complaint, { attachments: [meta] });
    const announced = await announce(pupr, {
      ...meta,
      eventId: event.id,
      complaintId: complaint.id,
    });
    expect(announced.statusCode).toBe(201);

    expect(
      (await sendChunk(pupr, meta.id, 0, bytes.subarray(0, ATTACHMENT_CHUNK_BYTES))).json(),
    ).toMatchObject({ receivedBytes: ATTACHMENT_CHUNK_BYTES, complete: false });
    // The link drops: the device asks where to resume and sends an already sent chunk again.
    const again = await announce(pupr, { ...meta, eventId: event.id, complaintId: complaint.id });
    expect(again.json<AttachmentUploadState>().receivedBytes).toBe(ATTACHMENT_CHUNK_BYTES);
    const stale = await sendChunk(pupr, meta.id, 0, bytes.subarray(0, ATTACHMENT_CHUNK_BYTES));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ receivedBytes: ATTACHMENT_CHUNK_BYTES });
    let offset = ATTACHMENT_CHUNK_BYTES;
    let last: AttachmentUploadState | undefined;
    while (offset < bytes.byteLength) {
      const chunk = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
      const response = await sendChunk(pupr, meta.id, offset, chunk);
      expect(response.statusCode).toBe(200);
      last = response.json<AttachmentUploadState>();
      offset += chunk.byteLength;
    }
    expect(last).toMatchObject({ complete: true, receivedBytes: bytes.byteLength });

    // Before the follow-up is accepted only its author can read it.
    const early = await server.app.inject({
      url: `/api/attachments/${meta.id}/content`,
      headers: bearer(admin),
    });
    expect(early.statusCode).toBe(404);
    expect((await pushEvents(pupr, [event])).json()).toEqual([]);
    const content = await server.app.inject({
      url: `/api/attachments/${meta.id}/content`,
      headers: bearer(admin),
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    expect(content.headers['content-disposition']).toContain(
      "filename*=UTF-8''saluran%20tersumbat.jpg",
    );
    expect(Buffer.compare(content.rawPayload, bytes)).toBe(0);

    const otherOpd = await server.app.inject({
      url: `/api/attachments/${meta.id}/content`,
      headers: bearer(dinkes),
    });
    expect(otherOpd.statusCode).toBe(404);
  });

  it.each([
    ['an executable named as a photo', { name: 'foto.exe', type: 'application/x-msdownload' }],
    ['a file over 10 MB', { size: 10 * 1024 * 1024 + 1 }],
    ['a path in the name', { name: '../../etc/passwd' }],
    ['a Windows path in the name', { name: 'C:\\Users\\foto.jpg' }],
    ['a control character in the name', { name: 'foto\u0007.jpg' }],
    ['an empty file', { size: 0 }],
  ])('refuses %s with a clear 400 and stores nothing', async (_label, override) => {
    const complaint = sharedComplaint();
    const body = {
      id: randomUUID(),
      name: 'foto.jpg',
      type: 'image/jpeg',
      size: 1000,
      eventId: randomUUID(),
      complaintId: complaint.id,
      ...override,
    };
    const response = await announce(pupr, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details.length).toBeGreaterThan(0);
    const rows = await server.db.query('SELECT 1 FROM attachments WHERE id = $1', [body.id]);
    expect(rows).toEqual([]);
  });

  it('an upload in chunks grows the database by about its own size, not the file at every chunk', async () => {
    const complaint = sharedComplaint();
    // Photos do not compress: noise behind the JPEG header, like a real one.
    const bytes = randomBytes(ATTACHMENT_CHUNK_BYTES * 8);
    fakeJpeg(16).copy(bytes);
    const id = randomUUID();
    const tablesBytes = async () => {
      const [row] = await server.db.query<{ bytes: number }>(
        `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
          WHERE c.relname IN ('attachments', 'attachment_chunks') AND c.relkind = 'r'`,
      );
      return Number(row?.bytes ?? 0);
    };
    const before = await tablesBytes();
    await announce(pupr, {
      id,
      name: 'saluran.jpg',
      type: 'image/jpeg',
      size: bytes.byteLength,
      eventId: randomUUID(),
      complaintId: complaint.id,
    });
    // The first chunk is shorter than the type check's header: it reads across chunks.
    const cuts = [
      0,
      7,
      ...Array.from({ length: 8 }, (_, index) => (index + 1) * ATTACHMENT_CHUNK_BYTES),
    ];
    for (const [index, offset] of cuts.slice(0, -1).entries()) {
      const response = await sendChunk(pupr, id, offset, bytes.subarray(offset, cuts[index + 1]));
      expect(response.statusCode, response.body).toBe(200);
    }
    const grown = (await tablesBytes()) - before;
    // Rewriting the file at every chunk wrote 1 + 2 + … + 8 chunks: 4.5 times the file.
    expect(grown).toBeLessThan(bytes.byteLength * 1.5);
    const content = await server.app.inject({
      url: `/api/attachments/${id}/content`,
      headers: bearer(pupr),
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-length']).toBe(String(bytes.byteLength));
    expect(Buffer.compare(content.rawPayload, bytes)).toBe(0);
  });

  it('discards an upload whose bytes are not the declared type', async () => {
    const complaint = sharedComplaint();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const id = randomUUID();
    await announce(pupr, {
      id,
      name: 'foto.jpg',
      type: 'image/jpeg',
      size: html.byteLength,
      eventId: randomUUID(),
      complaintId: complaint.id,
    });
    const response = await sendChunk(pupr, id, 0, html);
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('tidak sesuai');
    expect(await server.db.query('SELECT 1 FROM attachments WHERE id = $1', [id])).toEqual([]);
  });

  it('refuses a chunk larger than the chunk size with 413', async () => {
    const complaint = sharedComplaint();
    const id = randomUUID();
    const size = ATTACHMENT_CHUNK_BYTES * 3;
    await announce(pupr, {
      id,
      name: 'besar.jpg',
      type: 'image/jpeg',
      size,
      eventId: randomUUID(),
      complaintId: complaint.id,
    });
    const response = await sendChunk(pupr, id, 0, fakeJpeg(ATTACHMENT_CHUNK_BYTES + 1));
    expect(response.statusCode).toBe(413);
  });

  it('refuses uploads from the read-only koordinator and to a complaint of another OPD', async () => {
    const complaint = sharedComplaint();
    const body = {
      id: randomUUID(),
      name: 'foto.jpg',
      type: 'image/jpeg',
      size: 1000,
      eventId: randomUUID(),
      complaintId: complaint.id,
    };
    expect((await announce(koordinator, body)).statusCode).toBe(403);
    expect((await announce(dinkes, body)).statusCode).toBe(404);
  });

  it('refuses attachments on an event that is not a follow-up or note', async () => {
    const complaint = sharedComplaint();
    const reveal: ComplaintEvent = {
      ...followUp(admin, complaint, {
        attachments: [{ id: randomUUID(), name: 'a.pdf', type: 'application/pdf', size: 10 }],
      }),
      kind: 'identitas_dibuka',
    };
    expect((await pushEvents(admin, [reveal])).json()).toHaveLength(1);
    expect((await rejectionsOf(admin)).find((row) => row.documentId === reveal.id)).toMatchObject({
      reasonCode: 'validation',
    });
  });
});

describe('an event lists only files its officer announced for that complaint and event', () => {
  const pdf = (size = 2000): Omit<AttachmentMeta, 'id'> => ({
    name: 'berita acara.pdf',
    type: 'application/pdf',
    size,
  });

  async function expectRefused(event: ComplaintEvent) {
    const conflicts = (await pushEvents(pupr, [event])).json<WireDocument<ComplaintEvent>[]>();
    expect(conflicts).toEqual([expect.objectContaining({ id: event.id, _deleted: true })]);
    expect(
      await server.db.query('SELECT 1 FROM complaint_events WHERE id = $1', [event.id]),
    ).toEqual([]);
    expect((await rejectionsOf(pupr)).find((row) => row.documentId === event.id)).toMatchObject({
      reasonCode: 'validation',
      reason: expect.stringContaining('belum diumumkan'),
    });
  }

  it('refuses an attachment id nobody announced', async () => {
    const event = followUp(pupr, sharedComplaint(), {
      attachments: [{ id: randomUUID(), ...pdf() }],
    });
    await expectRefused(event);
  });

  it('refuses an attachment another officer announced for the same complaint', async () => {
    const complaint = sharedComplaint();
    const meta = { id: randomUUID(), ...pdf() };
    const event = followUp(pupr, complaint, { attachments: [meta] });
    const announced = await announce(admin, {
      ...meta,
      eventId: event.id,
      complaintId: complaint.id,
    });
    expect(announced.statusCode).toBe(201);
    await expectRefused(event);
  });

  it('refuses an attachment the officer announced for another complaint', async () => {
    const other = puprComplaint('didisposisi');
    const meta = { id: randomUUID(), ...pdf() };
    const event = followUp(pupr, sharedComplaint(), { attachments: [meta] });
    expect(
      (await announce(pupr, { ...meta, eventId: event.id, complaintId: other.id })).statusCode,
    ).toBe(201);
    await expectRefused(event);
  });

  it('refuses a listed file whose size differs from the announced one', async () => {
    const complaint = sharedComplaint();
    const meta = { id: randomUUID(), ...pdf() };
    const event = followUp(pupr, complaint, { attachments: [{ ...meta, size: 999 }] });
    await announce(pupr, { ...meta, eventId: event.id, complaintId: complaint.id });
    await expectRefused(event);
  });

  it('a workstation replica announces the files of its follow-up before pushing it', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const device = await openTestReplica({
      serverUrl: url,
      session: await server.login('pupr.kaltim', 'replica-device'),
      now: () => NOW,
    });
    try {
      await device.sync();
      const complaint = sharedComplaint();
      const bytes = fakeJpeg(3000);
      const meta: AttachmentMeta = {
        id: randomUUID(),
        name: 'foto.jpg',
        type: 'image/jpeg',
        size: 3000,
      };
      const event = followUp(pupr, complaint, { kind: 'catatan_internal', attachments: [meta] });
      await device.replica.complaint_events.insert(event);
      await device.sync();
      const refused = (await device.openRejections()).filter((row) => row.documentId === event.id);
      expect(refused.map((row) => row.reason)).toEqual([]);
      const [stored] = await server.db.query<{ attachments: unknown }>(
        'SELECT attachments FROM complaint_events WHERE id = $1',
        [event.id],
      );
      expect(stored?.attachments).toEqual([meta]);
      // The bytes follow (the transfer queue resumes from the announcement).
      expect((await sendChunk(pupr, meta.id, 0, bytes)).json()).toMatchObject({ complete: true });
      const content = await server.app.inject({
        url: `/api/attachments/${meta.id}/content`,
        headers: bearer(admin),
      });
      expect(Buffer.compare(content.rawPayload, bytes)).toBe(0);
    } finally {
      await device.close();
    }
  });
});
