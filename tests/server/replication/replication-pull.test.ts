import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { complaintSchema } from '../../../shared/schemas/complaint.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pull, pullAll } from '../support/replication-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 180 });
});
afterAll(() => server.close());

describe('pull paging with checkpoints', () => {
  it('delivers every complaint exactly once across pages, in change-number order', async () => {
    const admin = await server.login('admin.kaltim');
    const { documents, pages, checkpoint } = await pullAll<Complaint>(
      server.app,
      admin,
      'complaints',
      50,
    );
    expect(documents).toHaveLength(180);
    expect(pages).toBe(4);
    expect(new Set(documents.map((doc) => doc.id)).size).toBe(180);
    const seqs = documents.map((doc) => doc.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(checkpoint.seq).toBe(seqs[seqs.length - 1]);
    for (const doc of documents) expect(complaintSchema.safeParse(doc).success).toBe(true);
  });

  it('returns nothing new and the same checkpoint when the client is up to date', async () => {
    const admin = await server.login('admin.kaltim');
    const { checkpoint } = await pullAll<Complaint>(server.app, admin, 'complaints', 200);
    const again = await pull<Complaint>(server.app, admin, 'complaints', checkpoint, 50);
    expect(again.documents).toEqual([]);
    expect(again.checkpoint).toEqual(checkpoint);
  });

  it('tells how many documents remain when asked, for the progress bar', async () => {
    const admin = await server.login('admin.kaltim');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":0}', limit: '30', count: '1' },
      headers: bearer(admin),
    });
    expect(response.json().remaining).toBe(150);
  });

  it('replicates the OPD units and categories of the instansi', async () => {
    const admin = await server.login('pupr.kaltim');
    const units = await pullAll(server.app, admin, 'units');
    const categories = await pullAll(server.app, admin, 'categories');
    expect(units.documents).toHaveLength(13);
    expect(categories.documents).toHaveLength(14);
  });
});

describe('scope by role', () => {
  it('gives a penghubung only the complaints disposed to its own OPD, without reporter identity', async () => {
    const penghubung = await server.login('pupr.kaltim');
    const { documents } = await pullAll<Complaint>(server.app, penghubung, 'complaints');
    const [{ count } = { count: -1 }] = await server.db.query<{ count: number }>(
      "SELECT count(*)::integer AS count FROM complaints WHERE unit_id = 'unit-pupr'",
    );
    expect(count).toBeGreaterThan(0);
    expect(documents).toHaveLength(count);
    for (const doc of documents) {
      expect(doc.unitId).toBe('unit-pupr');
      expect(doc).not.toHaveProperty('reporter');
    }
    const raw = JSON.stringify(documents);
    const reporters = await server.db.query<{ reporter_phone: string }>(
      "SELECT reporter_phone FROM complaints WHERE unit_id = 'unit-pupr'",
    );
    for (const { reporter_phone } of reporters) expect(raw).not.toContain(reporter_phone);
  });

  it('gives the koordinator every complaint of the instansi without reporter identity', async () => {
    const koordinator = await server.login('koordinator.kaltim');
    const { documents } = await pullAll<Complaint>(server.app, koordinator, 'complaints', 100);
    expect(documents).toHaveLength(180);
    expect(documents.some((doc) => 'reporter' in doc)).toBe(false);
  });

  it('gives the admin instansi the reporter identity', async () => {
    const admin = await server.login('admin.kaltim');
    const { documents } = await pullAll<Complaint>(server.app, admin, 'complaints', 200);
    expect(documents.every((doc) => doc.reporter && doc.reporter.name.length > 0)).toBe(true);
  });
});
