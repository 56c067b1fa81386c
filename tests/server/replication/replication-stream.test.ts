import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import type { PullResponse, SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer({ complaints: 80 });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

/** Opens the SSE stream and collects its batches until closed. */
async function openStream<T = Complaint>(session: SessionResponse, collection = 'complaints') {
  const controller = new AbortController();
  const batches: PullResponse<T>[] = [];
  const response = await fetch(`${baseUrl}/api/replication/${collection}/stream`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const parser = createParser({ onEvent: (event) => batches.push(JSON.parse(event.data)) });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { batches, close: () => controller.abort() };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('change stream', () => {
  it('delivers another officer’s accepted change live, within the listener’s scope only', async () => {
    const admin = await server.login('admin.kaltim');
    const penghubung = await server.login('pupr.kaltim');
    const all = (await pullAll<Complaint>(server.app, admin, 'complaints', 100)).documents;
    const own = all.find((doc) => doc.unitId === 'unit-pupr' && doc.status === 'didisposisi');
    const foreign = all.find((doc) => doc.unitId !== 'unit-pupr' && doc.status === 'didisposisi');
    if (!own || !foreign) throw new Error('fixture lacks a disposed complaint for each side');
    const stream = await openStream(penghubung);
    try {
      const edit = (doc: WireDocument<Complaint>) =>
        pushComplaints(server.app, admin, [
          { assumedMasterState: doc, newDocumentState: { ...doc, priority: 'mendesak' } },
        ]);
      await edit(foreign);
      await edit(own);
      const delivered = await waitFor(() =>
        stream.batches.flatMap((batch) => batch.documents).find((doc) => doc.id === own.id),
      );
      expect(delivered.priority).toBe('mendesak');
      expect(delivered).not.toHaveProperty('reporter');
      const ids = stream.batches.flatMap((batch) => batch.documents.map((doc) => doc.id));
      expect(ids).not.toContain(foreign.id);
      const last = stream.batches[stream.batches.length - 1];
      expect(last?.checkpoint?.seq).toBe(delivered.serverSeq);
    } finally {
      stream.close();
    }
  });

  it('sends the former OPD of a re-disposed complaint bare tombstones of it and its events, then nothing of it', async () => {
    const admin = await server.login('admin.kaltim');
    const pupr = await server.login('pupr.kaltim');
    const [dinkes] = await server.db.query<{ unit_id: string }>(
      "SELECT unit_id FROM officers WHERE username = 'dinkes.kaltim'",
    );
    const complaints = (await pullAll<Complaint>(server.app, pupr, 'complaints', 200)).documents;
    const events = (await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000))
      .documents;
    const [moving, staying] = complaints.filter(
      (doc) => doc.status === 'didisposisi' && events.some((event) => event.complaintId === doc.id),
    );
    if (!moving || !staying || !dinkes) throw new Error('fixture lacks two disposed complaints');
    const held = events.filter((event) => event.complaintId === moving.id);
    const complaintStream = await openStream<Complaint>(pupr);
    const eventStream = await openStream<ComplaintEvent>(pupr, 'complaint_events');
    try {
      const master = (
        await pullAll<Complaint>(server.app, admin, 'complaints', 200)
      ).documents.find((doc) => doc.id === moving.id)!;
      await pushComplaints(server.app, admin, [
        { assumedMasterState: master, newDocumentState: { ...master, unitId: dinkes.unit_id } },
      ]);
      const note = (complaint: Complaint, reason: string) => ({
        ...held[0]!,
        id: randomUUID(),
        complaintId: complaint.id,
        kind: 'catatan_internal' as const,
        reason,
        serverSeq: 0,
        serverTime: 0,
        attachments: [],
        _deleted: false,
      });
      const afterExit = note(moving, 'Catatan Dinkes sesudah pindah');
      // A note on a complaint PUPR still holds comes after it: once that arrives, the stream has
      // passed the note on the moved complaint.
      const marker = note(staying, 'Catatan pada pengaduan PUPR');
      for (const event of [afterExit, marker]) {
        const pushed = await server.app.inject({
          method: 'POST',
          url: '/api/replication/complaint_events/push',
          payload: [{ newDocumentState: event }],
          headers: { authorization: `Bearer ${admin.accessToken}` },
        });
        expect(pushed.json()).toEqual([]);
      }
      const streamed = () => eventStream.batches.flatMap((batch) => batch.documents);
      await waitFor(() => streamed().find((doc) => doc.id === marker.id));
      const gone = await waitFor(() =>
        complaintStream.batches
          .flatMap((batch) => batch.documents)
          .find((doc) => doc.id === moving.id),
      );
      expect(gone).toEqual({ id: moving.id, _deleted: true });
      expect(streamed().filter((doc) => doc._deleted)).toEqual(
        held.map((event) => ({ id: event.id, _deleted: true })),
      );
      expect(streamed().map((doc) => doc.id)).not.toContain(afterExit.id);
    } finally {
      complaintStream.close();
      eventStream.close();
    }
  });

  it('refuses a stream without a valid session', async () => {
    const response = await fetch(`${baseUrl}/api/replication/complaints/stream`);
    expect(response.status).toBe(401);
  });
});
