import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { PAGE_SIZE_LIMITS, type PageSizeLimits } from '../../../shared/sync/plan-page-size.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { openTestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

/** Small pages, so a demo instansi of 150 complaints spans several. */
const SMALL_PAGES: PageSizeLimits = {
  ...PAGE_SIZE_LIMITS,
  targetWireBytes: 8 * 1024,
  minWireBytes: 1024,
};

/** Pages of ~14 KB of JSON (a few complaints each), so a sync spans dozens. */
const TINY_PAGES: PageSizeLimits = { ...SMALL_PAGES, targetWireBytes: 2048, minWireBytes: 600 };

let server: TestServer;
let link: FlakyLink;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150 });
  link = new FlakyLink();
  await link.start(await server.app.listen({ port: 0, host: '127.0.0.1' }));
  admin = await server.login('admin.kaltim');
});
afterAll(async () => {
  await link.stop();
  await server.close();
});

const COMPLAINT_PULL = '/api/replication/complaints/pull';
const TIMELINE_PULL = '/api/replication/complaint_events/pull';
const isComplaintPull = (path: string) => path === COMPLAINT_PULL;

/**
 * A first sync whose second pull at `path` is cut at 90% of its body: the queries of the pulls
 * at that path, and the replica (the caller closes it).
 */
async function syncWithSecondPullCut(path: string, pageSizeLimits: PageSizeLimits) {
  let pulls = 0;
  link.decide = (request) => {
    if (request.path !== path) return { kind: 'pass' };
    pulls += 1;
    return pulls === 2 ? { kind: 'cut-mid-body', fraction: 0.9 } : { kind: 'pass' };
  };
  const seenBefore = link.seen.length;
  const replica = await openTestReplica({ serverUrl: link.url, session: admin, pageSizeLimits });
  try {
    await replica.sync();
  } catch (error) {
    await replica.close();
    throw error;
  }
  const asked = link.seen
    .slice(seenBefore)
    .filter((request) => request.path === path)
    .map((request) => new URLSearchParams(request.query));
  return { replica, asked };
}

describe('a first sync over a link that cuts pages mid-body', () => {
  it('keeps a cut page’s whole parts, asks for smaller pages, grows them back, ends with every complaint', async () => {
    const { replica, asked } = await syncWithSecondPullCut(COMPLAINT_PULL, SMALL_PAGES);
    try {
      const budgets = asked.map((query) => Number(query.get('maxBytes')));
      const target = 8 * 1024 * SMALL_PAGES.jsonBytesPerWireByte;
      expect(budgets[0]).toBe(target);
      expect(budgets[1]).toBe(target); // the page that was cut
      expect(budgets[2]).toBe(target / SMALL_PAGES.shrinkFactor);
      expect(budgets.slice(3)).toContain(target);
      // The cut page's whole parts were kept: the next pull starts after them, not at it again.
      const checkpoints = asked.map((query) => query.get('checkpoint'));
      expect(checkpoints[2]).not.toBe(checkpoints[1]);
      const onServer = (await pullAll<{ id: string }>(server.app, admin, 'complaints', 1000))
        .documents;
      const onDevice = await replica.complaints();
      expect(onDevice.map((doc) => doc.id).sort()).toEqual(onServer.map((doc) => doc.id).sort());
    } finally {
      await replica.close();
    }
  });

  it('completes through a link cutting one complaint page in five mid-body, within 1.3x the bytes of a clean run', async () => {
    const onServer = (await pullAll<{ id: string }>(server.app, admin, 'complaints', 1000))
      .documents;
    const syncThrough = async (cutEvery: number) => {
      let pulls = 0;
      link.decide = (request) => {
        if (!isComplaintPull(request.path)) return { kind: 'pass' };
        pulls += 1;
        return cutEvery > 0 && pulls % cutEvery === 0
          ? { kind: 'cut-mid-body', fraction: 0.5 + ((pulls * 37) % 50) / 100 }
          : { kind: 'pass' };
      };
      const before = link.bytesSent;
      const replica = await openTestReplica({
        serverUrl: link.url,
        session: admin,
        pageSizeLimits: TINY_PAGES,
      });
      try {
        await replica.sync();
        const ids = (await replica.complaints()).map((doc) => doc.id);
        expect(ids.sort()).toEqual(onServer.map((doc) => doc.id).sort());
        return link.bytesSent - before;
      } finally {
        await replica.close();
      }
    };
    const clean = await syncThrough(0);
    const cut = await syncThrough(5);
    const pulls = link.seen.filter((request) => isComplaintPull(request.path)).length;
    expect(pulls).toBeGreaterThan(20);
    console.log(
      `first sync bytes: clean ${clean}, one cut in five ${cut} (${(cut / clean).toFixed(2)}x)`,
    );
    expect(cut).toBeLessThanOrEqual(clean * 1.3);
  });

  it('asks for timeline pages in bytes, smaller after a cut, and ends with every event once', async () => {
    const { replica, asked } = await syncWithSecondPullCut(TIMELINE_PULL, TINY_PAGES);
    try {
      const budgets = asked.map((query) => Number(query.get('maxBytes')));
      const target = 2048 * TINY_PAGES.jsonBytesPerWireByte;
      expect(budgets[0]).toBe(target);
      expect(budgets[2]).toBe(target / TINY_PAGES.shrinkFactor);
      expect(budgets.slice(3)).toContain(target);
      expect(asked.map((query) => query.get('limit'))).toContain('5000');
      const checkpoints = asked.map((query) => query.get('checkpoint'));
      expect(checkpoints[2]).not.toBe(checkpoints[1]);
      const onServer = (await pullAll<{ id: string }>(server.app, admin, 'complaint_events', 1000))
        .documents;
      const onDevice = await replica.replica.complaint_events.find().exec();
      expect(onDevice.map((doc) => doc.id).sort()).toEqual(onServer.map((doc) => doc.id).sort());
      expect(asked.length).toBeGreaterThan(5);
    } finally {
      await replica.close();
    }
  });
});
