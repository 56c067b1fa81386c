import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RakordaReport } from '../../../shared/reports/compute-rakorda-figures.ts';
import type { RegionalBriefing } from '../../../shared/reports/plan-regional-briefing.ts';
import { insertInstansi } from '../../../server/instansi/instansi-store.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';

const PERIOD = 'from=2026-07-01&to=2026-11-30';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ regional: true });
  // Another province with a kabupaten of its own: never in Kalimantan Timur's briefing.
  await server.db.transaction(async (tx) => {
    await insertInstansi(tx, {
      id: 'pemprov-kalsel',
      name: 'Pemerintah Provinsi Kalimantan Selatan',
      shortName: 'Pemprov Kalsel',
      utcOffsetMinutes: 480,
      address: 'Banjarbaru',
      regionCode: '63',
    });
    await insertInstansi(tx, {
      id: 'pemkab-banjar',
      name: 'Pemerintah Kabupaten Banjar',
      shortName: 'Pemkab Banjar',
      utcOffsetMinutes: 480,
      address: 'Martapura',
      regionCode: '63.03',
      parentId: 'pemprov-kalsel',
    });
  });
});
afterAll(async () => {
  await server.close();
});

async function briefing(username: string, query = PERIOD) {
  return server.app.inject({
    method: 'GET',
    url: `/api/reports/regional?${query}`,
    headers: bearer(await server.login(username)),
  });
}

async function rakorda(username: string): Promise<RakordaReport> {
  const response = await server.app.inject({
    method: 'GET',
    url: `/api/reports/rakorda?${PERIOD}`,
    headers: bearer(await server.login(username)),
  });
  expect(response.statusCode).toBe(200);
  return response.json<RakordaReport>();
}

describe('GET /api/reports/regional', () => {
  it("compares the province's kabupaten with the figures each instansi's own report gives", async () => {
    const response = await briefing('koordinator.kaltim');
    expect(response.statusCode).toBe(200);
    const body = response.json<RegionalBriefing>();
    expect(body.province.instansiId).toBe('pemprov-kaltim');
    expect(body.members.map((member) => member.instansiId)).toEqual(['pemkab-kukar']);
    for (const [row, username] of [
      [body.province, 'koordinator.kaltim'],
      [body.members[0]!, 'koordinator.kukar'],
    ] as const) {
      const own = (await rakorda(username)).current;
      expect(row.received, username).toBe(own.received.total);
      expect(row.received, username).toBeGreaterThan(0);
      expect(row.handledRate).toEqual(own.rates.handled);
      expect(row.completionRate).toEqual(own.rates.completion);
      expect(row.verificationWithinDeadline).toEqual(own.withinDeadline.verification);
      expect(row.followUpWithinDeadline).toEqual(own.withinDeadline.firstFollowUp);
      expect(row.overdue).toBe(own.overdue.total);
    }
    expect(body.members[0]!.rank).toBe(1);
    expect(body.province.rank).toBeNull();
    expect(body.total.received).toBe(body.province.received + body.members[0]!.received);
  });

  it('says whether each instansi has an active admin and a penghubung for every active OPD', async () => {
    const before = (await briefing('koordinator.kaltim')).json<RegionalBriefing>();
    const kukar = before.members[0]!;
    expect(kukar.hasActiveAdmin).toBe(true);
    expect(kukar.activeUnits).toBe(13);
    expect(kukar.unitsWithoutPenghubung).toHaveLength(11);
    expect(kukar.unitsWithoutPenghubung).not.toContain('Dinkes');
    expect(kukar.staffed).toBe(false);
    await server.db.query("UPDATE officers SET active = false WHERE username = 'admin.kukar'");
    await server.db.query("UPDATE officers SET active = false WHERE username = 'dinkes.kukar'");
    try {
      const after = (await briefing('koordinator.kaltim')).json<RegionalBriefing>().members[0]!;
      expect(after.hasActiveAdmin).toBe(false);
      expect(after.unitsWithoutPenghubung).toContain('Dinkes');
      // The province is not touched by its kabupaten's officers.
      expect((await briefing('koordinator.kaltim')).json<RegionalBriefing>().province).toEqual(
        before.province,
      );
    } finally {
      await server.db.query(
        "UPDATE officers SET active = true WHERE username IN ('admin.kukar', 'dinkes.kukar')",
      );
    }
  });

  it('carries figures only: no tracking number, title, body or reporter of any complaint', async () => {
    const text = (await briefing('admin.kaltim')).body;
    const rows = await server.db.query<{
      tracking_number: string;
      title: string;
      reporter_name: string;
      reporter_phone: string;
    }>(
      `SELECT tracking_number, title, reporter_name, reporter_phone FROM complaints
        WHERE instansi_id = 'pemkab-kukar'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(text).not.toContain(row.tracking_number);
      expect(text).not.toContain(row.title);
      expect(text).not.toContain(row.reporter_phone);
    }
    expect(text).not.toMatch(/KUKAR-\d|KALTIM-\d|reporter|@contoh\.id/);
  });

  it("refuses another province's instansi, the province to its kabupaten, and a penghubung", async () => {
    const foreign = await briefing('koordinator.kaltim', `${PERIOD}&instansi=pemkab-banjar`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).not.toContain('Banjar"');
    const mixed = await briefing(
      'koordinator.kaltim',
      `${PERIOD}&instansi=pemkab-kukar&instansi=pemprov-kalsel`,
    );
    expect(mixed.statusCode).toBe(403);
    const upward = await briefing('koordinator.kukar', `${PERIOD}&instansi=pemprov-kaltim`);
    expect(upward.statusCode).toBe(403);
    const sideways = await briefing('admin.kukar', `${PERIOD}&instansi=pemkab-kukar`);
    expect(sideways.statusCode).toBe(403);
    expect((await briefing('pupr.kaltim')).statusCode).toBe(403);
    // A kabupaten's coordinator reads only its own figures: it convenes no one.
    const own = (await briefing('koordinator.kukar')).json<RegionalBriefing>();
    expect(own.province.instansiId).toBe('pemkab-kukar');
    expect(own.members).toEqual([]);
    const anonymous = await server.app.inject({
      method: 'GET',
      url: `/api/reports/regional?${PERIOD}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 for a malformed period or instansi list', async () => {
    for (const query of [
      'from=2026-13-01&to=2026-11-30',
      'from=2026-11-30&to=2026-07-01',
      `${PERIOD}&instansi=${'x'.repeat(41)}`,
      `${PERIOD}${'&instansi=pemkab-kukar'.repeat(101)}`,
      `${PERIOD}&instansi=`,
    ]) {
      expect((await briefing('koordinator.kaltim', query)).statusCode, query).toBe(400);
    }
  });
});
