import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { broadcastWhenShared } from '../../../renderer/src/db/broadcast-when-shared.ts';
import {
  windowPresenceThroughLocks,
  type Locks,
} from '../../../renderer/src/db/window-presence.ts';

// Windows of one replica, as two databases of one name in one process (RxDB allows that in dev
// mode with `ignoreDuplicate`); their writes travel as between tabs.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/** The Web Locks API of one browser profile, in memory: what every window of it sees. */
function profileLocks(): Locks {
  const held = new Set<string>();
  return {
    async request(name, callback) {
      held.add(name);
      try {
        await callback();
      } finally {
        held.delete(name);
      }
    },
    query: () => Promise.resolve({ held: [...held].map((name) => ({ name })) }),
  };
}

type Window = { db: RxDatabase<{ complaints: RxCollection }>; seen: string[] };
const opened: Window[] = [];
let counter = 0;

async function openWindow(name: string, storage: RxStorage<unknown, unknown>): Promise<Window> {
  const db = await createRxDatabase<{ complaints: RxCollection }>({
    name,
    storage: wrappedValidateAjvStorage({ storage }),
    multiInstance: true,
    ignoreDuplicate: true,
  });
  await db.addCollections({
    complaints: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 40 }, title: { type: 'string' } },
        required: ['id'],
      },
    },
  });
  const window: Window = { db, seen: [] };
  db.complaints.$.subscribe((change) => window.seen.push(String(change.documentId)));
  opened.push(window);
  return window;
}

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function eventually(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5_000) throw new Error('the other window never heard of it');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  for (const { db } of opened.splice(0)) await db.close();
});

describe('writes told to other windows only while one is open', () => {
  it('a window alone posts none of its writes on the replica’s channel', async () => {
    counter += 1;
    const name = `alone-${counter}`;
    const alone = await openWindow(
      name,
      broadcastWhenShared(dexie(), windowPresenceThroughLocks(profileLocks())),
    );
    // Listens on the channel without being marked open: hears whatever is posted.
    const listener = await openWindow(name, dexie());
    await alone.db.complaints.bulkInsert([{ id: 'c-1' }, { id: 'c-2' }]);
    await settle();
    expect(alone.seen).toEqual(['c-1', 'c-2']);
    expect(listener.seen).toEqual([]);
  });

  it('a write reaches a window that has the replica open, in order', async () => {
    counter += 1;
    const name = `shared-${counter}`;
    const storage = broadcastWhenShared(dexie(), windowPresenceThroughLocks(profileLocks()));
    const writer = await openWindow(name, storage);
    const reader = await openWindow(name, storage);
    await writer.db.complaints.insert({ id: 'c-1' });
    await writer.db.complaints.bulkInsert([{ id: 'c-2' }, { id: 'c-3' }]);
    await eventually(() => reader.seen.length === 3);
    expect(reader.seen).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('a window opened after a write that was not posted reads it, and hears the next one', async () => {
    counter += 1;
    const name = `later-${counter}`;
    const storage = broadcastWhenShared(dexie(), windowPresenceThroughLocks(profileLocks()));
    const first = await openWindow(name, storage);
    await first.db.complaints.insert({ id: 'c-1', title: 'sebelum' });
    const later = await openWindow(name, storage);
    expect((await later.db.complaints.findOne('c-1').exec())?.get('title')).toBe('sebelum');
    await first.db.complaints.insert({ id: 'c-2' });
    await eventually(() => later.seen.includes('c-2'));
  });

  it('stops posting once the other window has closed', async () => {
    counter += 1;
    const name = `closed-${counter}`;
    const locks = profileLocks();
    const storage = broadcastWhenShared(dexie(), windowPresenceThroughLocks(locks));
    const writer = await openWindow(name, storage);
    const other = await openWindow(name, storage);
    await other.db.close();
    opened.splice(opened.indexOf(other), 1);
    expect((await locks.query()).held).toHaveLength(1);
    const listener = await openWindow(name, dexie());
    await writer.db.complaints.insert({ id: 'c-1' });
    await settle();
    expect(listener.seen).toEqual([]);
  });

  it('posts every write where the browser refuses its locks, as RxDB does', async () => {
    counter += 1;
    const name = `refused-${counter}`;
    const refusing: Locks = {
      request: () => Promise.reject(new Error('SecurityError')),
      query: () => Promise.reject(new Error('SecurityError')),
    };
    const writer = await openWindow(
      name,
      broadcastWhenShared(dexie(), windowPresenceThroughLocks(refusing)),
    );
    const listener = await openWindow(name, dexie());
    await writer.db.complaints.insert({ id: 'c-1' });
    await eventually(() => listener.seen.includes('c-1'));
  });
});
