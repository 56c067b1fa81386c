/**
 * What one 10 MiB attachment upload (in the workstation's 256 KiB chunks) costs the database:
 * on a throwaway PostgreSQL, the growth of the attachment tables and the WAL written; on PGlite,
 * the growth of its data folder. A measurement, not a test:
 *   node scripts/measure-attachment-storage.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import type { Database } from '../server/db/database.ts';
import { runMigrations } from '../server/db/migrations.ts';
import { openPgDatabase } from '../server/db/pg-database.ts';
import { openPgliteDatabase } from '../server/db/pglite-database.ts';
import { DEMO_PASSWORD } from '../server/seed/demo-instansi.ts';
import { seedDemo } from '../server/seed/seed-demo.ts';
import { ATTACHMENT_CHUNK_BYTES } from '../shared/attachments/attachment-rules.ts';
import { startThrowawayPostgres } from '../tests/server/support/postgres-cluster.ts';

const SIZE = 10 * 1024 * 1024;
const MiB = 1024 * 1024;

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** A PDF of SIZE bytes: the header the type check reads, then noise that does not compress. */
function pdfBytes(): Buffer {
  const bytes = randomBytes(SIZE);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

async function uploadOne(db: Database): Promise<void> {
  const app = await buildApp({ db, loginAttemptsPerMinute: 1000 });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'measure' },
  });
  const authorization = `Bearer ${login.json<{ accessToken: string }>().accessToken}`;
  const [complaint] = await db.query<{ id: string }>(
    "SELECT id FROM complaints WHERE instansi_id = 'pemprov-kaltim' LIMIT 1",
  );
  const id = `measure-${Date.now()}`;
  const announced = await app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { authorization },
    payload: {
      id,
      complaintId: complaint!.id,
      eventId: `event-${id}`,
      name: 'bukti.pdf',
      type: 'application/pdf',
      size: SIZE,
    },
  });
  if (announced.statusCode !== 201) throw new Error(`announce: ${announced.body}`);
  const bytes = pdfBytes();
  for (let offset = 0; offset < SIZE; offset += ATTACHMENT_CHUNK_BYTES) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/attachments/${id}/chunks?offset=${offset}`,
      headers: { authorization, 'content-type': 'application/octet-stream' },
      payload: bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES),
    });
    if (response.statusCode !== 200) throw new Error(`chunk ${offset}: ${response.body}`);
  }
  const content = await app.inject({
    method: 'GET',
    url: `/api/attachments/${id}/content`,
    headers: { authorization },
  });
  if (!content.rawPayload.equals(bytes)) throw new Error('served bytes differ from the upload');
  await app.close();
}

async function attachmentTablesBytes(db: Database): Promise<number> {
  const [row] = await db.query<{ bytes: number }>(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
      WHERE c.relname IN ('attachments', 'attachment_chunks') AND c.relkind = 'r'`,
  );
  return Number(row?.bytes ?? 0);
}

async function measurePostgres(): Promise<void> {
  const cluster = await startThrowawayPostgres();
  const db = openPgDatabase(cluster.url);
  try {
    await runMigrations(db);
    await seedDemo(db, { complaintCount: 20, nowMs: Date.now(), spanDays: 30, randomSeed: 7 });
    const tableBefore = await attachmentTablesBytes(db);
    const [walBefore] = await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    await uploadOne(db);
    const [wal] = await db.query<{ bytes: number }>(
      'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS bytes',
      [walBefore!.lsn],
    );
    const tableAfter = await attachmentTablesBytes(db);
    console.log(
      `PostgreSQL: attachment tables +${((tableAfter - tableBefore) / MiB).toFixed(1)} MiB, ` +
        `WAL ${(Number(wal!.bytes) / MiB).toFixed(1)} MiB`,
    );
  } finally {
    await db.close();
    await cluster.stop();
  }
}

async function measurePglite(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lapor-pglite-measure-'));
  const folder = join(root, 'pglite');
  try {
    const db = await openPgliteDatabase(folder);
    await runMigrations(db);
    await seedDemo(db, { complaintCount: 20, nowMs: Date.now(), spanDays: 30, randomSeed: 8 });
    await db.query('CHECKPOINT');
    const before = folderBytes(folder);
    await uploadOne(db);
    await db.query('CHECKPOINT');
    await db.close();
    const after = folderBytes(folder);
    console.log(
      `PGlite: data folder ${(before / MiB).toFixed(1)} MiB → ${(after / MiB).toFixed(1)} MiB ` +
        `(+${((after - before) / MiB).toFixed(1)} MiB)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await measurePostgres();
await measurePglite();
