import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startEventStream } from '../../../server/http/event-stream-writer.ts';

/** A reply that records its head and every byte written to it. */
function recordingReply() {
  const body = new PassThrough();
  const chunks: Buffer[] = [];
  body.on('data', (chunk: Buffer) => chunks.push(chunk));
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

  it('writes events as they are when gzip is not accepted', async () => {
    const reply = recordingReply();
    const stream = startEventStream(reply.raw, { 'content-type': 'text/event-stream' }, 'br');
    expect(reply.head['content-encoding']).toBeUndefined();
    stream.write(event('c-2'));
    await settle();
    expect(reply.body().toString()).toBe(event('c-2'));
  });
});
