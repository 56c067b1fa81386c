import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import type { Database, SqlExecutor } from '../../../server/db/database.ts';
import { runMigrations } from '../../../server/db/migrations.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { openTestDatabase, SEED_NOW } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

/**
 * The database, with a gate on write transactions: once armed, the next transaction waits
 * (inside the push handler) until the test opens the gate.
 */
function gatedDatabase(db: Database) {
  let pending: { arrived: () => void; opened: Promise<void> } | null = null;
  const gate = {
    arm() {
      let arrived: () => void = () => undefined;
      let open: () => void = () => undefined;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const opened = new Promise<void>((resolve) => (open = resolve));
      pending = { arrived, opened };
      return { reached, open };
    },
  };
  const gated: Database = {
    kind: db.kind,
    query: <Row>(sql: string, params?: readonly unknown[]) => db.query<Row>(sql, params),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const waiting = pending;
      pending = null;
      if (waiting) {
        waiting.arrived();
        await waiting.opened;
      }
      return db.transaction(work);
    },
    execScript: (sql) => db.execScript(sql),
    close: () => db.close(),
  };
  return { gated, gate };
}

type Setup = {
  app: FastifyInstance;
  db: Database;
  url: string;
  admin: SessionResponse;
  gate: ReturnType<typeof gatedDatabase>['gate'];
  drop(): Promise<void>;
};

let setup: Setup | undefined;

async function start(shutdownTimeoutMs: number): Promise<Setup> {
  const database = await openTestDatabase();
  await runMigrations(database.db);
  await seedDemo(database.db, { complaintCount: 20, nowMs: SEED_NOW, spanDays: 60, randomSeed: 3 });
  const { gated, gate } = gatedDatabase(database.db);
  const app = await buildApp({ db: gated, shutdownTimeoutMs, heartbeatMs: 60_000 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'shutdown' },
  });
  return {
    app,
    db: database.db,
    url,
    admin: login.json<SessionResponse>(),
    gate,
    drop: () => database.drop(),
  };
}

afterEach(async () => {
  await setup?.app.close();
  await setup?.drop();
  setup = undefined;
});

async function someComplaint(current: Setup): Promise<WireDocument<Complaint>> {
  const all = (await pullAll<Complaint>(current.app, current.admin, 'complaints', 100)).documents;
  const found = all.find((doc) => doc.status === 'didisposisi') ?? all[0];
  if (!found) throw new Error('no complaint seeded');
  return found;
}

function push(current: Setup, master: WireDocument<Complaint>, priority: Complaint['priority']) {
  return fetch(`${current.url}/api/replication/complaints/push`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${current.admin.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify([
      { assumedMasterState: master, newDocumentState: { ...master, priority } },
    ]),
  });
}

describe('graceful shutdown', () => {
  it('finishes and commits a push in flight, ends live streams, and takes no new connections', async () => {
    setup = await start(10_000);
    const current = setup;
    const master = await someComplaint(current);
    const priority = master.priority === 'mendesak' ? 'rendah' : 'mendesak';

    const stream = await fetch(`${current.url}/api/replication/stream`, {
      headers: { authorization: `Bearer ${current.admin.accessToken}` },
    });
    expect(stream.status).toBe(200);
    const streamEnded = (async () => {
      const reader = stream.body!.getReader();
      for (;;) if ((await reader.read()).done) return true;
    })();

    const gate = current.gate.arm();
    const inFlight = push(current, master, priority);
    await gate.reached; // the push is inside its handler, about to write

    const started = Date.now();
    const closed = current.app.close();

    // The live stream is ended at once, so it cannot hold the shutdown open.
    expect(await streamEnded).toBe(true);
    // No new request is served any more: the connection is refused (or, had one slipped in
    // before the listener closed, answered 503 so a load balancer retries elsewhere).
    const fresh = await fetch(`${current.url}/healthz`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(fresh);

    gate.open();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    await closed;
    expect(Date.now() - started).toBeLessThan(5000);

    const [row] = await current.db.query<{ priority: string; seq: number }>(
      'SELECT priority, seq FROM complaints WHERE id = $1',
      [master.id],
    );
    expect(row?.priority).toBe(priority);
    expect(row?.seq).toBeGreaterThan(master.serverSeq);
    const audit = await current.db.query(
      "SELECT 1 FROM audit_log WHERE document_id = $1 AND action = 'write_accepted'",
      [master.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('cuts a request still running at the shutdown deadline instead of waiting for ever', async () => {
    setup = await start(300);
    const current = setup;
    const master = await someComplaint(current);
    const gate = current.gate.arm();
    const inFlight = push(current, master, 'tinggi').then(
      (response) => response.status,
      () => 'cut',
    );
    await gate.reached;
    const started = Date.now();
    await current.app.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await inFlight).toBe('cut');
    // Let the handler run to its end before the database goes away.
    gate.open();
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
});
