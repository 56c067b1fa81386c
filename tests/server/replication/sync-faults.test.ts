import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import type { Database, SqlExecutor } from '../../../server/db/database.ts';
import { runMigrations } from '../../../server/db/migrations.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { mergeConflictsOf, openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { openTestDatabase, SEED_NOW } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

/**
 * Two workstations (each with its own replica and its own unreliable link) and one server,
 * driven through the faults of the field. After each scenario the server and both replicas
 * hold the same complaints, and every edit is counted as applied or as visible to its officer
 * (a refusal or a merge conflict waiting for a pick).
 */

const HOUR = 3_600_000;
let raw: { db: Database; drop(): Promise<void> };
let app: FastifyInstance;
let serverUrl = '';
const links = { a: new FlakyLink(), b: new FlakyLink() };
let sessions: { a: SessionResponse; b: SessionResponse };
let a: TestReplica;
let b: TestReplica;
let categories: string[];
/** Complaints not yet used by a scenario, so scenarios do not see each other's edits. */
let unused: string[];

/** The next transactions run through here; `crashAfter` makes one of them die before commit. */
const faults = { crashCountdown: 0 };
const database: Database = {
  get kind() {
    return raw.db.kind;
  },
  query: <Row>(sql: string, params?: readonly unknown[]) => raw.db.query<Row>(sql, params),
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return raw.db.transaction(async (tx) => {
      const result = await work(tx);
      if (faults.crashCountdown > 0 && --faults.crashCountdown === 0) {
        // The process dies here: its connections drop and this transaction never commits.
        app.server.closeAllConnections();
        void app.close();
        throw new Error('server process killed');
      }
      return result;
    });
  },
  execScript: (sql) => raw.db.execScript(sql),
  close: async () => undefined,
};

async function startApp(): Promise<void> {
  app = await buildApp({ db: database, loginAttemptsPerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  serverUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  links.a.target = serverUrl;
  links.b.target = serverUrl;
}

async function login(username: string, deviceId: string): Promise<SessionResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD, deviceId },
  });
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json<SessionResponse>();
}

async function serverComplaints(): Promise<Map<string, Complaint>> {
  const session = await login('admin.kaltim', 'checker');
  const all = await pullAll<Complaint>(app, session, 'complaints', 1000);
  return new Map(
    all.documents.map(({ _deleted, ...complaint }) => {
      void _deleted;
      return [complaint.id, complaint as Complaint];
    }),
  );
}

/** Server, replica A and replica B hold the same complaints, field for field. */
async function expectConverged(): Promise<Map<string, Complaint>> {
  const server = await serverComplaints();
  for (const replica of [a, b]) {
    const local = await replica.complaints();
    expect(local.length).toBe(server.size);
    for (const complaint of local) expect(complaint).toEqual(server.get(complaint.id));
    expect(replica.pending.count$.value).toBe(0);
  }
  return server;
}

function take(count: number): string[] {
  if (unused.length < count) throw new Error('fixture exhausted');
  return unused.splice(0, count);
}

const otherPriority = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

async function acceptedWrites(ids: readonly string[]): Promise<number> {
  const rows = await raw.db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM audit_log
      WHERE action = 'write_accepted' AND document_id = ANY($1::text[])`,
    [ids],
  );
  return rows[0]?.count ?? 0;
}

beforeAll(async () => {
  raw = await openTestDatabase();
  await runMigrations(raw.db);
  await seedDemo(raw.db, { complaintCount: 620, nowMs: SEED_NOW, spanDays: 120, randomSeed: 11 });
  // A second admin, so two officers can edit the same complaints.
  await raw.db.query(
    `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
     SELECT 'officer-admin-kedua', instansi_id, 'admin2.kaltim', 'Admin Kedua', role, unit_id, password_hash
       FROM officers WHERE username = 'admin.kaltim'`,
  );
  await startApp();
  await links.a.start(serverUrl);
  await links.b.start(serverUrl);
  sessions = {
    a: await login('admin.kaltim', 'laptop-a'),
    b: await login('admin2.kaltim', 'laptop-b'),
  };
  a = await openTestReplica({ serverUrl: links.a.url, session: sessions.a });
  b = await openTestReplica({ serverUrl: links.b.url, session: sessions.b });
  await Promise.all([a.sync(60_000), b.sync(60_000)]);
  const server = await expectConverged();
  unused = [...server.keys()].sort();
  categories = (
    await raw.db.query<{ id: string }>('SELECT id FROM categories WHERE active ORDER BY id')
  ).map((row) => row.id);
}, 180_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await links.a.stop();
  await links.b.stop();
  await app?.close();
  await raw?.drop();
});

describe('sync under field faults', () => {
  it('applies a push delivered twice once', async () => {
    const ids = take(10);
    links.a.decide = (request) =>
      request.path.endsWith('/push') ? { kind: 'duplicate' } : { kind: 'pass' };
    for (const id of ids) {
      const current = (await a.complaint(id))!;
      await a.edit(id, { priority: otherPriority(current.priority) });
    }
    await a.sync();
    await b.sync();
    links.a.decide = () => ({ kind: 'pass' });
    expect(await acceptedWrites(ids)).toBe(10);
    const server = await expectConverged();
    const rejections = await a.openRejections();
    expect(rejections).toEqual([]);
    for (const id of ids) expect(server.get(id)!.updatedBy).toBe(sessions.a.officer.id);
  });

  it('recovers from the link dropping mid-pull and mid-push (answers lost after the server acted)', async () => {
    const ids = take(8);
    let cuts = 0;
    links.a.decide = (request) =>
      (request.path.endsWith('/pull') || request.path.endsWith('/push')) && cuts++ < 4
        ? { kind: 'cut-after' }
        : { kind: 'pass' };
    const intended = new Map<string, string>();
    for (const id of ids) {
      const current = (await a.complaint(id))!;
      intended.set(
        id,
        categories.find((category) => category !== current.categoryId)!,
      );
      await a.edit(id, { categoryId: intended.get(id)! });
    }
    await a.sync();
    await b.sync();
    links.a.decide = () => ({ kind: 'pass' });
    expect(cuts).toBeGreaterThanOrEqual(4);
    const server = await expectConverged();
    for (const id of ids) expect(server.get(id)!.categoryId).toBe(intended.get(id));
    expect(await a.openRejections()).toEqual([]);
    // A fresh device's first sync through a link that drops its first pulls still completes.
    links.b.decide = (request) =>
      request.path.endsWith('/pull') && request.index % 2 === 0
        ? { kind: 'cut-before' }
        : { kind: 'pass' };
    const fresh = await openTestReplica({ serverUrl: links.b.url, session: sessions.b });
    try {
      await fresh.sync(60_000);
      expect((await fresh.complaints()).length).toBe(server.size);
    } finally {
      links.b.decide = () => ({ kind: 'pass' });
      await fresh.close();
    }
  });

  it('loses no edit when the server is killed mid-push and restarted', async () => {
    const ids = take(20);
    await a.pause();
    for (const id of ids) {
      const current = (await a.complaint(id))!;
      await a.edit(id, { priority: otherPriority(current.priority) });
    }
    const before = await serverComplaints();
    faults.crashCountdown = 1; // dies inside the push transaction, before it commits
    await a.resume();
    // The device keeps retrying against a dead server until it comes back. How soon its push
    // reaches the dying server depends on the machine's load, so wait for the crash itself.
    await vi.waitFor(() => expect(faults.crashCountdown).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    await startApp();
    await a.sync();
    await b.sync();
    const server = await expectConverged();
    for (const id of ids) {
      expect(server.get(id)!.priority).toBe(otherPriority(before.get(id)!.priority));
      expect(server.get(id)!.serverSeq).toBeGreaterThan(before.get(id)!.serverSeq);
    }
    expect(await acceptedWrites(ids)).toBe(20);
    expect(await a.openRejections()).toEqual([]);
  });

  it('converges with responses delayed and reordered on both links', async () => {
    let state = 17;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const delayed = () => ({ kind: 'pass' as const, delayMs: Math.floor(random() * 120) });
    links.a.decide = delayed;
    links.b.decide = delayed;
    const idsA = take(15);
    const idsB = take(15);
    const edits = [
      ...idsA.map((id) => ({ replica: a, id })),
      ...idsB.map((id) => ({ replica: b, id })),
    ];
    await Promise.all(
      edits.map(async ({ replica, id }) => {
        const current = (await replica.complaint(id))!;
        await replica.edit(id, { priority: otherPriority(current.priority) });
      }),
    );
    await Promise.all([a.sync(), b.sync()]);
    await Promise.all([a.sync(), b.sync()]);
    links.a.decide = () => ({ kind: 'pass' });
    links.b.decide = () => ({ kind: 'pass' });
    await expectConverged();
    expect(await acceptedWrites([...idsA, ...idsB])).toBe(30);
  });

  it.each([
    ['ahead', 3 * HOUR],
    ['behind', -3 * HOUR],
  ])(
    'syncs with the device clock 3 h %s without renewing its session on every request',
    async (_label, skew) => {
      const session = await login('admin.kaltim', `skewed-${skew}`);
      const link = new FlakyLink();
      await link.start(serverUrl);
      const skewed = await openTestReplica({
        serverUrl: link.url,
        session,
        now: () => Date.now() + skew,
      });
      try {
        await skewed.sync(60_000);
        const [id] = take(1);
        const current = (await skewed.complaint(id!))!;
        await skewed.edit(id!, { priority: otherPriority(current.priority) });
        await skewed.sync();
        const server = await serverComplaints();
        expect(server.get(id!)!.priority).toBe(otherPriority(current.priority));
        expect(skewed.tokens.clockOffset).toBeGreaterThan(-skew - 60_000);
        expect(skewed.tokens.clockOffset).toBeLessThan(-skew + 60_000);
        expect(link.count('/api/auth/refresh')).toBe(0);
        await a.sync();
        await b.sync();
        await expectConverged();
      } finally {
        await skewed.close();
        await link.stop();
      }
    },
  );

  it.each([
    ['A then B', 'a'],
    ['B then A', 'b'],
  ])('merges two officers’ offline edits of one complaint, synced %s', async (_label, first) => {
    const [id] = take(1);
    const base = (await a.complaint(id!))!;
    const [firstReplica, secondReplica] = first === 'a' ? [a, b] : [b, a];
    await a.pause();
    await b.pause();
    const category = categories.find((candidate) => candidate !== base.categoryId)!;
    // Four edits: a field each only one side touched, and one field both changed differently.
    await firstReplica.edit(id!, { priority: otherPriority(base.priority), categoryId: category });
    await secondReplica.edit(id!, {
      priority: otherPriority(otherPriority(base.priority)),
      rahasia: !base.rahasia,
    });
    await firstReplica.resume();
    await firstReplica.sync();
    await secondReplica.resume();
    await secondReplica.sync();
    await firstReplica.sync();
    const server = await expectConverged();
    const merged = server.get(id!)!;
    // One side only: kept. Both sides: the first to reach the server stands...
    expect(merged).toMatchObject({
      categoryId: category,
      rahasia: !base.rahasia,
      priority: otherPriority(base.priority),
    });
    // ...and the other officer's value is waiting on their conflict screen, not dropped.
    const waiting = await mergeConflictsOf(secondReplica.replica).list();
    expect(waiting).toEqual([
      expect.objectContaining({
        complaintId: id,
        conflicts: [
          expect.objectContaining({
            fields: ['priority'],
            ours: { priority: otherPriority(otherPriority(base.priority)) },
            theirs: { priority: otherPriority(base.priority) },
          }),
        ],
      }),
    ]);
    expect(await mergeConflictsOf(firstReplica.replica).list()).toEqual([]);
    // 4 edits: 3 applied + 1 visible as a conflict.
    const applied = [
      merged.categoryId === category,
      merged.rahasia === !base.rahasia,
      merged.priority === otherPriority(base.priority),
    ].filter(Boolean).length;
    expect(applied + waiting.length).toBe(4);
    await mergeConflictsOf(secondReplica.replica).dismiss(id!);
  });

  it('drains a three-day offline session of 500 edits in one go', async () => {
    const ids = take(500);
    await a.pause();
    const intended = new Map<string, Complaint['priority']>();
    for (const id of ids) {
      const current = (await a.complaint(id))!;
      intended.set(id, otherPriority(current.priority));
      await a.edit(id, { priority: intended.get(id)! });
    }
    expect(a.pending.count$.value).toBe(500);
    const pushesBefore = links.a.count('/complaints/push');
    const started = performance.now();
    await a.resume();
    await a.sync(120_000);
    const drainMs = performance.now() - started;
    await b.sync(60_000);
    const server = await expectConverged();
    for (const id of ids) expect(server.get(id)!.priority).toBe(intended.get(id));
    expect(await acceptedWrites(ids)).toBe(500);
    expect(await a.openRejections()).toEqual([]);
    expect(links.a.count('/complaints/push') - pushesBefore).toBeLessThanOrEqual(10);
    console.log(`500 offline edits drained in ${Math.round(drainMs)} ms (${raw.db.kind})`);
    // 500 pushes and their answers take about 35 s on PGlite on a quiet 2-core machine.
  }, 180_000);
});
