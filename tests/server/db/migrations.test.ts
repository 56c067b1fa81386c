import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import { MIGRATIONS, runMigrations } from '../../../server/db/migrations.ts';
import { openPgDatabase } from '../../../server/db/pg-database.ts';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { openTestDatabase, SEED_NOW } from '../support/test-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase() {
  const database = await openTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

const ALL_IDS = MIGRATIONS.map((migration) => migration.id);

async function appliedIds(db: Database): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
  return rows.map((row) => row.id);
}

/** A small instansi as migrations 1 and 2 shaped it: an admin, a complaint, one event. */
async function seedSchemaVersion2(db: Database): Promise<void> {
  const at = new Date(SEED_NOW);
  await db.query(
    `INSERT INTO instansi (id, name, short_name, utc_offset_minutes, address)
     VALUES ('pemprov-kaltim', 'Pemerintah Provinsi Kalimantan Timur', 'KALTIM', 480, '')`,
  );
  await db.query(
    `INSERT INTO categories (id, instansi_id, code, name, updated_at, seq)
     VALUES ('cat-infrastruktur', 'pemprov-kaltim', 'infrastruktur', 'Infrastruktur', $1, 1)`,
    [at],
  );
  await db.query(
    `INSERT INTO officers (id, instansi_id, username, display_name, role, password_hash)
     VALUES ('officer-admin', 'pemprov-kaltim', 'admin.kaltim', 'Admin', 'admin_instansi', $1)`,
    [await hashPassword(DEMO_PASSWORD)],
  );
  await db.query(
    `INSERT INTO complaints (id, instansi_id, tracking_number, title, body, type, channel,
       category_id, status, priority, anonim, rahasia, berkadar_pengawasan, region_code,
       location_text, received_at, status_changed_at, updated_at, updated_by, seq)
     VALUES ('c-old', 'pemprov-kaltim', 'KALTIM-2509-00001', 'Jalan berlubang di Samarinda',
       'Lubang besar di tengah jalan.', 'pengaduan', 'web', 'cat-infrastruktur', 'ditunda',
       'sedang', false, false, false, '64.72.01.1001', 'Samarinda', $1, $1, $1, 'officer-admin', 2)`,
    [at],
  );
  await db.query(
    `INSERT INTO complaint_events (id, complaint_id, instansi_id, kind, from_status, to_status,
       reason_code, reason, anonim, rahasia, officer_id, officer_name, officer_role,
       device_time, server_time, device_id, seq)
     VALUES ('e-old', 'c-old', 'pemprov-kaltim', 'tunda', 'belum_diverifikasi', 'ditunda', '',
       'Mohon lengkapi alamat kejadian.', false, false, 'officer-admin', 'Admin',
       'admin_instansi', $1, $1, 'device-lama', 3)`,
    [at],
  );
  await db.query(
    `INSERT INTO holidays (id, instansi_id, date, name, updated_at, seq) VALUES
       ('pemprov-kaltim:2025-04-02', 'pemprov-kaltim', '2025-04-02', 'Cuti bersama Idul Fitri', $1, 1),
       ('pemprov-kaltim:2025-08-17', 'pemprov-kaltim', '2025-08-17', 'Hari Kemerdekaan RI', $1, 1)`,
    [at],
  );
  // A refused write of the admin, kept whole (the identity with it) as servers of that time did;
  // and an event whose device claimed a time before its complaint arrived.
  await db.query(
    `INSERT INTO sync_rejections (id, officer_id, device_id, collection, document_id, reason_code,
       reason, refused_document, created_at, resolved_at, seq)
     VALUES ('r-old', 'officer-admin', 'device-lama', 'complaints', 'c-old', 'lifecycle', 'Ditolak',
       $2, $1, NULL, 3)`,
    [at, JSON.stringify({ id: 'c-old', status: 'selesai', reporter: { name: 'Siti Pelapor' } })],
  );
  await db.query(
    `INSERT INTO complaint_events (id, complaint_id, instansi_id, kind, from_status, to_status,
       reason_code, reason, anonim, rahasia, officer_id, officer_name, officer_role,
       device_time, server_time, device_id, seq)
     VALUES ('e-backdated', 'c-old', 'pemprov-kaltim', 'catatan_internal', 'ditunda', 'ditunda',
       '', 'Catatan.', false, false, 'officer-admin', 'Admin', 'admin_instansi', $2, $1,
       'device-lama', 3)`,
    [at, new Date(1)],
  );
  await db.query('UPDATE change_counter SET value = 3 WHERE id = 1');
}

describe('migrations on start', () => {
  it('are numbered in order, and a fresh database gets all of them once', async () => {
    expect(ALL_IDS).toEqual([...ALL_IDS].sort((a, b) => a - b));
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length);
    const { db } = await freshDatabase();
    expect(await runMigrations(db)).toEqual(ALL_IDS);
    expect(await runMigrations(db)).toEqual([]);
    expect(await appliedIds(db)).toEqual(ALL_IDS);
  });

  it('bring a database in use up to date without losing its data', async () => {
    const { db } = await freshDatabase();
    const before = MIGRATIONS.filter((migration) => migration.id <= 2);
    expect(await runMigrations(db, before)).toEqual([1, 2]);
    // Data as the server of that time wrote it, in that schema: today's seed writes columns
    // later migrations add, so it cannot stand for an old database.
    await seedSchemaVersion2(db);
    const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );

    expect(await runMigrations(db)).toEqual(ALL_IDS.filter((id) => id > 2));
    const [after] = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    expect(after?.count).toBe(count);
    // Holidays are marked by kind; the cuti bersama day gets a new change number so devices
    // whose replica marked it libur nasional on upgrade receive it again.
    const holidays = await db.query<{ date: string; kind: string; seq: string }>(
      "SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, seq FROM holidays ORDER BY date",
    );
    expect(holidays.map(({ date, kind }) => ({ date, kind }))).toEqual([
      { date: '2025-04-02', kind: 'cuti_bersama' },
      { date: '2025-08-17', kind: 'libur_nasional' },
    ]);
    expect(Number(holidays[0]?.seq)).toBeGreaterThan(3);
    expect(Number(holidays[1]?.seq)).toBe(1);
    // The stored refusal loses the reporter identity, says so, and is sent again.
    const [refusal] = await db.query<{ doc: string; identity_removed: boolean; seq: string }>(
      `SELECT refused_document::text AS doc, identity_removed, seq FROM sync_rejections`,
    );
    expect(refusal?.doc).not.toContain('Siti Pelapor');
    expect(JSON.parse(refusal?.doc ?? '{}')).toEqual({ id: 'c-old', status: 'selesai' });
    expect(refusal?.identity_removed).toBe(true);
    expect(Number(refusal?.seq)).toBeGreaterThan(3);
    // The event claiming a time before its complaint arrived is distrusted.
    const trusted = await db.query<{ id: string; device_time_trusted: boolean }>(
      'SELECT id, device_time_trusted FROM complaint_events ORDER BY id',
    );
    expect(trusted).toEqual([
      { id: 'e-backdated', device_time_trusted: false },
      { id: 'e-old', device_time_trusted: true },
    ]);
    const app = await buildApp({ db });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'm' },
      });
      expect(login.statusCode).toBe(200);
      const events = await app.inject({
        url: '/api/replication/complaint_events/pull?checkpoint={"seq":0}&limit=10',
        headers: { authorization: `Bearer ${login.json().accessToken}` },
      });
      expect(events.json().documents).toEqual([
        expect.objectContaining({ id: 'e-old', kind: 'tunda', attachments: [] }),
        expect.objectContaining({ id: 'e-backdated', deviceTimeTrusted: false }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('give each event of a complaint that left an OPD before migration 14 one tombstone for that OPD, up to the exit', async () => {
    const { db } = await freshDatabase();
    await runMigrations(
      db,
      MIGRATIONS.filter((migration) => migration.id < 14),
    );
    await seedSchemaVersion2(db);
    // c-old (with its event e-old) left PUPR at change number 5, an hour after the seed; an
    // identity reveal before and a note after the exit are not PUPR's to receive.
    const exitAt = new Date(SEED_NOW + 3_600_000);
    await db.query(
      `INSERT INTO units (id, instansi_id, code, name, short_name, updated_at, seq)
       VALUES ('unit-pupr', 'pemprov-kaltim', 'PUPR', 'Dinas PUPR', 'PUPR', $1, 4)`,
      [exitAt],
    );
    for (const [id, kind, at, seq] of [
      ['e-reveal', 'identitas_dibuka', new Date(SEED_NOW + 60_000), 6],
      ['e-later', 'catatan_internal', new Date(exitAt.getTime() + 60_000), 7],
    ] as const) {
      await db.query(
        `INSERT INTO complaint_events (id, complaint_id, instansi_id, kind, from_status, to_status,
           reason_code, reason, anonim, rahasia, officer_id, officer_name, officer_role,
           device_time, server_time, device_id, seq)
         SELECT $1, complaint_id, instansi_id, $2, from_status, to_status, reason_code, 'Catatan',
           anonim, rahasia, officer_id, officer_name, officer_role, $3, $3, device_id, $4
           FROM complaint_events WHERE id = 'e-old'`,
        [id, kind, at, seq],
      );
    }
    await db.query(
      "INSERT INTO complaint_scope_exits (complaint_id, unit_id, seq) VALUES ('c-old', 'unit-pupr', 5)",
    );
    await db.query(
      `INSERT INTO audit_log (at, officer_id, device_id, action, collection, document_id, details)
       VALUES ($1, 'officer-admin', 'd', 'write_accepted', 'complaints', 'c-old', '{"seq": 5}')`,
      [exitAt],
    );
    await db.query('UPDATE change_counter SET value = 7');

    // Later migrations take change numbers of their own: this one is checked alone.
    expect(
      await runMigrations(
        db,
        MIGRATIONS.filter((migration) => migration.id <= 14),
      ),
    ).toEqual([14]);
    const tombstones = await db.query<{ event_id: string; unit_id: string; seq: string }>(
      'SELECT event_id, unit_id, seq FROM complaint_event_scope_exits ORDER BY seq',
    );
    // The seed's e-backdated (change number 3) was written before the exit too.
    expect(tombstones.map((row) => ({ ...row, seq: Number(row.seq) }))).toEqual([
      { event_id: 'e-backdated', unit_id: 'unit-pupr', seq: 8 },
      { event_id: 'e-old', unit_id: 'unit-pupr', seq: 9 },
    ]);
    const [counter] = await db.query<{ value: string }>('SELECT value FROM change_counter');
    expect(Number(counter?.value)).toBe(9);
  });

  it('move an attachment stored whole into its chunk rows', async () => {
    const { db } = await freshDatabase();
    await runMigrations(
      db,
      MIGRATIONS.filter((migration) => migration.id <= 2),
    );
    await seedSchemaVersion2(db);
    await runMigrations(
      db,
      MIGRATIONS.filter((migration) => migration.id < 16),
    );
    const bytes = Buffer.from('%PDF-1.7 stored whole before chunk rows');
    await db.query(
      `INSERT INTO attachments (id, instansi_id, complaint_id, event_id, name, type, size,
         received_bytes, data, complete, created_by, created_at)
       VALUES ('a-old', 'pemprov-kaltim', 'c-old', 'e-old', 'bukti.pdf', 'application/pdf', $1,
         $1, $2, true, 'officer-admin', now())`,
      [bytes.byteLength, bytes],
    );
    await runMigrations(db);
    const chunks = await db.query<{ byte_offset: number; data: Uint8Array }>(
      "SELECT byte_offset, data FROM attachment_chunks WHERE attachment_id = 'a-old'",
    );
    expect(chunks.map((chunk) => [chunk.byte_offset, Buffer.from(chunk.data)])).toEqual([
      [0, bytes],
    ]);
  });

  it('refuse to run on a database a newer server version has migrated further', async () => {
    const { db } = await freshDatabase();
    await runMigrations(db);
    await db.query("INSERT INTO schema_migrations (id, name) VALUES (9999, 'from_the_future')");
    await expect(runMigrations(db)).rejects.toThrow(/9999 \(from_the_future\)/);
    await expect(runMigrations(db, MIGRATIONS.slice(0, 1))).rejects.toThrow(/does not know/);
  });

  it('are applied once when several server processes start together', async () => {
    const { db, url } = await freshDatabase();
    // Separate connection pools stand for separate processes (PGlite has one connection).
    const processes: Database[] = url
      ? Array.from({ length: 4 }, () => openPgDatabase(url, 2))
      : [db, db, db, db];
    if (url) cleanups.push(async () => void (await Promise.all(processes.map((p) => p.close()))));
    const results = await Promise.all(processes.map((each) => runMigrations(each)));
    expect(results.flat().sort((a, b) => a - b)).toEqual(ALL_IDS);
    expect(await appliedIds(db)).toEqual(ALL_IDS);
  });
});
