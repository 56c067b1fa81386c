import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionDirectory } from '../../../shared/regions/region-directory.ts';
import { loadAreaDataset } from '../../../server/regions/area-dataset.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/regions/directory', () => {
  it("serves the place names of the officer's own province only", async () => {
    for (const username of ['admin.kaltim', 'pupr.kaltim', 'koordinator.kaltim']) {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/regions/directory',
        headers: bearer(await server.login(username)),
      });
      expect(response.statusCode, username).toBe(200);
      const directory = response.json<RegionDirectory>();
      expect(directory.region).toBe('64');
      expect(directory.villages).toContainEqual(['64.72.01.1001', 'Rawa Makmur']);
      expect(directory.regencies).toContainEqual(['64.02', 'Kabupaten Kutai Kartanegara']);
      for (const [code] of [...directory.regencies, ...directory.districts, ...directory.villages])
        expect(code.startsWith('64.')).toBe(true);
      // About 1,000 villages of Kalimantan Timur: a small document, not the country's 2.8 MB.
      expect(response.body.length).toBeLessThan(60_000);
    }
  });

  it('answers 304 when the device already holds the current names, 401 without a session', async () => {
    const session = await server.login('admin.kaltim');
    const first = await server.app.inject({
      method: 'GET',
      url: '/api/regions/directory',
      headers: bearer(session),
    });
    const etag = String(first.headers.etag);
    const again = await server.app.inject({
      method: 'GET',
      url: '/api/regions/directory',
      headers: { ...bearer(session), 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/regions/directory' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('seeds demo reports with official village codes of the province only', async () => {
    const dataset = await loadAreaDataset();
    const rows = await server.db.query<{ region_code: string }>(
      'SELECT DISTINCT region_code FROM complaints',
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(dataset.hasVillage(row.region_code), row.region_code).toBe(true);
      expect(row.region_code.startsWith('64.')).toBe(true);
    }
  });

  it('names the kabupaten/kota in the RAKORDA figures the server computes', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/reports/rakorda?from=2026-07-01&to=2026-11-30',
      headers: bearer(await server.login('koordinator.kaltim')),
    });
    expect(response.statusCode).toBe(200);
    const regencies = response.json().current.regencies as { regencyCode: string; name: string }[];
    expect(regencies.length).toBeGreaterThan(3);
    const official = new Map((await loadAreaDataset()).regenciesOf('64'));
    for (const regency of regencies) expect(regency.name).toBe(official.get(regency.regencyCode));
  });
});
