import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PullResponse,
  ReplicationCheckpoint,
  SessionResponse,
  WireDocument,
} from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { isOpenStatus } from '../../../shared/sync/plan-first-sync-phase.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150, app: { now: () => SEED_NOW } });
});
afterAll(() => server.close());

async function pullPriority(
  session: SessionResponse,
  checkpoint: ReplicationCheckpoint,
  limit = 1000,
) {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/replication/complaints/pull',
    query: {
      checkpoint: JSON.stringify(checkpoint),
      limit: String(limit),
      maxBytes: '8192',
      priority: '1',
    },
    headers: bearer(session),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PullResponse<Complaint>>();
}

/** Pulls a first sync with priority: the open phase's documents, then the rest. */
async function firstSync(
  session: SessionResponse,
  between?: (open: WireDocument<Complaint>[]) => Promise<void>,
) {
  const open: WireDocument<Complaint>[] = [];
  const history: WireDocument<Complaint>[] = [];
  let checkpoint: ReplicationCheckpoint = { seq: 0 };
  let historyStarted = false;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await pullPriority(session, checkpoint);
    (historyStarted ? history : open).push(...page.documents);
    checkpoint = page.checkpoint!;
    if (checkpoint.open?.done) historyStarted = true;
    if (pages === 1) await between?.(open);
    if (!page.more) return { open, history, checkpoint };
  }
  throw new Error('first sync did not end');
}

function inOpenOrder(documents: Complaint[]) {
  const key = (doc: Complaint) => [doc.dueAt > 0 && doc.dueAt < SEED_NOW ? 1 : 0, doc.receivedAt];
  return [...documents].sort((a, b) => {
    const [ao, ar] = key(a) as [number, number];
    const [bo, br] = key(b) as [number, number];
    return bo - ao || br - ar || (a.id < b.id ? 1 : -1);
  });
}

describe('a first sync brings the open complaints first', () => {
  it('sends every open complaint first, overdue then newest, then the closed history, each once', async () => {
    const admin = await server.login('admin.kaltim');
    const all = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents;
    const { open, history } = await firstSync(admin);
    const expectedOpen = all.filter((doc) => isOpenStatus(doc.status));
    expect(expectedOpen.length).toBeGreaterThan(10);
    expect(expectedOpen.some((doc) => doc.dueAt > 0 && doc.dueAt < SEED_NOW)).toBe(true);
    expect(open.map((doc) => doc.id)).toEqual(inOpenOrder(expectedOpen).map((doc) => doc.id));
    expect(history.every((doc) => !isOpenStatus(doc.status))).toBe(true);
    const received = [...open, ...history].map((doc) => doc.id);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(all.map((doc) => doc.id).sort());
  });

  it('sends again in the history an open complaint changed after the open phase sent it', async () => {
    const admin = await server.login('admin.kaltim');
    let changed = '';
    const { open, history } = await firstSync(admin, async (sent) => {
      const doc = sent.find((candidate) => candidate.priority !== 'mendesak')!;
      changed = doc.id;
      const response = await pushComplaints(server.app, admin, [
        { assumedMasterState: doc, newDocumentState: { ...doc, priority: 'mendesak' } },
      ]);
      expect(response.json()).toEqual([]);
    });
    expect(open.some((doc) => doc.id === changed)).toBe(true);
    expect(history.find((doc) => doc.id === changed)?.priority).toBe('mendesak');
  });

  it('keeps a penghubung’s open phase to its own OPD, whatever checkpoint it forges', async () => {
    const penghubung = await server.login('pupr.kaltim');
    const { open, history } = await firstSync(penghubung);
    expect(open.length).toBeGreaterThan(0);
    expect([...open, ...history].every((doc) => doc.unitId === 'unit-pupr')).toBe(true);
    const forged = await pullPriority(penghubung, {
      seq: 0,
      firstPullHead: 1_000_000,
      open: { asOf: SEED_NOW, after: null, done: false },
    });
    expect(forged.documents.every((doc) => doc.unitId === 'unit-pupr')).toBe(true);
  });

  it('is not used by a device that does not ask for it', async () => {
    const admin = await server.login('admin.kaltim');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":0}', limit: '5' },
      headers: bearer(admin),
    });
    const page = response.json<PullResponse<Complaint>>();
    expect(page.checkpoint).not.toHaveProperty('open');
    const seqs = page.documents.map((doc) => doc.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});
