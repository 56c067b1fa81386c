import type { FastifyReply } from 'fastify';
import { sessionStillGrants, type AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database } from '../db/database.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ReplicatedStore } from '../replicated-store.ts';
import type { OpenStream, OpenStreams } from '../changes/open-streams.ts';
import { currentChangeSeq } from '../changes/change-counter.ts';
import { safeJsonStringify } from '../http/json-body.ts';
import { startEventStream } from '../http/event-stream-writer.ts';

const STREAM_BATCH = 200;

type StreamOptions = {
  db: Database;
  stores: readonly ReplicatedStore<unknown>[];
  officer: AuthenticatedOfficer;
  feed: ChangeFeed;
  reply: FastifyReply;
  now: () => number;
  openStreams: OpenStreams;
  heartbeatMs: number;
};

/**
 * Server-Sent Events of `{ documents, checkpoint }` batches within the officer's scope, one
 * named event per collection, so a workstation needs a single connection for all of them
 * (browsers allow only six per server). It starts at the current head: the client pulls from
 * its own checkpoint (RESYNC) whenever it connects. The stream ends when the access token
 * expires, when the feed says its session or officer ended (on any process), and when, woken by
 * a change, it finds its session revoked or its officer's rights changed: nothing is delivered
 * under rights the officer no longer has.
 */
export async function openChangeStream(options: StreamOptions): Promise<void> {
  const { db, officer, feed, reply, now } = options;
  const head = await currentChangeSeq(db);
  let closed = false;

  reply.hijack();
  const stream = startEventStream(
    reply.raw,
    {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // The connection ends with the stream (token expiry, server shutdown): never left idle.
      connection: 'close',
      'x-accel-buffering': 'no',
    },
    reply.request.headers['accept-encoding'],
  );
  stream.write(': connected\n\n');

  const unsubscribers = options.stores.map((store) => {
    let afterSeq = head;
    let draining = false;
    let again = false;
    async function drain(): Promise<void> {
      if (draining) {
        again = true;
        return;
      }
      draining = true;
      try {
        do {
          again = false;
          if (!(await sessionStillGrants(db, officer))) {
            close();
            return;
          }
          for (;;) {
            const batch = await store.pull(db, officer, afterSeq, STREAM_BATCH);
            if (closed || batch.documents.length === 0) break;
            afterSeq = batch.checkpoint?.seq ?? afterSeq;
            stream.write(`event: ${store.collection}\ndata: ${safeJsonStringify(batch)}\n\n`);
            if (batch.documents.length < STREAM_BATCH) break;
          }
        } while (again && !closed);
      } catch {
        close();
      } finally {
        draining = false;
      }
    }
    return feed.subscribe(store.collection, () => void drain());
  });
  const heartbeat = setInterval(() => stream.write(': ping\n\n'), options.heartbeatMs);
  const expiry = setTimeout(close, Math.max(0, officer.accessExpiresAt - now()));

  const registered: OpenStream = { officerId: officer.id, sessionId: officer.sessionId, close };
  function close() {
    if (closed) return;
    closed = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(expiry);
    options.openStreams.delete(registered);
    stream.end();
  }

  options.openStreams.add(registered);
  reply.raw.on('close', close);
  // An end announced after the request was authenticated but before the stream registered.
  if (!(await sessionStillGrants(db, officer))) close();
}
