/**
 * The browser side of the performance suite: the workstation's own replica beside the
 * references it is measured against (raw Dexie, fetch + raw Dexie, PouchDB). Loaded into a
 * page of its own; the suite calls `window.laporBench` through Playwright.
 */
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { fillWithDefaultSettings } from 'rxdb';
import { getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { openReplica } from '../../../renderer/src/db/create-replica.ts';
import { complaintRxSchema } from '../../../renderer/src/db/replica-schemas.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { LaporBenchApi } from '../support/bench-api.ts';

type Doc = Record<string, unknown> & { id: string };
type PullPage = { documents: Doc[]; checkpoint: unknown };

/** Documents fetched once and kept in the page, so every write run writes the very same ones. */
let cachedDocuments: Doc[] = [];

async function pullPage(
  server: string,
  token: string,
  collection: string,
  checkpoint: unknown,
  limit: number,
): Promise<PullPage> {
  const params = new URLSearchParams({
    checkpoint: JSON.stringify(checkpoint),
    limit: String(limit),
  });
  const response = await fetch(
    `${server}/api/replication/${collection}/pull?${params.toString()}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  if (!response.ok) throw new Error(`pull ${collection}: HTTP ${response.status}`);
  return (await response.json()) as PullPage;
}

/** Fetches up to `count` complaints from the server and keeps them for the write runs. */
async function loadDocuments(server: string, token: string, count: number): Promise<number> {
  const documents: Doc[] = [];
  let checkpoint: unknown = { seq: 0 };
  while (documents.length < count) {
    const page = await pullPage(server, token, 'complaints', checkpoint, 1000);
    if (page.documents.length === 0) break;
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
  }
  cachedDocuments = documents.slice(0, count);
  return cachedDocuments.length;
}

function openRawDexie(name: string, tables: Record<string, string>): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(tables);
  return db;
}

/** B1 reference: the kept documents written with one raw Dexie bulkPut into a fresh database. */
async function rawBulkPut(name: string): Promise<number> {
  const db = openRawDexie(name, { complaints: 'id' });
  await db.open();
  const start = performance.now();
  await db.table('complaints').bulkPut(cachedDocuments);
  const ms = performance.now() - start;
  db.close();
  await Dexie.delete(name);
  return ms;
}

/**
 * Beside B1's reference, to show what the replica's storage costs by its nature: the kept
 * documents in the form RxDB stores them, written into a fresh table with the indexes RxDB's
 * Dexie storage makes for the complaint schema, each read before it is written (as a store
 * that checks for conflicts must), in one transaction.
 */
async function rawIndexedGetPut(name: string): Promise<number> {
  const { encrypted: _encrypted, ...schema } = complaintRxSchema;
  const db = openRawDexie(name, {
    complaints: getDexieStoreSchema(fillWithDefaultSettings(schema)),
  });
  await db.open();
  const lwt = Date.now();
  const stored = cachedDocuments.map((document) => ({
    ...document,
    _deleted: '0',
    _rev: '1-bench',
    _attachments: {},
    _meta: { lwt },
  }));
  const table = db.table('complaints');
  const start = performance.now();
  await db.transaction('rw', table, async () => {
    await table.bulkGet(stored.map((document) => document.id));
    await table.bulkPut(stored);
  });
  const ms = performance.now() - start;
  db.close();
  await Dexie.delete(name);
  return ms;
}

/** B1: the kept documents written into a fresh workstation replica with one bulk insert. */
async function replicaBulkWrite(officerId: string): Promise<number> {
  const replica = await openReplica(officerId);
  const documents = cachedDocuments.map((document) => {
    const { _deleted: _ignored, ...complaint } = document;
    return complaint as unknown as Complaint;
  });
  const start = performance.now();
  const result = await replica.complaints.bulkInsert(documents);
  const ms = performance.now() - start;
  if (result.error.length > 0)
    throw new Error(`replica write refused ${result.error.length} documents`);
  const stored = await replica.complaints.count().exec();
  await replica.remove();
  if (stored !== documents.length)
    throw new Error(`replica holds ${stored} of ${documents.length}`);
  return ms;
}

/**
 * B2 reference, the limit: every collection the workstation pulls, fetched page by page with
 * the same page size and written with raw Dexie bulkPut, each collection in its own loop as the
 * workstation does; the next page is fetched while the previous one is written. The time is
 * taken when the complaints are all written (what the workstation's initial sync waits for).
 */
async function fetchAndPut(
  server: string,
  token: string,
  collections: readonly string[],
  limit: number,
  name: string,
): Promise<{ ms: number; complaints: number; documents: number }> {
  const tables = Object.fromEntries(collections.map((collection) => [collection, 'id']));
  const db = openRawDexie(name, tables);
  await db.open();
  const start = performance.now();
  let complaintsMs = 0;
  const counts = new Map<string, number>();
  async function pullAll(collection: string): Promise<void> {
    let checkpoint: unknown = { seq: 0 };
    let writing: Promise<unknown> = Promise.resolve();
    let total = 0;
    for (;;) {
      const page = await pullPage(server, token, collection, checkpoint, limit);
      await writing;
      if (page.documents.length === 0) break;
      total += page.documents.length;
      writing = db.table(collection).bulkPut(page.documents);
      checkpoint = page.checkpoint;
      if (page.documents.length < limit) {
        await writing;
        break;
      }
    }
    counts.set(collection, total);
    if (collection === 'complaints') complaintsMs = performance.now() - start;
  }
  await Promise.all(collections.map(pullAll));
  const stored = await db.table('complaints').count();
  db.close();
  await Dexie.delete(name);
  const complaints = counts.get('complaints') ?? 0;
  if (stored !== complaints) throw new Error(`raw Dexie holds ${stored} of ${complaints}`);
  const documents = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return { ms: complaintsMs, complaints, documents };
}

/** B3 reference: PouchDB in this browser replicating a whole database from a CouchDB server. */
async function pouchReplicate(
  remoteUrl: string,
  name: string,
): Promise<{ ms: number; docs: number }> {
  const local = new PouchDB(name);
  const start = performance.now();
  const result = await PouchDB.replicate(remoteUrl, local, {
    batch_size: 1000,
    batches_limit: 5,
  }).catch((error: unknown) => {
    throw new Error(`PouchDB replication failed: ${JSON.stringify(error)}`);
  });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
  const info = await local.info();
  await local.destroy();
  return { ms, docs: info.doc_count };
}

const INDEXED_TABLES = {
  complaints: 'id, [status+dueAt], [unitId+dueAt], [priority+dueAt], [channel+dueAt]',
};
const openDatabases = new Map<string, Dexie>();

/** B4 reference: every complaint pulled into a raw Dexie table indexed by the filtered fields. */
async function prepareIndexedQuery(server: string, token: string, name: string): Promise<number> {
  const db = openRawDexie(name, INDEXED_TABLES);
  await db.open();
  openDatabases.set(name, db);
  let checkpoint: unknown = { seq: 0 };
  for (;;) {
    const page = await pullPage(server, token, 'complaints', checkpoint, 1000);
    if (page.documents.length === 0) break;
    await db.table('complaints').bulkPut(page.documents);
    checkpoint = page.checkpoint;
  }
  return db.table('complaints').count();
}

/** The first 50 complaints with one value of a field, soonest due first. */
async function indexedQuery(
  name: string,
  field: string,
  value: string,
): Promise<{ ms: number; rows: number }> {
  const db = openDatabases.get(name);
  if (!db) throw new Error(`${name} is not prepared`);
  const start = performance.now();
  const rows = await db
    .table('complaints')
    .where(`[${field}+dueAt]`)
    .between([value, Dexie.minKey], [value, Dexie.maxKey])
    .limit(50)
    .toArray();
  return { ms: performance.now() - start, rows: rows.length };
}

async function dropDatabase(name: string): Promise<void> {
  openDatabases.get(name)?.close();
  openDatabases.delete(name);
  await Dexie.delete(name);
}

const laporBench: LaporBenchApi = {
  loadDocuments,
  rawBulkPut,
  rawIndexedGetPut,
  replicaBulkWrite,
  fetchAndPut,
  pouchReplicate,
  prepareIndexedQuery,
  indexedQuery,
  dropDatabase,
  documentCount: () => cachedDocuments.length,
  clearDocuments: () => {
    cachedDocuments = [];
  },
};
window.laporBench = laporBench;
