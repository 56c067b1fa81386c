/**
 * Refusals and API errors reach the workstation as a code and its parameters (worded there in
 * the officer's language), beside the Indonesian text other systems and older devices read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import { apiErrorSchema } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { appErrorSchema } from '../../../shared/errors/error-codes.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

const NOW = SEED_NOW + 3_600_000;

let server: TestServer;
let koordinator: SessionResponse;
let penghubung: SessionResponse;
let complaints: WireDocument<Complaint>[];

beforeAll(async () => {
  server = await startTestServer({ complaints: 20, app: { now: () => NOW } });
  koordinator = await server.login('koordinator.kaltim');
  penghubung = await server.login('pupr.kaltim');
  complaints = (await pullAll<Complaint>(server.app, koordinator, 'complaints', 100)).documents;
});
afterAll(() => server.close());

async function refusalsOf(session: SessionResponse): Promise<SyncRejection[]> {
  return (await pullAll<SyncRejection>(server.app, session, 'sync_rejections')).documents;
}

function codeOf(refusal: SyncRejection | undefined) {
  return appErrorSchema.parse(JSON.parse(refusal?.reasonError ?? 'null'));
}

describe('a sync refusal', () => {
  it('carries its code and parameters, and keeps its Indonesian text', async () => {
    const master = complaints[0];
    if (!master) throw new Error('fixture');
    await pushComplaints(server.app, koordinator, [
      { assumedMasterState: master, newDocumentState: { ...master, priority: 'tinggi' } },
    ]);
    const refusal = (await refusalsOf(koordinator)).find((item) => item.documentId === master.id);
    expect(refusal?.reasonCode).toBe('read_only');
    expect(codeOf(refusal)).toEqual({ code: 'coordinator_read_only', params: {} });
    expect(refusal?.reason).toBe('Koordinator hanya dapat membaca pengaduan');
  });

  it('names the role and the fields a role may not change as parameters', async () => {
    const own = (await pullAll<Complaint>(server.app, penghubung, 'complaints', 100)).documents;
    const master = own.find((complaint) => !complaint._deleted);
    if (!master) throw new Error('fixture: the penghubung sees no complaint');
    await pushComplaints(server.app, penghubung, [
      { assumedMasterState: master, newDocumentState: { ...master, title: `${master.title}!` } },
    ]);
    const refusal = (await refusalsOf(penghubung)).find((item) => item.documentId === master.id);
    expect(codeOf(refusal)).toEqual({
      code: 'role_fields_forbidden',
      params: { role: 'penghubung', fields: 'title' },
    });
    expect(refusal?.reason).toBe('Peran penghubung tidak boleh mengubah: title');
  });
});

describe('an API error', () => {
  it('answers a wrong password with a code beside the documented error and message', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin.kaltim', password: 'bukan-sandinya', deviceId: 'd-1' },
    });
    expect(response.statusCode).toBe(401);
    expect(apiErrorSchema.parse(response.json())).toEqual({
      error: 'invalid_credentials',
      message: 'Nama pengguna atau kata sandi salah',
      code: 'login_failed',
      params: {},
    });
  });

  it('names each invalid field by code, its message worded in Indonesian', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ' ', password: 'x', deviceId: 'd-1' },
    });
    expect(response.statusCode).toBe(400);
    const body = apiErrorSchema.parse(response.json());
    expect(body).toMatchObject({ error: 'invalid_request', code: 'request_invalid' });
    expect(body.message).toBe('Permintaan masuk tidak valid');
    expect(body.details).toEqual([
      {
        path: 'username',
        message: 'Nama pengguna wajib diisi',
        code: 'username_required',
        params: {},
      },
    ]);
  });
});
