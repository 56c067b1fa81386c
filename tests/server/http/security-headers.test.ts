import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { changeCounter, pullAll } from '../support/replication-client.ts';

/** A web root shaped like `electron-vite build`'s out/renderer. */
function writeWebBuildFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'lapor-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html>
<html lang="id">
  <head>
    <meta charset="UTF-8" />
    <title>Lapor Workstation</title>
    <script type="module" crossorigin src="./assets/index-T3st.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-T3st.css">
  <link rel="manifest" href="./manifest.webmanifest"></head>
  <body><div id="root"></div></body>
</html>`,
  );
  writeFileSync(join(root, 'assets', 'index-T3st.js'), 'console.log("workstation");\n');
  writeFileSync(join(root, 'assets', 'index-T3st.css'), 'body { margin: 0; }\n');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Lapor"}');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  return root;
}

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** The headers every answer carries, page, asset, API or error alike. */
function expectSecurityHeaders(response: LightMyRequestResponse) {
  const csp = directives(response.headers['content-security-policy'] as string);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(response.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['permissions-policy']).toContain('camera=()');
}

/** Script elements of a built index.html: each must load a file (CSP allows no inline code). */
function scriptsOf(html: string): { src: string | null; inline: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => ({
    src: /\bsrc="([^"]+)"/.exec(match[1] ?? '')?.[1] ?? null,
    inline: (match[2] ?? '').trim(),
  }));
}

let server: TestServer;
let admin: SessionResponse;
let webRoot: string;

beforeAll(async () => {
  webRoot = writeWebBuildFixture();
  server = await startTestServer({
    complaints: 30,
    app: { webRoot, corsOrigins: ['app://workstation'], bodyLimitBytes: 256 * 1024 },
  });
  admin = await server.login('admin.kaltim');
});
afterAll(async () => {
  await server.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('security headers', () => {
  it('are on API answers, which no cache may keep', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull',
      headers: bearer(admin),
    });
    expect(response.statusCode).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('are on errors, refusals and unknown addresses', async () => {
    const responses = await Promise.all([
      server.app.inject({ method: 'GET', url: '/api/replication/units/pull' }),
      server.app.inject({ method: 'GET', url: '/api/tidak-ada' }),
      server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"rusak',
      }),
      server.app.inject({ method: 'GET', url: '/healthz' }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([401, 404, 400, 200]);
    for (const response of responses) expectSecurityHeaders(response);
  });

  it('send no HSTS over plain HTTP, and HSTS with upgrade-insecure-requests behind TLS', async () => {
    const plain = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(
      directives(plain.headers['content-security-policy'] as string).has(
        'upgrade-insecure-requests',
      ),
    ).toBe(false);

    const tls = await buildApp({ db: server.db, behindTls: true });
    try {
      const response = await tls.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}$/);
      expect(
        directives(response.headers['content-security-policy'] as string).has(
          'upgrade-insecure-requests',
        ),
      ).toBe(true);
    } finally {
      await tls.close();
    }
  });
});

describe('CORS', () => {
  it('answers a preflight only for an allowed origin', async () => {
    const preflight = (origin: string) =>
      server.app.inject({
        method: 'OPTIONS',
        url: '/api/replication/complaints/push',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight('app://workstation');
    expect(allowed.headers['access-control-allow-origin']).toBe('app://workstation');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const foreign = await preflight('https://penipu.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets no other origin read an API answer', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull',
      headers: { ...bearer(admin), origin: 'https://penipu.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the served web build', () => {
  it('loads its page and its module script under the policy, with no inline script', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectSecurityHeaders(page);
    const scripts = scriptsOf(page.body);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.inline).toBe('');
      expect(script.src).toMatch(/^\.?\/assets\//);
      const asset = await server.app.inject({
        method: 'GET',
        url: `/${script.src?.replace(/^\.?\//, '')}`,
      });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expectSecurityHeaders(asset);
    }
    const style = await server.app.inject({ method: 'GET', url: '/assets/index-T3st.css' });
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toContain('text/css');
  });

  it('serves the page for the workstation’s own routes, and the service worker', async () => {
    const deepLink = await server.app.inject({ method: 'GET', url: '/laporan/rakorda' });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('<div id="root">');
    const worker = await server.app.inject({ method: 'GET', url: '/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
  });

  const built = resolve('out/renderer');
  it.skipIf(!existsSync(join(built, 'index.html')))(
    'the real electron-vite build has no inline script or style element the policy would block',
    async () => {
      const html = readFileSync(join(built, 'index.html'), 'utf8');
      const scripts = scriptsOf(html);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        expect(script.inline).toBe('');
        expect(script.src).not.toMatch(/^(https?:)?\/\//);
      }
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);

      const app = await buildApp({ db: server.db, webRoot: built });
      try {
        const page = await app.inject({ method: 'GET', url: '/' });
        expect(page.statusCode).toBe(200);
        expectSecurityHeaders(page);
        const main = scripts[0]?.src?.replace(/^\.?\//, '');
        const asset = await app.inject({ method: 'GET', url: `/${main}` });
        expect(asset.statusCode).toBe(200);
        expect(asset.headers['content-type']).toMatch(/javascript/);
        expectSecurityHeaders(asset);
      } finally {
        await app.close();
      }
    },
  );
});

describe('request body limits', () => {
  it('answers 413 in the API’s error format for a push over the configured limit, writing nothing', async () => {
    const before = await changeCounter(server.db);
    const row = { newDocumentState: { id: 'x', _deleted: false, body: 'a'.repeat(1000) } };
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaints/push',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: JSON.stringify(Array.from({ length: 300 }, () => row)),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: 'payload_too_large',
      message: 'Isi permintaan terlalu besar (paling banyak 256 KiB)',
    });
    expectSecurityHeaders(response);
    expect(await changeCounter(server.db)).toBe(before);
  });

  it('gives the login route a small limit of its own', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        username: 'admin.kaltim',
        password: 'x'.repeat(20_000),
        deviceId: 'd',
      }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('payload_too_large');
  });

  it('fits a full push of 1000 complaint documents under the default limit', async () => {
    const app = await buildApp({ db: server.db });
    try {
      const complaints = (await pullAll<Complaint>(app, admin, 'complaints', 100)).documents;
      const rows = Array.from({ length: 500 }, (_unused, index) => {
        const doc = complaints[index % complaints.length] as Complaint & { _deleted: boolean };
        return { assumedMasterState: doc, newDocumentState: doc };
      });
      const payload = JSON.stringify(rows);
      expect(Buffer.byteLength(payload)).toBeLessThan(app.initialConfig.bodyLimit! / 4);
      const before = await changeCounter(server.db);
      const response = await app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: { ...bearer(admin), 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([]);
      expect(await changeCounter(server.db)).toBe(before);
    } finally {
      await app.close();
    }
  });
});

describe('liveness and readiness', () => {
  const unreachable: Database = {
    kind: 'postgresql',
    query: () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432 password=rahasia')),
    transaction: () => Promise.reject(new Error('connect ECONNREFUSED')),
    execScript: () => Promise.reject(new Error('connect ECONNREFUSED')),
    close: () => Promise.resolve(),
  };

  it('/healthz answers without the database; /readyz says whether the database answers', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({
      status: 'ready',
    });
    const app = await buildApp({ db: unreachable });
    try {
      const live = await app.inject({ method: 'GET', url: '/healthz' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ error: 'not_ready', message: 'Basis data tidak tersedia' });
      expect(ready.body).not.toMatch(/ECONNREFUSED|password|10\.1\.2\.3/);
    } finally {
      await app.close();
    }
  });
});
