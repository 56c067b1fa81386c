import type { ServerResponse } from 'node:http';
import { constants, createGzip } from 'node:zlib';

/** An 8 KB window (an event is a few KB) and a small hash table: ~100 KB per open stream. */
const STREAM_GZIP = { level: 6, windowBits: 13, memLevel: 7 } as const;

export type EventStreamWriter = {
  write(text: string): void;
  end(): void;
};

/** Whether an `Accept-Encoding` header accepts gzip (not refused with `q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((entry) => {
    const [name, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const refused = params.some((param) => /^q=0(\.0*)?$/.test(param));
    return (name === 'gzip' || name === '*') && !refused;
  });
}

/**
 * Starts a Server-Sent Events answer on a hijacked reply. When the client accepts gzip the events
 * go compressed, each flushed at once: on a shared slow link a live change spends less time on the
 * wire. The flush is a full one: it ends the write on a byte boundary the client can inflate and
 * resets the compressor, so no event is compressed against another. One officer's stream carries
 * text others wrote (a reporter's complaint) beside what they may not read; with a shared context
 * an eavesdropper who sees the encrypted lengths could test guesses of it.
 */
export function startEventStream(
  raw: ServerResponse,
  headers: Record<string, string>,
  acceptEncoding: string | undefined,
): EventStreamWriter {
  const gzip = acceptsGzip(acceptEncoding) ? createGzip(STREAM_GZIP) : null;
  raw.writeHead(200, {
    ...headers,
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  if (!gzip) return { write: (text) => void raw.write(text), end: () => raw.end() };
  gzip.pipe(raw);
  // A client gone mid-write leaves the compressor to be dropped with the reply.
  gzip.on('error', () => raw.destroy());
  return {
    write(text) {
      if (raw.destroyed || gzip.destroyed || gzip.writableEnded) return;
      gzip.write(text);
      gzip.flush(constants.Z_FULL_FLUSH);
    },
    end() {
      if (raw.destroyed) gzip.destroy();
      else if (!gzip.writableEnded) gzip.end();
    },
  };
}
