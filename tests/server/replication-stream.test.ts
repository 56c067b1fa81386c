import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import type { PullResponse, SessionResponse, WireDocument } from '../../shared/api/contract.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { pullAll, pushComplaints } from './support/replication-client.ts';

let server: TestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer({ complaints: 80 });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

/** Opens the SSE stream and collects its batches until closed. */
async function openStream(session: SessionResponse) {
  const controller = new AbortController();
  const batches: PullResponse<Complaint>[] = [];
  const response = await fetch(`${baseUrl}/api/replication/complaints/stream`, {
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

  it('refuses a stream without a valid session', async () => {
    const response = await fetch(`${baseUrl}/api/replication/complaints/stream`);
    expect(response.status).toBe(401);
  });
});
