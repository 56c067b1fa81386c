import { describe, expect, it, vi } from 'vitest';
import {
  checkServer,
  serverOriginOf,
  type ReadinessFetch,
} from '../../../shared/desktop/check-server.ts';

const answer =
  (status: number, body: unknown): ReadinessFetch =>
  async () => ({
    status,
    json: async () => {
      if (typeof body === 'string') throw new SyntaxError('not JSON');
      return body;
    },
  });

describe('a server address as typed', () => {
  it.each([
    ['https://lapor.kaltimprov.go.id', 'https://lapor.kaltimprov.go.id'],
    ['  https://lapor.kaltimprov.go.id/  ', 'https://lapor.kaltimprov.go.id'],
    ['lapor.kaltimprov.go.id', 'https://lapor.kaltimprov.go.id'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['HTTPS://Lapor.Example.GO.ID:8443', 'https://lapor.example.go.id:8443'],
  ])('%s is %s', (raw, origin) => {
    expect(serverOriginOf(raw)).toBe(origin);
  });

  it.each([
    '',
    '   ',
    'ftp://lapor.go.id',
    'javascript:alert(1)',
    'https://user:pw@lapor.go.id',
    'https://lapor.go.id/api',
    'https://lapor.go.id/?x=1',
    'https://lapor.go.id/#x',
    'https://',
    `https://${'a'.repeat(300)}.id`,
  ])('refuses %j', (raw) => {
    expect(serverOriginOf(raw)).toBeNull();
  });
});

describe('testing a server', () => {
  it('is ready when /readyz answers { status: "ready" }', async () => {
    const fetchReadiness = vi.fn(answer(200, { status: 'ready', database: 'pglite' }));
    expect(await checkServer('lapor.kaltimprov.go.id/', fetchReadiness)).toEqual({
      ok: true,
      origin: 'https://lapor.kaltimprov.go.id',
    });
    expect(fetchReadiness).toHaveBeenCalledWith(
      'https://lapor.kaltimprov.go.id/readyz',
      expect.objectContaining({ redirect: 'error', credentials: 'omit' }),
    );
  });

  it('says the database is not ready on a 503 not_ready', async () => {
    expect(
      await checkServer('https://a.go.id', answer(503, { error: 'not_ready', message: 'x' })),
    ).toEqual({ ok: false, reason: 'not_ready' });
  });

  it.each([
    ['an HTML page', 200, '<html>'],
    ['a 404', 404, { error: 'not_found' }],
    ['another JSON', 200, { status: 'ok' }],
    ['another 503', 503, 'Service Unavailable'],
  ])('says it is not a Lapor server for %s', async (_name, status, body) => {
    expect(await checkServer('https://a.go.id', answer(status, body))).toEqual({
      ok: false,
      reason: 'not_lapor',
    });
  });

  it('says unreachable when the request fails', async () => {
    const failing: ReadinessFetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await checkServer('https://a.go.id', failing)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('gives up after the timeout', async () => {
    const hanging: ReadinessFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    expect(await checkServer('https://a.go.id', hanging, 20)).toEqual({
      ok: false,
      reason: 'timeout',
    });
  });

  it('does not ask anything for an invalid address', async () => {
    const fetchReadiness = vi.fn(answer(200, { status: 'ready' }));
    expect(await checkServer('ftp://a.go.id', fetchReadiness)).toEqual({
      ok: false,
      reason: 'invalid_url',
    });
    expect(fetchReadiness).not.toHaveBeenCalled();
  });
});
