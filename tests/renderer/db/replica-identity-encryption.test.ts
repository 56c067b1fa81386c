import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import {
  addRxPlugin,
  createRxDatabase,
  getRxReplicationMetaInstanceSchema,
  type RxCollection,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import {
  createFieldCipher,
  newReplicaKey,
  ReplicaKeyError,
  type FieldCipher,
} from '../../../renderer/src/db/field-cipher.ts';
import { fieldEncryptionStorage } from '../../../renderer/src/db/field-encryption-storage.ts';
import { dexieStorageOf } from '../../../renderer/src/db/dexie-storage-of.ts';
import { readAllDocuments } from '../../../renderer/src/db/read-all-documents.ts';
import { removeReplica } from '../../../renderer/src/db/remove-replica.ts';
import { readQueueHead } from '../../../renderer/src/db/read-queue-head.ts';
import { complaintRxSchema } from '../../../renderer/src/db/replica-schemas.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { writeVersion1Replica } from '../../support/version-1-replica.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const IDENTITY = ['Andi Saputra', '081234567890', 'andi@contoh.id'];
let counter = 0;
const open: Replica[] = [];

function officerId(): string {
  counter += 1;
  return `enc-${counter}-${Date.now()}`;
}

async function rawRow(
  replica: Replica,
  id: string,
  collection: RxCollection<never> = replica.complaints as never,
): Promise<Record<string, unknown>> {
  const access = dexieStorageOf(collection);
  if (!access) throw new Error('not on Dexie');
  const { dexieTable } = await access.storage.internals;
  return (await dexieTable.get(id)) as Record<string, unknown>;
}

async function opened(...args: Parameters<typeof openReplica>): Promise<Replica> {
  const replica = await openReplica(...args);
  open.push(replica);
  return replica;
}

afterEach(async () => {
  for (const replica of open.splice(0)) {
    if (!replica.closed) await replica.close();
  }
});

describe('the reporter identity in the replica', () => {
  it('is stored as ciphertext: the raw IndexedDB row holds no name, phone or e-mail', async () => {
    const replica = await opened(officerId(), dexie(), ['complaints'], newReplicaKey());
    await replica.complaints.insert(sampleComplaint());
    const row = await rawRow(replica, 'c-1');
    expect(typeof row.reporter).toBe('string');
    expect(row.reporter).toMatch(/^g1\./);
    const text = JSON.stringify(row);
    for (const value of IDENTITY) expect(text).not.toContain(value);
    // Everything else stays readable and indexed.
    expect(row.title).toBe(sampleComplaint().title);
  });

  it('reads back whole through RxDB, the Dexie bulk reader and the queue head', async () => {
    const replica = await opened(officerId(), dexie(), ['complaints'], newReplicaKey());
    const withIdentity = sampleComplaint();
    const without = sampleComplaint({ id: 'c-2', trackingNumber: 'KALTIM-2611-00002' });
    delete without.reporter;
    await replica.complaints.bulkInsert([withIdentity, without]);

    const found = await replica.complaints.findOne('c-1').exec();
    expect(found?.reporter).toEqual(withIdentity.reporter);

    const pages: Complaint[] = [];
    for await (const page of readAllDocuments(replica.complaints, 10)) {
      pages.push(...(page as Complaint[]));
    }
    expect(pages.find((c) => c.id === 'c-1')?.reporter).toEqual(withIdentity.reporter);
    expect(pages.find((c) => c.id === 'c-2')).not.toHaveProperty('reporter');

    const head = await readQueueHead(replica.complaints, ['didisposisi'], 10, 1);
    expect(head?.find((c) => c.id === 'c-1')?.reporter).toEqual(withIdentity.reporter);
  });

  it('reaches change subscribers decrypted', async () => {
    const replica = await opened(officerId(), dexie(), ['complaints'], newReplicaKey());
    const seen: unknown[] = [];
    const subscription = replica.complaints.$.subscribe((event) =>
      seen.push(event.documentData.reporter),
    );
    await replica.complaints.insert(sampleComplaint());
    await (
      await replica.complaints.findOne('c-1').exec()
    )?.incrementalPatch({ priority: 'tinggi' });
    subscription.unsubscribe();
    expect(seen).toEqual([sampleComplaint().reporter, sampleComplaint().reporter]);
  });

  it('survives closing and reopening with the same key', async () => {
    const id = officerId();
    const key = newReplicaKey();
    const first = await opened(id, dexie(), ['complaints'], key);
    await first.complaints.insert(sampleComplaint());
    await first.close();
    const again = await opened(id, dexie(), ['complaints'], key);
    expect((await again.complaints.findOne('c-1').exec())?.reporter?.name).toBe('Andi Saputra');
    // An edit of another field keeps the identity encrypted and intact.
    await (await again.complaints.findOne('c-1').exec())?.incrementalPatch({ priority: 'tinggi' });
    const row = await rawRow(again, 'c-1');
    expect(row.priority).toBe('tinggi');
    expect(JSON.stringify(row)).not.toContain('Andi Saputra');
    expect((await again.complaints.findOne('c-1').exec())?.reporter?.phone).toBe('081234567890');
  });

  it('refuses another key with a ReplicaKeyError before anything is read', async () => {
    const id = officerId();
    const key = newReplicaKey();
    const first = await opened(id, dexie(), ['complaints'], key);
    await first.complaints.insert(sampleComplaint());
    await first.close();
    const attempt = openReplica(id, dexie(), ['complaints'], newReplicaKey());
    await expect(attempt).rejects.toBeInstanceOf(ReplicaKeyError);
    await expect(attempt).rejects.toMatchObject({ problem: 'wrong' });
    // The refused attempt closed what it opened: the right key still opens the replica.
    const again = await opened(id, dexie(), ['complaints'], key);
    expect((await again.complaints.findOne('c-1').exec())?.reporter?.name).toBe('Andi Saputra');
  });

  it('is encrypted in a refused complaint write kept for the officer, too', async () => {
    const replica = await opened(officerId(), dexie(), ['sync_rejections'], newReplicaKey());
    const refusedDocument = JSON.stringify(sampleComplaint({ priority: 'tinggi' }));
    await replica.sync_rejections.insert({
      id: 'r-1',
      officerId: 'officer-admin-kaltim',
      targetCollection: 'complaints',
      documentId: 'c-1',
      reasonCode: 'lifecycle',
      reason: 'Status tidak dapat diubah',
      refusedDocument,
      identityRemoved: false,
      documentTruncated: false,
      createdAt: 1,
      resolvedAt: 0,
      serverSeq: 3,
    });
    const row = await rawRow(replica, 'r-1', replica.sync_rejections as never);
    for (const value of IDENTITY) expect(JSON.stringify(row)).not.toContain(value);
    expect((await replica.sync_rejections.findOne('r-1').exec())?.refusedDocument).toBe(
      refusedDocument,
    );
  });

  it('can be removed without its key, after which a new key opens an empty replica', async () => {
    const id = officerId();
    const storage = dexie();
    const first = await opened(id, storage, ['complaints', 'sync_rejections'], newReplicaKey());
    await first.complaints.insert(sampleComplaint());
    await first.close();
    await removeReplica(id, storage);
    const fresh = await opened(id, storage, ['complaints'], newReplicaKey());
    expect(await fresh.complaints.count().exec()).toBe(0);
  });

  it('refuses a key that is not 32 bytes of base64', async () => {
    await expect(
      openReplica(officerId(), getRxStorageMemory(), ['complaints'], 'short'),
    ).rejects.toMatchObject({ problem: 'missing' });
  });

  it('encrypts an older replica’s plaintext identity when it is upgraded', async () => {
    const id = officerId();
    const storage = dexie();
    await writeVersion1Replica(storage, id, [sampleComplaint()]);

    const replica = await opened(id, storage, ['complaints'], newReplicaKey());
    const row = await rawRow(replica, 'c-1');
    expect(JSON.stringify(row)).not.toContain('Andi Saputra');
    expect((await replica.complaints.findOne('c-1').exec())?.reporter?.email).toBe(
      'andi@contoh.id',
    );
  });
});

function countingCipher(cipher: FieldCipher) {
  const counts = { encrypt: 0, decrypt: 0 };
  const counted: FieldCipher = {
    encrypt: (value) => {
      counts.encrypt += 1;
      return cipher.encrypt(value);
    },
    decrypt: (value) => {
      counts.decrypt += 1;
      return cipher.decrypt(value);
    },
  };
  return { counts, cipher: counted };
}

describe('the field encryption storage', () => {
  it('leaves documents without identity alone: no encryption, no decryption', async () => {
    const { counts, cipher } = countingCipher(await createFieldCipher(newReplicaKey()));
    const db = await createRxDatabase<{ complaints: RxCollection<Complaint> }>({
      name: `plain-${officerId()}`,
      storage: fieldEncryptionStorage({
        storage: getRxStorageMemory(),
        cipher,
        replicatedFields: ['reporter'],
      }),
    });
    await db.addCollections({ complaints: { schema: complaintRxSchema } });
    const documents = Array.from({ length: 50 }, (_, index) => {
      const complaint = sampleComplaint({ id: `c-${index}` });
      delete complaint.reporter;
      return complaint;
    });
    await db.complaints.bulkInsert(documents);
    expect(await db.complaints.count().exec()).toBe(50);
    expect((await db.complaints.find().exec()).length).toBe(50);
    expect(counts).toEqual({ encrypt: 0, decrypt: 0 });
    await db.remove();
  });

  it('encrypts the identity inside the replication metadata’s copies of complaints', async () => {
    const cipher = await createFieldCipher(newReplicaKey());
    const memory = getRxStorageMemory();
    const storage = fieldEncryptionStorage({
      storage: memory,
      cipher,
      replicatedFields: ['reporter'],
    });
    const schema = getRxReplicationMetaInstanceSchema(complaintRxSchema as never, true);
    const instance = await storage.createStorageInstance({
      databaseInstanceToken: 'token',
      databaseName: `meta-${officerId()}`,
      collectionName: 'rx-replication-meta-test',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const complaint = sampleComplaint();
    const metaDocument = {
      id: 'c-1|0',
      itemId: 'c-1',
      isCheckpoint: '0',
      docData: { ...complaint, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1 } },
      _deleted: false,
      _attachments: {},
      _rev: '1-a',
      _meta: { lwt: 1 },
    };
    await instance.bulkWrite([{ document: metaDocument as never }], 'test');
    const raw = (instance as unknown as { originalStorageInstance: typeof instance })
      .originalStorageInstance;
    const [stored] = await raw.findDocumentsById(['c-1|0'], true);
    expect(JSON.stringify(stored)).not.toContain('Andi Saputra');
    expect(JSON.stringify(stored)).toContain(complaint.title);
    const [read] = await instance.findDocumentsById(['c-1|0'], true);
    expect((read as unknown as typeof metaDocument).docData.reporter).toEqual(complaint.reporter);
    await instance.remove();
  });
});
