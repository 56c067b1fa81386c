import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pull, pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 120 });
});
afterAll(() => server.close());

/**
 * The checkpoint must never pass a change that commits later. With many concurrent writers
 * and a reader pulling all the time, the reader must end up with every change. PGlite has a
 * single connection, so the race can only show on a real PostgreSQL server.
 */
describe('change numbers under concurrent writes', () => {
  it('lets a continuously pulling reader see every concurrently committed change', async (context) => {
    if (server.databaseKind !== 'postgresql') {
      context.skip('needs a real PostgreSQL server: PGlite serialises every connection');
    }
    const admin: SessionResponse = await server.login('admin.kaltim');
    const { documents, checkpoint } = await pullAll<Complaint>(
      server.app,
      admin,
      'complaints',
      200,
    );
    const targets = documents
      .filter((doc) => doc.status === 'didisposisi' || doc.status === 'ditindaklanjuti')
      .slice(0, 40);
    expect(targets.length).toBeGreaterThanOrEqual(20);

    const seen = new Map<string, number>();
    let readerCheckpoint = checkpoint;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await pull<Complaint>(server.app, admin, 'complaints', readerCheckpoint, 500);
        for (const doc of page.documents) seen.set(doc.id, doc.serverSeq);
        readerCheckpoint = page.checkpoint ?? readerCheckpoint;
      }
    })();
    await Promise.all(
      targets.map((doc: WireDocument<Complaint>) =>
        pushComplaints(server.app, admin, [
          {
            assumedMasterState: doc,
            newDocumentState: { ...doc, priority: doc.priority === 'tinggi' ? 'rendah' : 'tinggi' },
          },
        ]),
      ),
    );
    writing = false;
    await reader;
    // Catch up from where the reader stopped: a change numbered below a checkpoint the reader
    // already passed would be lost for good and fail the check below.
    for (;;) {
      const page = await pull<Complaint>(server.app, admin, 'complaints', readerCheckpoint, 500);
      if (page.documents.length === 0) break;
      for (const doc of page.documents) seen.set(doc.id, doc.serverSeq);
      readerCheckpoint = page.checkpoint ?? readerCheckpoint;
    }
    const missed = targets.filter((doc) => !seen.has(doc.id));
    expect(missed).toEqual([]);
  });
});
