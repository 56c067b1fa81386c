import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { planFollowUp } from '../../../shared/domain/follow-up.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

/**
 * A follow-up whose push answer was lost is pushed again by the device. Found by the soak: the
 * re-delivery of one carrying a file was refused as a change of a stored event (the stored
 * attachment list came back from jsonb with its keys in another order), so the officer was told
 * a follow-up the reporter can already read had been refused.
 */
let server: TestServer;
let pupr: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 120 });
  pupr = await server.login('pupr.kaltim');
});
afterAll(() => server.close());

function pushEvents(events: ComplaintEvent[]) {
  return server.app.inject({
    method: 'POST',
    url: '/api/replication/complaint_events/push',
    payload: events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    headers: bearer(pupr),
  });
}

describe('a follow-up with a file pushed again after its answer was lost', () => {
  it('is accepted as the same event, not refused', async () => {
    const complaints = (await pullAll<Complaint>(server.app, pupr, 'complaints', 500)).documents;
    const complaint = complaints.find((doc) => doc.status === 'didisposisi');
    if (!complaint) throw new Error('no disposed PUPR complaint in the seed');
    // Keys in the order the workstation writes them.
    const file = { id: randomUUID(), name: 'saluran.jpg', type: 'image/jpeg', size: 2048 } as const;
    const plan = planFollowUp(
      complaint,
      {
        kind: 'tindak_lanjut',
        content:
          'Tim Dinas PUPR telah meninjau lokasi; pengerukan saluran dijadwalkan pekan depan.',
        attachments: [file],
      },
      { officer: pupr.officer, now: Date.now() - 60_000, eventId: randomUUID() },
    );
    if (!plan.ok) throw new Error(plan.error);
    const announced = await server.app.inject({
      method: 'POST',
      url: '/api/attachments',
      payload: { ...file, eventId: plan.event.id, complaintId: complaint.id },
      headers: bearer(pupr),
    });
    expect(announced.statusCode).toBe(201);

    expect((await pushEvents([plan.event])).json()).toEqual([]);
    const again = (await pushEvents([plan.event])).json<ComplaintEvent[]>();
    // Answered with the stamped copy (or nothing), never with a tombstone.
    expect(again.every((event) => event.id === plan.event.id && event.serverSeq > 0)).toBe(true);

    const refusals = (await pullAll<SyncRejection>(server.app, pupr, 'sync_rejections')).documents;
    expect(refusals.filter((refusal) => refusal.documentId === plan.event.id)).toEqual([]);
    const stored = (await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000))
      .documents;
    expect(stored.filter((event) => event.id === plan.event.id)).toHaveLength(1);
  });
});
