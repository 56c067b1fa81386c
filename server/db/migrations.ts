import type { Database } from './database.ts';

export type Migration = { id: number; name: string; sql: string };

/** Forward-only migrations, one SQL dialect for PostgreSQL and PGlite. Never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'core',
    sql: `
CREATE TABLE instansi (
  id text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  utc_offset_minutes integer NOT NULL CHECK (utc_offset_minutes IN (420, 480, 540)),
  address text NOT NULL DEFAULT ''
);

CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE units (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  code text NOT NULL,
  name text NOT NULL,
  short_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL,
  seq bigint NOT NULL,
  UNIQUE (instansi_id, code)
);
CREATE INDEX units_instansi_seq ON units (instansi_id, seq);

CREATE TABLE categories (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  code text NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL,
  seq bigint NOT NULL,
  UNIQUE (instansi_id, code)
);
CREATE INDEX categories_instansi_seq ON categories (instansi_id, seq);

CREATE TABLE officers (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin_instansi', 'penghubung', 'koordinator')),
  unit_id text REFERENCES units(id),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'penghubung') = (unit_id IS NOT NULL))
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  officer_id text NOT NULL REFERENCES officers(id),
  device_id text NOT NULL,
  access_token_hash text NOT NULL UNIQUE,
  access_expires_at timestamptz NOT NULL,
  refresh_token_hash text NOT NULL UNIQUE,
  refresh_expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX sessions_officer ON sessions (officer_id);

CREATE TABLE holidays (
  instansi_id text NOT NULL REFERENCES instansi(id),
  date date NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (instansi_id, date)
);

CREATE TABLE complaints (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  tracking_number text NOT NULL UNIQUE,
  title text NOT NULL,
  body text NOT NULL,
  type text NOT NULL,
  channel text NOT NULL,
  category_id text NOT NULL REFERENCES categories(id),
  unit_id text REFERENCES units(id),
  status text NOT NULL,
  priority text NOT NULL,
  anonim boolean NOT NULL,
  rahasia boolean NOT NULL,
  berkadar_pengawasan boolean NOT NULL,
  region_code text NOT NULL,
  location_text text NOT NULL,
  received_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL,
  due_at timestamptz,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  seq bigint NOT NULL,
  reporter_name text NOT NULL DEFAULT '',
  reporter_phone text NOT NULL DEFAULT '',
  reporter_email text NOT NULL DEFAULT ''
);
CREATE INDEX complaints_instansi_seq ON complaints (instansi_id, seq);
CREATE INDEX complaints_unit_seq ON complaints (unit_id, seq);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  officer_id text,
  device_id text,
  action text NOT NULL,
  collection text,
  document_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE sync_rejections (
  id text PRIMARY KEY,
  officer_id text NOT NULL REFERENCES officers(id),
  device_id text NOT NULL,
  collection text NOT NULL,
  document_id text NOT NULL,
  reason_code text NOT NULL,
  reason text NOT NULL,
  refused_document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_rejections_officer ON sync_rejections (officer_id, created_at);
`,
  },
  {
    id: 2,
    name: 'triage',
    sql: `
ALTER TABLE complaints ADD COLUMN duplicate_of text REFERENCES complaints(id);

CREATE TABLE complaint_events (
  id text PRIMARY KEY,
  complaint_id text NOT NULL REFERENCES complaints(id),
  instansi_id text NOT NULL REFERENCES instansi(id),
  kind text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  target_unit_id text REFERENCES units(id),
  reason_code text NOT NULL,
  reason text NOT NULL,
  related_complaint_id text,
  anonim boolean NOT NULL,
  rahasia boolean NOT NULL,
  officer_id text NOT NULL REFERENCES officers(id),
  officer_name text NOT NULL,
  officer_role text NOT NULL,
  device_time timestamptz NOT NULL,
  server_time timestamptz NOT NULL,
  device_id text NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX complaint_events_instansi_seq ON complaint_events (instansi_id, seq);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, device_time);

CREATE TABLE sla_rules (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  version text NOT NULL,
  counting text NOT NULL CHECK (counting IN ('working', 'calendar')),
  verify_days integer NOT NULL,
  first_follow_up_days integer NOT NULL,
  resolution_days integer NOT NULL,
  resolution_supervised_days integer NOT NULL,
  resolution_aspiration_days integer NOT NULL,
  auto_close_days integer NOT NULL,
  active_from timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  seq bigint NOT NULL,
  UNIQUE (instansi_id, version)
);
CREATE INDEX sla_rules_instansi_seq ON sla_rules (instansi_id, seq);

ALTER TABLE holidays ADD COLUMN id text;
ALTER TABLE holidays ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE holidays ADD COLUMN seq bigint NOT NULL DEFAULT 0;
UPDATE holidays SET id = instansi_id || ':' || to_char(date, 'YYYY-MM-DD');
ALTER TABLE holidays ALTER COLUMN id SET NOT NULL;
UPDATE holidays h SET seq = c.value + r.rn
  FROM (SELECT id, row_number() OVER (ORDER BY date) AS rn FROM holidays) r, change_counter c
  WHERE r.id = h.id;
UPDATE change_counter SET value = value + (SELECT count(*) FROM holidays);
CREATE UNIQUE INDEX holidays_id ON holidays (id);
CREATE INDEX holidays_instansi_seq ON holidays (instansi_id, seq);

ALTER TABLE sync_rejections ADD COLUMN resolved_at timestamptz;
ALTER TABLE sync_rejections ADD COLUMN seq bigint NOT NULL DEFAULT 0;
CREATE INDEX sync_rejections_officer_seq ON sync_rejections (officer_id, seq);
`,
  },
  {
    id: 3,
    name: 'login_throttle',
    sql: `
CREATE TABLE login_throttle (
  username text PRIMARY KEY,
  failed_attempts integer NOT NULL CHECK (failed_attempts >= 0),
  last_attempt_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_last_attempt ON login_throttle (last_attempt_at);
`,
  },
  {
    id: 4,
    name: 'open311_intake',
    sql: `
CREATE TABLE intake_api_keys (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  channel text NOT NULL CHECK (channel IN ('web', 'sms', 'aplikasi_mobile', 'media_sosial', 'aplikasi_daerah')),
  label text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX complaints_instansi_received ON complaints (instansi_id, received_at);
`,
  },
  {
    id: 5,
    name: 'follow_up_attachments',
    sql: `
ALTER TABLE complaint_events ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE TABLE attachments (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  complaint_id text NOT NULL REFERENCES complaints(id),
  event_id text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  received_bytes integer NOT NULL DEFAULT 0 CHECK (received_bytes >= 0 AND received_bytes <= size),
  data bytea NOT NULL DEFAULT ''::bytea,
  complete boolean NOT NULL DEFAULT false,
  created_by text NOT NULL REFERENCES officers(id),
  created_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE INDEX attachments_complaint ON attachments (complaint_id);
CREATE INDEX attachments_event ON attachments (event_id);
`,
  },
  {
    id: 6,
    name: 'audit_append_only',
    sql: `
ALTER TABLE audit_log ADD COLUMN instansi_id text;
UPDATE audit_log a SET instansi_id = o.instansi_id FROM officers o WHERE o.id = a.officer_id;
CREATE INDEX audit_log_instansi_at ON audit_log (instansi_id, at, id);
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`,
  },
  {
    id: 7,
    name: 'reporter_replies',
    sql: `
ALTER TABLE complaint_events ALTER COLUMN officer_id DROP NOT NULL;
CREATE INDEX complaint_events_complaint_kind ON complaint_events (complaint_id, kind);
`,
  },
  {
    id: 8,
    name: 'complaint_scope_exits',
    sql: `
CREATE TABLE complaint_scope_exits (
  complaint_id text NOT NULL REFERENCES complaints(id),
  unit_id text NOT NULL REFERENCES units(id),
  seq bigint NOT NULL,
  PRIMARY KEY (complaint_id, unit_id)
);
CREATE INDEX complaint_scope_exits_unit_seq ON complaint_scope_exits (unit_id, seq);
`,
  },
  {
    id: 10,
    name: 'response_templates',
    sql: `
CREATE TABLE response_templates (
  id text PRIMARY KEY,
  instansi_id text NOT NULL REFERENCES instansi(id),
  title text NOT NULL,
  body text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('tindak_lanjut', 'catatan_internal')),
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL DEFAULT '',
  seq bigint NOT NULL
);
CREATE INDEX response_templates_instansi_seq ON response_templates (instansi_id, seq);
`,
  },
  {
    id: 11,
    name: 'holiday_kind_and_removal',
    sql: `
ALTER TABLE holidays ADD COLUMN kind text NOT NULL DEFAULT 'libur_nasional'
  CHECK (kind IN ('libur_nasional', 'cuti_bersama'));
UPDATE holidays SET kind = 'cuti_bersama' WHERE name ILIKE 'cuti bersama%';
ALTER TABLE holidays ADD COLUMN deleted boolean NOT NULL DEFAULT false;
`,
  },
  {
    id: 12,
    name: 'holiday_kind_resend',
    sql: `
-- A device upgrading its replica marks every stored holiday libur nasional, and a new change number
-- sends the cuti bersama days to it again.
UPDATE holidays h SET seq = c.value + r.rn
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn
          FROM holidays WHERE kind = 'cuti_bersama') r, change_counter c
  WHERE r.id = h.id;
UPDATE change_counter SET value = value + (SELECT count(*) FROM holidays WHERE kind = 'cuti_bersama');
`,
  },
  {
    id: 13,
    name: 'refresh_token_rotation',
    sql: `
-- Each refresh replaces the refresh token. The one it replaced stays known for a short grace
-- (its holder gets the same successor, sealed with the old token) and every older one is kept
-- as retired, so presenting it again is recognised as reuse and ends the session. The access
-- token a refresh replaced keeps working until its own expiry, so a window that renewed first
-- is not cut off by another renewing just after.
ALTER TABLE sessions ADD COLUMN previous_access_hash text;
ALTER TABLE sessions ADD COLUMN previous_access_expires_at timestamptz;
CREATE INDEX sessions_previous_access ON sessions (previous_access_hash);
ALTER TABLE sessions ADD COLUMN previous_refresh_hash text;
ALTER TABLE sessions ADD COLUMN successor_sealed text;
ALTER TABLE sessions ADD COLUMN rotated_at timestamptz;
ALTER TABLE sessions ADD COLUMN successor_used boolean NOT NULL DEFAULT true;
ALTER TABLE sessions ADD COLUMN revoked_reason text;
CREATE TABLE retired_refresh_tokens (
  token_hash text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id),
  retired_at timestamptz NOT NULL
);
CREATE INDEX retired_refresh_tokens_session ON retired_refresh_tokens (session_id);
`,
  },
  {
    id: 14,
    name: 'complaint_event_scope_exits',
    sql: `
-- One tombstone per timeline event an OPD held when its complaint left it, each with its own
-- change number, so the OPD receives exactly those, once, and nothing written after the exit.
CREATE TABLE complaint_event_scope_exits (
  event_id text NOT NULL REFERENCES complaint_events(id),
  unit_id text NOT NULL REFERENCES units(id),
  complaint_id text NOT NULL REFERENCES complaints(id),
  seq bigint NOT NULL,
  PRIMARY KEY (event_id, unit_id)
);
CREATE INDEX complaint_event_scope_exits_unit_seq ON complaint_event_scope_exits (unit_id, seq);
CREATE INDEX complaint_event_scope_exits_complaint ON complaint_event_scope_exits (complaint_id, unit_id);
-- Exits recorded before this table: the events written up to the exit, as the audit log of the
-- accepted re-disposition dates it (all of the complaint's events where it cannot).
INSERT INTO complaint_event_scope_exits (event_id, unit_id, complaint_id, seq)
SELECT e.id, x.unit_id, x.complaint_id, c.value + row_number() OVER (ORDER BY x.seq, e.seq, e.id)
  FROM complaint_scope_exits x
  JOIN complaint_events e ON e.complaint_id = x.complaint_id
  CROSS JOIN change_counter c
 WHERE e.kind <> 'identitas_dibuka'
   AND e.server_time <= COALESCE(
     (SELECT max(a.at) FROM audit_log a
       WHERE a.action = 'write_accepted' AND a.collection = 'complaints'
         AND a.document_id = x.complaint_id AND a.details->>'seq' = x.seq::text),
     'infinity'::timestamptz);
UPDATE change_counter SET value = value + (SELECT count(*) FROM complaint_event_scope_exits);
`,
  },
  {
    id: 15,
    name: 'refusals_without_identity',
    sql: `
-- A refusal keeps no reporter identity (its officer pulls it whatever role they hold later) and
-- says what it left out. Stored ones lose the identity now, and a new change number sends the
-- cleaned row to the devices that hold the old one.
ALTER TABLE sync_rejections ADD COLUMN identity_removed boolean NOT NULL DEFAULT false;
ALTER TABLE sync_rejections ADD COLUMN document_truncated boolean NOT NULL DEFAULT false;
UPDATE sync_rejections s SET refused_document = s.refused_document - 'reporter',
    identity_removed = true, seq = c.value + r.rn
  FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS rn FROM sync_rejections
         WHERE jsonb_typeof(refused_document) = 'object' AND refused_document ? 'reporter') r,
       change_counter c
  WHERE r.id = s.id;
UPDATE change_counter SET value = value + (SELECT count(*) FROM sync_rejections
  WHERE identity_removed);
-- The unresolved refusals of an officer are counted before each new one.
CREATE INDEX sync_rejections_open ON sync_rejections (officer_id) WHERE resolved_at IS NULL;
`,
  },
  {
    id: 16,
    name: 'attachment_chunks',
    sql: `
-- Each chunk is its own row: appending to one bytea rewrote the whole file at every chunk
-- (a 10 MiB upload wrote some 210 MiB of table and WAL).
CREATE TABLE attachment_chunks (
  attachment_id text NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
  byte_offset integer NOT NULL CHECK (byte_offset >= 0),
  data bytea NOT NULL CHECK (octet_length(data) > 0),
  PRIMARY KEY (attachment_id, byte_offset)
);
-- Photos and PDFs do not compress: stored out of line without trying.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO attachment_chunks (attachment_id, byte_offset, data)
  SELECT id, 0, data FROM attachments WHERE octet_length(data) > 0;
ALTER TABLE attachments DROP COLUMN data;
`,
  },
  {
    id: 18,
    name: 'instansi_region_code',
    sql: `
-- The Kemendagri code of the province (pp) or regency/city (pp.kk) the instansi governs.
ALTER TABLE instansi ADD COLUMN region_code text NOT NULL DEFAULT '';
`,
  },
  {
    id: 25,
    name: 'event_device_time_trusted',
    sql: `
-- Whether the server kept the device time of an event (if not, its server time counts).
-- Stored events with a time after their receipt or before their complaint arrived are
-- distrusted now, and sent again with a new change number.
ALTER TABLE complaint_events ADD COLUMN device_time_trusted boolean NOT NULL DEFAULT true;
UPDATE complaint_events e SET device_time_trusted = false, seq = c.value + r.rn
  FROM (SELECT e2.id, row_number() OVER (ORDER BY e2.seq, e2.id) AS rn
          FROM complaint_events e2 JOIN complaints k ON k.id = e2.complaint_id
         WHERE e2.device_time > e2.server_time OR e2.device_time < k.received_at) r,
       change_counter c
  WHERE r.id = e.id;
UPDATE change_counter SET value = value + (SELECT count(*) FROM complaint_events
  WHERE NOT device_time_trusted);
`,
  },
  {
    id: 26,
    name: 'readiness_heartbeat',
    sql: `
-- Readiness writes here: a database that answers but cannot write (disk full, read-only) is not ready.
CREATE TABLE readiness_heartbeat (
  id integer PRIMARY KEY CHECK (id = 1),
  checked_at timestamptz NOT NULL
);
INSERT INTO readiness_heartbeat (id, checked_at) VALUES (1, now());
`,
  },
  {
    id: 27,
    name: 'instansi_report_identity',
    sql: `
-- The letterhead and signatory of an instansi's printed reports, replicated to its officers
-- (written by server/instansi/report-identity-store.ts). Each instansi starts with its name in
-- capitals and its address. The sizes are the ones the server's zod schema allows.
CREATE TABLE instansi_report_identity (
  instansi_id text PRIMARY KEY REFERENCES instansi(id),
  letterhead_name text NOT NULL CHECK (length(letterhead_name) <= 200),
  address text NOT NULL CHECK (length(address) <= 300),
  contact text NOT NULL CHECK (length(contact) <= 200),
  logo_data_url text NOT NULL CHECK (length(logo_data_url) <= 300000),
  signer_title text NOT NULL CHECK (length(signer_title) <= 120),
  signer_name text NOT NULL CHECK (length(signer_name) <= 120),
  signer_nip text NOT NULL CHECK (length(signer_nip) <= 30),
  signing_city text NOT NULL CHECK (length(signing_city) <= 60),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  seq bigint NOT NULL
);
INSERT INTO instansi_report_identity (instansi_id, letterhead_name, address, contact,
    logo_data_url, signer_title, signer_name, signer_nip, signing_city, updated_at, updated_by, seq)
  SELECT i.id, left(upper(i.name), 200), left(i.address, 300), '', '', '', '', '', '', now(), '',
         c.value + row_number() OVER (ORDER BY i.id)
    FROM instansi i CROSS JOIN change_counter c;
UPDATE change_counter SET value = value + (SELECT count(*) FROM instansi);
`,
  },
  {
    id: 28,
    name: 'instansi_parent',
    sql: `
-- The instansi that convenes this one's RAKORDA: a kabupaten/kota's province. A coordinator of
-- the parent reads the regional briefing of its children (figures only).
ALTER TABLE instansi ADD COLUMN parent_id text REFERENCES instansi(id);
ALTER TABLE instansi ADD CONSTRAINT instansi_parent_not_self CHECK (parent_id <> id);
`,
  },
  {
    id: 29,
    name: 'instansi_parent_index',
    sql: `
CREATE INDEX instansi_parent_id ON instansi (parent_id);
`,
  },
  {
    id: 35,
    name: 'sync_rejection_error_code',
    sql: `
-- The refusal as an error code and its parameters, which the workstation words in its
-- officer's language. The reason column keeps the Indonesian text for older devices and the
-- audit. Refusals recorded before have none (NULL): devices show their text.
ALTER TABLE sync_rejections ADD COLUMN reason_error jsonb;
`,
  },
];

/** Serialises concurrent starts of several server processes on one database. */
const MIGRATION_LOCK = 7411001;

/**
 * Applies pending migrations in order, each in its own transaction, once across processes.
 * Refuses to start on a database that a newer server version has already migrated further:
 * running old code on a newer schema could write what the newer code no longer expects.
 */
export async function runMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const known = new Map(migrations.map((migration) => [migration.id, migration.name]));
  await db.transaction(async (tx) => {
    // Two processes creating the table at once could collide, even with IF NOT EXISTS.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ id: number; name: string }>(
      'SELECT id, name FROM schema_migrations ORDER BY id',
    );
    const unknown = rows.filter((row) => known.get(row.id) !== row.name);
    if (unknown.length > 0) {
      const list = unknown.map((row) => `${row.id} (${row.name})`).join(', ');
      throw new Error(
        `The database has migrations this server does not know: ${list}. ` +
          'A newer server version migrated it (or a shipped migration was changed); ' +
          'start that version or restore a backup.',
      );
    }
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [
        migration.id,
      ]);
      if (existing.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/**
 * Splits a script at semicolons outside `$$ … $$` function bodies. Our scripts hold no
 * semicolons inside string literals, so this is exact for them.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const [index, part] of sql.split('$$').entries()) {
    // Odd parts lie inside a dollar-quoted body: kept whole, quotes restored.
    if (index % 2 === 1) {
      current += `$$${part}$$`;
      continue;
    }
    const pieces = part.split(';');
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  }
  statements.push(current);
  return statements
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
