import { get, type IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { acceptsGzip } from '../../../server/http/event-stream-writer.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let baseUrl: string;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 40 });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await server.login('admin.kaltim');
});
afterAll(() => server.close());

/** Opens the live stream over plain HTTP with this Accept-Encoding; collects its text as inflated. */
async function openRawStream(acceptEncoding: string | null) {
  const answer = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = get(
      `${baseUrl}/api/replication/stream`,
      {
        headers: {
          authorization: `Bearer ${admin.accessToken}`,
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      },
      resolve,
    );
    request.on('error', reject);
  });
  const gzipped = answer.headers['content-encoding'] === 'gzip';
  const body = gzipped ? answer.pipe(createGunzip()) : answer;
  let text = '';
  body.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  body.on('error', () => undefined);
  return {
    gzipped,
    get text() {
      return text;
    },
    close: () => answer.destroy(),
  };
}

async function until(ready: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what} did not come within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the live stream’s compression', () => {
  it('sends the events as they are to a client that accepts no gzip', async () => {
    const stream = await openRawStream(null);
    try {
      expect(stream.gzipped).toBe(false);
      await until(() => stream.text.includes(': connected'), 'the greeting');
    } finally {
      stream.close();
    }
  });

  it('reads gzip in Accept-Encoding unless refused with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
