import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { createIntakeApiKey } from '../../../server/open311/intake-api-keys.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

const NOW = SEED_NOW + 3_600_000;

let server: TestServer;
let admin: SessionResponse;
let pupr: SessionResponse;
let apiKey: string;
let complaints: WireDocument<Complaint>[];
const taken = new Set<string>();

beforeAll(async () => {
  server = await startTestServer({ complaints: 200, app: { now: () => NOW } });
  admin = await server.login('admin.kaltim');
  pupr = await server.login('pupr.kaltim');
  apiKey = (
    await createIntakeApiKey(
      server.db,
      { instansiId: 'pemprov-kaltim', channel: 'web', label: 'LAPOR! nasional' },
      NOW,
    )
  ).key;
  complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents;
});
afterAll(() => server.close());

function take(where: (complaint: WireDocument<Complaint>) => boolean): WireDocument<Complaint> {
  const found = complaints.find((complaint) => where(complaint) && !taken.has(complaint.id));
  if (!found) throw new Error('no unused complaint fits');
  taken.add(found.id);
  return found;
}

function sendReply(body: Record<string, unknown>) {
  return server.app.inject({ method: 'POST', url: '/api/intake/replies', payload: body });
}

async function eventsOf(session: SessionResponse, complaintId: string) {
  const all = await pullAll<ComplaintEvent>(server.app, session, 'complaint_events', 1000);
  return all.documents.filter((event) => event.complaintId === complaintId);
}

describe('reporter replies and ratings from an intake channel', () => {
  it('reach the timeline of the admin and of the OPD, signed only "Pelapor"', async () => {
    const complaint = take((doc) => doc.status === 'ditindaklanjuti' && doc.unitId === 'unit-pupr');
    const response = await sendReply({
      api_key: apiKey,
      tracking_number: complaint.trackingNumber,
      message: 'Terima kasih, saluran sudah dibersihkan tetapi masih tergenang di ujung jalan.',
      rating: 3,
    });
    expect(response.statusCode).toBe(201);
    for (const session of [admin, pupr]) {
      const events = await eventsOf(session, complaint.id);
      const reply = events.find((event) => event.kind === 'balasan_pelapor');
      const rating = events.find((event) => event.kind === 'penilaian');
      expect(reply).toMatchObject({
        officerName: 'Pelapor',
        officerRole: 'pelapor',
        serverTime: NOW,
        reason: expect.stringContaining('masih tergenang'),
      });
      expect(rating).toMatchObject({ reasonCode: '3', officerRole: 'pelapor' });
      expect(JSON.stringify(reply)).not.toContain(complaint.reporter?.name ?? '@@');
    }
    const audit = await server.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'reporter_reply_received'`,
    );
    expect(audit).toHaveLength(2);
  });

  it('a rating alone is enough; nothing at all is refused', async () => {
    const complaint = take((doc) => doc.status === 'selesai');
    const rated = await sendReply({
      api_key: apiKey,
      tracking_number: complaint.trackingNumber,
      rating: 5,
    });
    expect(rated.statusCode).toBe(201);
    const empty = await sendReply({ api_key: apiKey, tracking_number: complaint.trackingNumber });
    expect(empty.statusCode).toBe(400);
  });

  it.each([
    ['a rating of 6', { rating: 6 }],
    ['a rating of 0', { rating: 0 }],
    ['a text rating', { rating: 'baik' }],
    ['a message over 4,000 characters', { message: 'x'.repeat(4001) }],
  ])('refuses %s with 400 and writes nothing', async (_label, override) => {
    const complaint = take((doc) => doc.status === 'ditindaklanjuti');
    const before = (await eventsOf(admin, complaint.id)).length;
    const response = await sendReply({
      api_key: apiKey,
      tracking_number: complaint.trackingNumber,
      message: 'Balasan',
      ...override,
    });
    expect(response.statusCode).toBe(400);
    expect(await eventsOf(admin, complaint.id)).toHaveLength(before);
  });

  it('refuses a wrong key (401), an unknown tracking number (404) and a complaint not yet followed up (409)', async () => {
    const complaint = take((doc) => doc.status === 'didisposisi');
    expect(
      (
        await sendReply({
          api_key: 'lapor_salah',
          tracking_number: complaint.trackingNumber,
          message: 'Halo',
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await sendReply({ api_key: apiKey, tracking_number: 'KALTIM-0000-00000', message: 'Halo' }))
        .statusCode,
    ).toBe(404);
    const early = await sendReply({
      api_key: apiKey,
      tracking_number: complaint.trackingNumber,
      message: 'Halo',
    });
    expect(early.statusCode).toBe(409);
    expect(await eventsOf(admin, complaint.id)).not.toContainEqual(
      expect.objectContaining({ kind: 'balasan_pelapor' }),
    );
  });
});
