import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  brotliCompressSync,
  brotliDecompressSync,
  createGunzip,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { buildApp } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 60 });
  admin = await server.login('admin.kaltim');
});
afterAll(() => server.close());

const PULL = '/api/replication/complaints/pull?limit=60';

function pullWith(acceptEncoding: string | undefined) {
  return server.app.inject({
    method: 'GET',
    url: PULL,
    headers: {
      ...bearer(admin),
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
    },
  });
}

describe('answer compression', () => {
  it('sends a pull page brotli-compressed to a client that accepts br, the same JSON inside', async () => {
    const plain = await pullWith('identity');
    const compressed = await pullWith('gzip, deflate, br');
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    const inflated = brotliDecompressSync(compressed.rawPayload).toString('utf8');
    expect(JSON.parse(inflated)).toEqual(plain.json());
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const response = await pullWith('gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    const page = JSON.parse(
      gunzipSync(response.rawPayload).toString('utf8'),
    ) as PullResponse<Complaint>;
    expect(page.documents.length).toBeGreaterThan(0);
  });

  it('sends plain JSON to a client that asks for identity or for nothing', async () => {
    for (const accept of ['identity', undefined, 'compress;q=1, identity;q=0.5']) {
      const response = await pullWith(accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.json<PullResponse<Complaint>>().documents.length).toBeGreaterThan(0);
    }
  });

  it('leaves answers under 1 KB as they are', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('accepts a gzip-compressed push and refuses one that inflates beyond the body limit', async () => {
    const app = await buildApp({ db: server.db, bodyLimitBytes: 64 * 1024 });
    try {
      const session = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'gz' },
        })
      ).json<SessionResponse>();
      const page = (await pullWith('identity')).json<PullResponse<Complaint>>();
      const doc = page.documents.find((candidate) => candidate.priority !== 'mendesak')!;
      const rows = [
        { assumedMasterState: doc, newDocumentState: { ...doc, priority: 'mendesak' } },
      ];
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: {
          ...bearer(session),
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        payload: gzipSync(JSON.stringify(rows)),
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toEqual([]);

      // 1 MB of spaces gzips to about 1 KB: small on the wire, far over the limit inflated.
      const bomb = gzipSync(`[${' '.repeat(1024 * 1024)}]`);
      const refused = await app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: {
          ...bearer(session),
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        payload: bomb,
      });
      expect(bomb.length).toBeLessThan(64 * 1024);
      expect(refused.statusCode).toBe(413);
    } finally {
      await app.close();
    }
  });

  it('flushes each live event at once, gzip-compressed, to a client that accepts br and gzip', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const url = new URL('/api/replication/complaints/stream', base);
    const received: { at: number; text: string }[] = [];
    const opened = await new Promise<{ headers: Record<string, unknown>; stop: () => void }>(
      (resolve, reject) => {
        const req = httpRequest(
          url,
          { headers: { ...bearer(admin), 'accept-encoding': 'br, gzip' } },
          (response) => {
            const inflated = response.pipe(createGunzip());
            inflated.setEncoding('utf8');
            inflated.on('data', (text: string) => received.push({ at: Date.now(), text }));
            inflated.on('error', () => undefined);
            resolve({ headers: response.headers, stop: () => req.destroy() });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    try {
      // gzip, not br: a full flush ends each event on a byte boundary the client can inflate.
      expect(opened.headers['content-encoding']).toBe('gzip');
      const page = (await pullWith('identity')).json<PullResponse<Complaint>>();
      const doc = page.documents.find((candidate) => candidate.priority !== 'mendesak')!;
      const pushedAt = Date.now();
      const push = await server.app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: bearer(admin),
        payload: [{ assumedMasterState: doc, newDocumentState: { ...doc, priority: 'mendesak' } }],
      });
      expect(push.json()).toEqual([]);
      const deadline = pushedAt + 2000;
      while (!received.some((chunk) => chunk.text.includes(doc.id)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const event = received.find((chunk) => chunk.text.includes(doc.id));
      expect(event, 'the event arrived as readable text').toBeDefined();
    } finally {
      opened.stop();
    }
  });
});

describe('precompressed web build', () => {
  let webRoot: string;
  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), 'lapor-web-'));
    const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Lapor</title>');
    writeFileSync(join(webRoot, 'app.js'), script);
    // Marked so the test can tell the prebuilt file from one compressed on the fly.
    writeFileSync(join(webRoot, 'app.js.br'), brotliCompressSync(`${script}//prebuilt`));
    writeFileSync(join(webRoot, 'app.js.gz'), gzipSync(`${script}//prebuilt`));
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  it('serves the .br or .gz written at build time to a client that accepts it', async () => {
    const app = await buildApp({ db: server.db, webRoot });
    try {
      const br = await app.inject({ url: '/app.js', headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toMatch(/\/\/prebuilt$/);
      const gz = await app.inject({ url: '/app.js', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toMatch(/\/\/prebuilt$/);
      const plain = await app.inject({
        url: '/app.js',
        headers: { 'accept-encoding': 'identity' },
      });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toMatch(/^console\.log/);
    } finally {
      await app.close();
    }
  });
});
