import { spawn, type ChildProcess } from 'node:child_process';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { PullResponse, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { openTestDatabase } from '../support/test-server.ts';
import { openLiveStream } from '../support/live-stream.ts';

/**
 * Two server processes on one PostgreSQL, as behind a load balancer: a change pushed through one
 * reaches a workstation streaming from the other. (PGlite is single-process: not applicable.)
 */
let database: Awaited<ReturnType<typeof openTestDatabase>>;
const processes: ChildProcess[] = [];
let first: string;
let second: string;

async function startProcess(databaseUrl: string, seed: boolean): Promise<string> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LAPOR_SEED_DEMO: seed ? 'true' : 'false',
      LAPOR_DEMO_COMPLAINTS: '60',
      LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Lapor Workstation server: (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function login(url: string, username: string): Promise<SessionResponse> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId: `fanout-${username}` }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SessionResponse;
}

const pg = process.env.LAPOR_TEST_DATABASE !== 'pglite';

beforeAll(async () => {
  if (!pg) return;
  database = await openTestDatabase();
});
afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(
    processes.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) resolve(null);
          else child.on('exit', resolve);
        }),
    ),
  );
  await database?.drop();
});

describe.skipIf(!pg)('several server processes on one PostgreSQL', () => {
  it('fan out an edit made through one process to a stream open on the other', async () => {
    first = await startProcess(database.url!, true);
    second = await startProcess(database.url!, false);
    expect(first).not.toBe(second);
    const editor = await login(first, 'admin.kaltim');
    const watcher = await login(second, 'pupr.kaltim');

    const controller = new AbortController();
    const received: Complaint[] = [];
    const response = await fetch(`${second}/api/replication/stream`, {
      headers: { authorization: `Bearer ${watcher.accessToken}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === 'complaints')
          received.push(...(JSON.parse(event.data) as PullResponse<Complaint>).documents);
      },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          parser.feed(value);
        }
      } catch {
        // aborted at the end
      }
    })();

    // A complaint the watching OPD officer holds, as the admin sees it.
    const theirs = await fetch(`${second}/api/replication/complaints/pull?limit=1`, {
      headers: { authorization: `Bearer ${watcher.accessToken}` },
    });
    const [visible] = ((await theirs.json()) as PullResponse<Complaint>).documents;
    if (!visible) throw new Error('the PUPR officer holds no complaint in the demo seed');
    const pulled = await fetch(`${first}/api/replication/complaints/pull?limit=1000`, {
      headers: { authorization: `Bearer ${editor.accessToken}` },
    });
    const all = ((await pulled.json()) as PullResponse<Complaint>).documents;
    const target = all.find((doc) => doc.id === visible.id)!;
    const priority = target.priority === 'mendesak' ? 'rendah' : 'mendesak';
    const pushed = await fetch(`${first}/api/replication/complaints/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editor.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify([
        { assumedMasterState: target, newDocumentState: { ...target, priority } },
      ]),
    });
    expect(await pushed.json()).toEqual([]);

    const started = Date.now();
    while (!received.some((doc) => doc.id === target.id && doc.priority === priority)) {
      if (Date.now() - started > 10_000) throw new Error('the other process never streamed it');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    console.log(`edit through one process streamed by the other after ${Date.now() - started} ms`);
    controller.abort();
  });

  it('end a session’s and an officer’s streams on the other process within 2 s', async () => {
    const admin = await login(first, 'admin.kaltim');
    const signedOut = await login(second, 'dinkes.kaltim');
    const reassigned = await login(second, 'dinkes.kaltim');
    const ofSignedOut = await openLiveStream(second, signedOut.accessToken);
    const ofReassigned = await openLiveStream(second, reassigned.accessToken);
    try {
      let at = Date.now();
      const logout = await fetch(`${first}/api/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${signedOut.accessToken}` },
      });
      expect(logout.status).toBe(204);
      console.log(
        `logout through one process ended the stream on the other after ${await ofSignedOut.ended(at)} ms`,
      );
      expect(ofReassigned.open).toBe(true);

      at = Date.now();
      const changed = await fetch(
        `${first}/api/admin/officers/${reassigned.officer.id}/assignment`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${admin.accessToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ role: 'koordinator', unitId: '' }),
        },
      );
      expect(changed.status).toBe(200);
      console.log(
        `a new role through one process ended the stream on the other after ${await ofReassigned.ended(at)} ms`,
      );
    } finally {
      ofSignedOut.close();
      ofReassigned.close();
    }
  });
});
