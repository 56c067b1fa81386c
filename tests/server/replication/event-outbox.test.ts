import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * Timelines leave RxDB's replication protocol: a workstation pulls them by checkpoint and writes
 * each once, and sends its own events from an outbox the server dedupes by id.
 */

let server: TestServer;
const link = new FlakyLink();
let session: SessionResponse;
let device: TestReplica;

beforeAll(async () => {
  server = await startTestServer({ complaints: 40 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await link.start(`http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`);
  session = await server.login('admin.kaltim', 'outbox-device');
  device = await openTestReplica({ serverUrl: link.url, session });
  await device.sync(60_000);
}, 120_000);

afterAll(async () => {
  await device?.close();
  await link.stop();
  await server?.close();
});

/** A note on a complaint the device holds, as the workstation writes it (not yet stamped). */
async function note(complaintId?: string): Promise<ComplaintEvent> {
  const [held] = await device.replica.complaint_events.find({ limit: 1 }).exec();
  if (!held) throw new Error('the replica holds no event');
  return {
    ...held.toJSON(),
    id: randomUUID(),
    complaintId: complaintId ?? held.complaintId,
    kind: 'catatan_internal',
    fromStatus: '',
    toStatus: '',
    targetUnitId: '',
    reasonCode: '',
    reason: 'Pelapor dihubungi lewat telepon',
    attachments: [],
    officerId: session.officer.id,
    officerRole: session.officer.role,
    deviceTime: Date.now() - 60_000,
    serverSeq: 0,
    serverTime: 0,
  } as ComplaintEvent;
}

async function write(event: ComplaintEvent): Promise<void> {
  await device.pending.track('complaint_events', [event.id], () =>
    device.replica.complaint_events.insert(event),
  );
}

async function storedOnServer(id: string): Promise<number> {
  const rows = await server.db.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM complaint_events WHERE id = $1',
    [id],
  );
  return rows[0]?.count ?? 0;
}

describe('the timeline outbox', () => {
  it('stores an event once when the answer to its push is lost, and keeps the stamped copy', async () => {
    let cuts = 0;
    link.decide = (request) =>
      request.path.endsWith('/complaint_events/push') && cuts++ === 0
        ? { kind: 'cut-after' }
        : { kind: 'pass' };
    const event = await note();
    await write(event);
    expect(device.pending.count$.value).toBe(1);
    await device.sync();
    link.decide = () => ({ kind: 'pass' });

    expect(cuts).toBeGreaterThanOrEqual(2);
    expect(await storedOnServer(event.id)).toBe(1);
    const held = await device.replica.complaint_events.findOne(event.id).exec(true);
    expect(held.serverSeq).toBeGreaterThan(0);
    expect(device.pending.count$.value).toBe(0);
    expect(await device.openRejections()).toEqual([]);
  });

  it('withdraws a refused event from the timeline and shows the refusal', async () => {
    const event = await note('no-such-complaint');
    await write(event);
    await device.sync();

    expect(await storedOnServer(event.id)).toBe(0);
    expect(await device.replica.complaint_events.findOne(event.id).exec()).toBeNull();
    const refusals = await device.openRejections();
    expect(refusals.find((refusal) => refusal.documentId === event.id)).toMatchObject({
      targetCollection: 'complaint_events',
      reasonCode: 'not_found',
    });
    expect(device.pending.count$.value).toBe(0);
  });

  it('sends the events written while the sync was closed once it starts again', async () => {
    await device.pause();
    const waiting = [await note(), await note()];
    for (const event of waiting) await write(event);
    expect(device.pending.count$.value).toBe(2);
    // A new sync over the same replica, as after reopening the app: nothing in memory carries over.
    await device.resume();
    await device.sync();

    for (const event of waiting) expect(await storedOnServer(event.id)).toBe(1);
    expect(device.pending.count$.value).toBe(0);
  });

  it('resumes the timeline pull from its stored checkpoint, not from the start', async () => {
    await device.pause();
    const pulls: string[] = [];
    link.decide = (request) => {
      if (request.path.endsWith('/complaint_events/pull')) pulls.push(request.query);
      return { kind: 'pass' };
    };
    await device.resume();
    await device.sync();
    link.decide = () => ({ kind: 'pass' });

    expect(pulls.length).toBeGreaterThan(0);
    for (const query of pulls) {
      const checkpoint = JSON.parse(new URLSearchParams(query).get('checkpoint') ?? '{}') as {
        seq?: number;
      };
      expect(checkpoint.seq).toBeGreaterThan(0);
    }
  });
});
