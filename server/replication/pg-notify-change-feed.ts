import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  REPLICATED_COLLECTIONS,
  type ReplicatedCollection,
} from '../../shared/schemas/rx-schemas.ts';
import { createInProcessChangeFeed, type ChangeFeed } from './change-feed.ts';

const CHANNEL = 'lapor_changes';
const KNOWN = new Set<string>(REPLICATED_COLLECTIONS);
const MAX_RECONNECT_MS = 10_000;

export type ClosableChangeFeed = ChangeFeed & { close(): Promise<void> };

/**
 * The change feed of several server processes on one PostgreSQL: a change accepted by any of
 * them reaches the streams of all. Each process tells its own streams at once and the others
 * through NOTIFY (sent after the write committed); a dedicated connection LISTENs for theirs.
 * Notices carry only the collection name: every stream then pulls within its officer's scope,
 * so nothing about the change itself passes through PostgreSQL's notification queue. While the
 * listening connection is down, it reconnects with back-off and then wakes every stream, since
 * a notice may have been missed.
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
      const [from, collection] = (message.payload ?? '').split(':');
      if (from !== processId && collection && KNOWN.has(collection))
        local.publish(collection as ReplicatedCollection);
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

  return {
    publish(collection) {
      local.publish(collection);
      sender
        .query('SELECT pg_notify($1, $2)', [CHANNEL, `${processId}:${collection}`])
        .catch(onError);
    },
    subscribe: (collection, listenerFn) => local.subscribe(collection, listenerFn),
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      await listener?.end().catch(() => undefined);
      await sender.end();
    },
  };
}
