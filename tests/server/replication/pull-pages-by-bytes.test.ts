import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { fitPageToBytes } from '../../../server/replication/fit-page-to-bytes.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

let server: TestServer;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 120 });
  admin = await server.login('admin.kaltim');
});
afterAll(() => server.close());

async function pullByBytes(checkpoint: unknown, maxBytes: number, limit = 1000) {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/replication/complaints/pull',
    query: {
      checkpoint: JSON.stringify(checkpoint),
      limit: String(limit),
      maxBytes: String(maxBytes),
    },
    headers: bearer(admin),
  });
  return {
    status: response.statusCode,
    bytes: response.rawPayload.length,
    body: response.json<PullResponse<Complaint>>(),
  };
}

describe('pull pages sized in bytes', () => {
  it('ends each page at the last document within the byte budget and says more follow', async () => {
    const page = await pullByBytes({ seq: 0 }, 20_000);
    expect(page.status).toBe(200);
    expect(page.body.documents.length).toBeGreaterThan(1);
    expect(page.body.documents.length).toBeLessThan(120);
    expect(page.bytes).toBeLessThanOrEqual(20_000 + 200); // the envelope around the documents
    expect(page.body.more).toBe(true);
    const last = page.body.documents[page.body.documents.length - 1]!;
    expect(page.body.checkpoint?.seq).toBe(last.serverSeq);
  });

  it('brings every document exactly once, in change order, page after page', async () => {
    const byCount = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents;
    const byBytes: string[] = [];
    let checkpoint: unknown = { seq: 0 };
    let pages = 0;
    for (;;) {
      const page = await pullByBytes(checkpoint, 16_384);
      pages += 1;
      byBytes.push(...page.body.documents.map((doc) => doc.id));
      checkpoint = page.body.checkpoint;
      if (!page.body.more) break;
    }
    expect(pages).toBeGreaterThan(5);
    expect(byBytes).toEqual(byCount.map((doc) => doc.id));
  });

  it('says no more follow when the page holds the rest', async () => {
    const page = await pullByBytes({ seq: 0 }, 16 * 1024 * 1024);
    expect(page.body.documents).toHaveLength(120);
    expect(page.body.more).toBe(false);
    const full = await pullByBytes({ seq: 0 }, 16 * 1024 * 1024, 120);
    expect(full.body.more).toBe(true);
  });

  it('lets only a pull asked by bytes ask for more than 1,000 documents', async () => {
    const byBytes = await pullByBytes({ seq: 0 }, 16 * 1024 * 1024, 5000);
    expect(byBytes.status).toBe(200);
    expect(byBytes.body.documents).toHaveLength(120);
    const refused = async (query: Record<string, string>) =>
      (
        await server.app.inject({
          method: 'GET',
          url: '/api/replication/complaints/pull',
          query,
          headers: bearer(admin),
        })
      ).statusCode;
    expect(await refused({ limit: '5000' })).toBe(400);
    expect(await refused({ limit: '5001', maxBytes: '65536' })).toBe(400);
    expect(await refused({ limit: '1000' })).toBe(200);
  });

  it('refuses a byte budget too small or too large, or not a number', async () => {
    for (const maxBytes of ['10', String(64 * 1024 * 1024), 'banyak']) {
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/replication/complaints/pull?maxBytes=${maxBytes}`,
        headers: bearer(admin),
      });
      expect(response.statusCode, maxBytes).toBe(400);
    }
  });

  it('asks again for a prefix ending at a tombstone, which carries no change number', async () => {
    const alive = (id: string, seq: number) =>
      ({ id, serverSeq: seq, text: 'x'.repeat(100), _deleted: false }) as const;
    const page = {
      documents: [alive('a', 1), { id: 'b', _deleted: true }, alive('c', 3)],
      checkpoint: { seq: 3 },
    } as PullResponse<{ id: string }>;
    const asked: number[] = [];
    const fitted = await fitPageToBytes(page, 190, async (limit) => {
      asked.push(limit);
      return { documents: page.documents.slice(0, limit), checkpoint: { seq: 2 } };
    });
    expect(asked).toEqual([2]);
    expect(fitted.cut).toBe(true);
    expect(fitted.page.checkpoint).toEqual({ seq: 2 });
    expect(fitted.page.documents.map((doc) => doc.id)).toEqual(['a', 'b']);
  });
});
