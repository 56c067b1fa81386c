import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  REPLICATED_COLLECTIONS,
  type ReplicatedCollection,
} from '../../shared/schemas/rx-schemas.ts';
import { createInProcessChangeFeed, type ChangeFeed, type StreamEnd } from './change-feed.ts';

const CHANNEL = 'lapor_changes';
const KNOWN = new Set<string>(REPLICATED_COLLECTIONS);
const MAX_RECONNECT_MS = 10_000;
const END_OFFICER = 'end-officer';
const END_SESSION = 'end-session';

export type ClosableChangeFeed = ChangeFeed & { close(): Promise<void> };

/**
 * The change feed of several server processes on one PostgreSQL: a change accepted by any of
 * them reaches the streams of all. Each process tells its own streams at once and the others
 * through NOTIFY (sent after the write committed); a dedicated connection LISTENs for theirs.
 * Notices carry only the collection name: every stream then pulls within its officer's scope,
 * so nothing about the change itself passes through PostgreSQL's notification queue. An ended
 * session or officer travels the same way (`end-session:<id>`, `end-officer:<id>`), so its
 * streams end on every process. While the listening connection is down, it reconnects with
 * back-off and then wakes every stream, since a notice may have been missed; each stream checks
 * its session again when woken (see change-stream.ts), which catches a missed end too.
 */
export async function createPgNotifyChangeFeed(
  connectionString: string,
  onError: (error: unknown) => void = () => undefined,
): Promise<ClosableChangeFeed> {
  const local = createInProcessChangeFeed();
  const processId = randomUUID();
  const sender = new pg.Pool({ connectionString, max: 2 });
  sender.on('error', onError);
  let listener: pg.Client | null = null;
  let closed = false;
  let reconnectMs = 500;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (message) => {
      const [from, kind, ...rest] = (message.payload ?? '').split(':');
      if (from === processId || !kind) return;
      const id = rest.join(':');
      if (kind === END_OFFICER && id) local.endStreams({ officerId: id });
      else if (kind === END_SESSION && id) local.endStreams({ sessionId: id });
      else if (KNOWN.has(kind)) local.publish(kind as ReplicatedCollection);
    });
    client.on('error', (error) => {
      onError(error);
      scheduleReconnect();
    });
    client.on('end', () => scheduleReconnect());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
    reconnectMs = 500;
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    listener = null;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      listen().then(
        () => {
          for (const collection of REPLICATED_COLLECTIONS) local.publish(collection);
        },
        (error: unknown) => {
          onError(error);
          reconnectMs = Math.min(reconnectMs * 2, MAX_RECONNECT_MS);
          scheduleReconnect();
        },
      );
    }, reconnectMs);
  }

  await listen();

  function notifyOthers(message: string): void {
    sender.query('SELECT pg_notify($1, $2)', [CHANNEL, `${processId}:${message}`]).catch(onError);
  }

  return {
    publish(collection) {
      local.publish(collection);
      notifyOthers(collection);
    },
    subscribe: (collection, listenerFn) => local.subscribe(collection, listenerFn),
    endStreams(end: StreamEnd) {
      local.endStreams(end);
      notifyOthers(
        'officerId' in end ? `${END_OFFICER}:${end.officerId}` : `${END_SESSION}:${end.sessionId}`,
      );
    },
    onStreamsEnd: (listenerFn) => local.onStreamsEnd(listenerFn),
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      await listener?.end().catch(() => undefined);
      await sender.end();
    },
  };
}
