import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startEventStream } from '../../../server/http/event-stream-writer.ts';

const gzipAsync = promisify(gzip);

/** A reply that records its head and every byte written to it, as it is written. */
function recordingReply() {
  const body = new PassThrough();
  const chunks: Buffer[] = [];
  body.resume();
  const write = body.write.bind(body) as (chunk: unknown) => boolean;
  const end = body.end.bind(body) as (chunk?: unknown) => PassThrough;
  body.write = ((chunk: string | Buffer) => {
    chunks.push(Buffer.from(chunk));
    return write(chunk);
  }) as typeof body.write;
  body.end = ((chunk?: string | Buffer) => {
    if (chunk !== undefined) chunks.push(Buffer.from(chunk));
    return end();
  }) as typeof body.end;
  let head: Record<string, string> = {};
  const reply = Object.assign(body, {
    writeHead(_status: number, headers: Record<string, string>) {
      head = headers;
      return reply;
    },
  });
  return {
    raw: reply as unknown as ServerResponse,
    get head() {
      return head;
    },
    bytes: () => Buffer.concat(chunks).length,
    body: () => Buffer.concat(chunks),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const event = (id: string) =>
  `event: complaints\ndata: ${JSON.stringify({ documents: [{ id, reporter: { name: 'Siti Rahma', phone: '0812 5555 0101' } }] })}\n\n`;

describe('startEventStream', () => {
  it('compresses each event on its own: a repeat is not shorter than the first', async () => {
    const reply = recordingReply();
    const stream = startEventStream(reply.raw, {}, 'gzip');
    expect(reply.head['content-encoding']).toBe('gzip');
    stream.write(': connected\n\n'); // the gzip header goes out with the first write
    await settle();
    const start = reply.bytes();
    stream.write(event('c-1'));
    await settle();
    const first = reply.bytes() - start;
    stream.write(event('c-1'));
    await settle();
    const second = reply.bytes() - start - first;
    expect(second).toBeGreaterThanOrEqual(first);
    stream.end();
    await settle();
    expect(gunzipSync(reply.body()).toString()).toBe(
      ': connected\n\n' + event('c-1') + event('c-1'),
    );
  });

  it('writes an event compressed by the time the write returns, however busy zlib’s pool is', async () => {
    // Every thread of zlib's pool compressing a large answer, as while history pages are sent.
    const busy = Array.from({ length: 8 }, () => gzipAsync(randomBytes(4 * 1024 * 1024)));
    const reply = recordingReply();
    const stream = startEventStream(reply.raw, {}, 'gzip');
    stream.write(event('c-3'));
    const sent = gunzipSync(reply.body(), { finishFlush: constants.Z_SYNC_FLUSH });
    expect(sent.toString()).toBe(event('c-3'));
    await Promise.all(busy);
    stream.end();
    expect(gunzipSync(reply.body()).toString()).toBe(event('c-3'));
  });

  it('ends with a gzip trailer that checks all the text, whatever its length', () => {
    const reply = recordingReply();
    const stream = startEventStream(reply.raw, {}, 'gzip');
    const texts = [': connected\n\n', event('c-4'), `: ${'ü'.repeat(40_000)}\n\n`, event('c-5')];
    for (const text of texts) stream.write(text);
    stream.end();
    // gunzip checks the trailer's checksum and length, and throws when either is wrong.
    expect(gunzipSync(reply.body()).toString()).toBe(texts.join(''));
    stream.write(event('c-6'));
    expect(gunzipSync(reply.body()).toString()).toBe(texts.join(''));
  });

  it('writes events as they are when gzip is not accepted', async () => {
    const reply = recordingReply();
    const stream = startEventStream(reply.raw, { 'content-type': 'text/event-stream' }, 'br');
    expect(reply.head['content-encoding']).toBeUndefined();
    stream.write(event('c-2'));
    await settle();
    expect(reply.body().toString()).toBe(event('c-2'));
  });
});
