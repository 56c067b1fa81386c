import { describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  fillWithDefaultSettings,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageInstance,
} from 'rxdb';
import {
  createFieldCipher,
  newReplicaKey,
  type FieldCipher,
} from '../../../renderer/src/db/field-cipher.ts';
import { fieldEncryptionStorage } from '../../../renderer/src/db/field-encryption-storage.ts';

type Note = { id: string; secret: string; plain: string };

const schema = fillWithDefaultSettings<Note>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    secret: { type: 'string' },
    plain: { type: 'string' },
  },
  required: ['id', 'secret', 'plain'],
  encrypted: ['secret'],
} as RxJsonSchema<Note>) as RxJsonSchema<RxDocumentData<Note>>;

let counter = 0;

async function openInstance(
  cipher: FieldCipher,
): Promise<RxStorageInstance<Note, unknown, unknown>> {
  counter += 1;
  const storage = fieldEncryptionStorage({
    storage: getRxStorageMemory(),
    cipher,
    replicatedFields: ['secret'],
  });
  return storage.createStorageInstance<Note>({
    databaseInstanceToken: `token-${counter}`,
    databaseName: `encrypted-stream-${counter}-${Date.now()}`,
    collectionName: 'notes',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  }) as Promise<RxStorageInstance<Note, unknown, unknown>>;
}

function row(id: string, secret: string, previous?: RxDocumentData<Note>) {
  const revision = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
  return {
    ...(previous ? { previous } : {}),
    document: {
      id,
      secret,
      plain: 'terbuka',
      _deleted: false,
      _attachments: {},
      _meta: { lwt: Date.now() + revision },
      _rev: `${revision}-abc`,
    } as RxDocumentData<Note>,
  };
}

/** Rejects when `promise` has not settled after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`not settled after ${ms} ms`)), ms),
    ),
  ]);
}

type Opened = {
  instance: RxStorageInstance<Note, unknown, unknown>;
  /**
   * Encrypts rows, then gives a function writing them straight to the storage under the
   * encryption (as another window's write arrives), whose change event goes out at once.
   */
  sealed(rows: ReturnType<typeof row>[]): Promise<() => Promise<unknown>>;
};

async function openSealed(): Promise<Opened> {
  const cipher = await createFieldCipher(newReplicaKey());
  const instance = await openInstance(cipher);
  const original = (
    instance as unknown as { originalStorageInstance: RxStorageInstance<Note, unknown, unknown> }
  ).originalStorageInstance;
  return {
    instance,
    async sealed(rows) {
      const sealed = await Promise.all(
        rows.map(async (r) => ({
          ...r,
          document: { ...r.document, secret: await cipher.encrypt(r.document.secret) },
        })),
      );
      return () => original.bulkWrite(sealed as never, 'test');
    },
  };
}

describe('the encrypted storage change stream', () => {
  it('lets writes finish after a listener left while one of its events was being decrypted', async () => {
    const { instance, sealed } = await openSealed();
    const leaving = instance.changeStream().subscribe();
    const staying: string[] = [];
    instance.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) staying.push((event.documentData as Note).secret);
    });
    const write = await sealed([row('n-1', 'rahasia pertama')]);
    const first = write();
    // The event is out and being decrypted: its listener goes now, as a cancelled replication's.
    leaving.unsubscribe();
    await first;
    const [stored] = await instance.findDocumentsById(['n-1'], false);
    await within(instance.bulkWrite([row('n-1', 'rahasia kedua', stored)], 'test'), 2_000);
    expect(staying).toEqual(['rahasia pertama', 'rahasia kedua']);
    await instance.close();
  });

  it('hands change events to a listener in the order they were written', async () => {
    const { instance, sealed } = await openSealed();
    const seen: string[] = [];
    instance.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) seen.push((event.documentData as Note).secret.slice(0, 6));
    });
    // A long value takes longer to decrypt than a short one written right after it.
    const long = await sealed([row('n-1', 'x'.repeat(2_000_000))]);
    const short = await sealed([row('n-2', 'pendek')]);
    await long();
    await short();
    const [stored] = await instance.findDocumentsById(['n-2'], false);
    // A write through the encryption returns once every change before it was handed on.
    await within(instance.bulkWrite([row('n-2', 'ketiga', stored)], 'test'), 5_000);
    expect(seen).toEqual(['xxxxxx', 'pendek', 'ketiga']);
    await instance.close();
  });
});
