import type { Officer, Instansi } from '../../shared/schemas/officer.ts';
import type { OfficerSummary } from '../../shared/api/officer-admin.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { SqlExecutor } from '../db/database.ts';

type OfficerRow = {
  id: string;
  instansi_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  password_hash: string;
  active: boolean;
};

export type OfficerWithSecret = Officer & { passwordHash: string; active: boolean };

function toOfficer(row: OfficerRow): OfficerWithSecret {
  return {
    id: row.id,
    instansiId: row.instansi_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id ?? '',
    passwordHash: row.password_hash,
    active: row.active,
  };
}

export async function findOfficerByUsername(
  db: SqlExecutor,
  username: string,
): Promise<OfficerWithSecret | null> {
  const rows = await db.query<OfficerRow>(
    'SELECT id, instansi_id, username, display_name, role, unit_id, password_hash, active FROM officers WHERE lower(username) = lower($1)',
    [username],
  );
  return rows[0] ? toOfficer(rows[0]) : null;
}

export async function findInstansi(db: SqlExecutor, id: string): Promise<Instansi> {
  const rows = await db.query<{
    id: string;
    name: string;
    short_name: string;
    utc_offset_minutes: 420 | 480 | 540;
  }>('SELECT id, name, short_name, utc_offset_minutes FROM instansi WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) throw new Error(`instansi ${id} not found`);
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    utcOffsetMinutes: row.utc_offset_minutes,
  };
}

export function publicOfficer(officer: OfficerWithSecret): Officer {
  const { passwordHash: _hash, active: _active, ...visible } = officer;
  return visible;
}

/**
 * Whether an instansi is staffed: its active Admin Instansi, and its active OPD units with no
 * active penghubung (by name). Counts and unit names only: no officer is named.
 */
export async function readInstansiStaffing(
  db: SqlExecutor,
  instansiId: string,
): Promise<{ activeAdmins: number; activeUnits: number; unitsWithoutPenghubung: string[] }> {
  const [admins] = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM officers
      WHERE instansi_id = $1 AND role = 'admin_instansi' AND active`,
    [instansiId],
  );
  const units = await db.query<{ short_name: string; staffed: boolean }>(
    `SELECT u.short_name, EXISTS (
         SELECT 1 FROM officers o
          WHERE o.unit_id = u.id AND o.instansi_id = $1 AND o.role = 'penghubung' AND o.active
       ) AS staffed
       FROM units u WHERE u.instansi_id = $1 AND u.active ORDER BY u.name, u.id`,
    [instansiId],
  );
  return {
    activeAdmins: admins?.count ?? 0,
    activeUnits: units.length,
    unitsWithoutPenghubung: units.filter((unit) => !unit.staffed).map((unit) => unit.short_name),
  };
}

/** Usernames are unique across instansi, compared without case. */
export async function usernameTaken(db: SqlExecutor, username: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM officers WHERE lower(username) = lower($1)', [
    username,
  ]);
  return rows.length > 0;
}

/** An officer as the Admin Instansi manages it: never the password hash (it is not selected). */
export type ManagedOfficerRow = {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  active: boolean;
  created_at: Date;
};

const MANAGED_COLUMNS = 'id, username, display_name, role, unit_id, active, created_at';

export function officerSummaryOf(row: ManagedOfficerRow): OfficerSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id ?? '',
    active: row.active,
    createdAt: row.created_at.getTime(),
  };
}

export async function listOfficersOfInstansi(
  db: SqlExecutor,
  instansiId: string,
): Promise<ManagedOfficerRow[]> {
  return db.query<ManagedOfficerRow>(
    `SELECT ${MANAGED_COLUMNS} FROM officers WHERE instansi_id = $1 ORDER BY display_name, username`,
    [instansiId],
  );
}

/** Locks an officer of the instansi for the rest of the transaction; undefined when none. */
export async function lockOfficerOfInstansi(
  tx: SqlExecutor,
  officerId: string,
  instansiId: string,
): Promise<ManagedOfficerRow | undefined> {
  const [row] = await tx.query<ManagedOfficerRow>(
    `SELECT ${MANAGED_COLUMNS} FROM officers WHERE id = $1 AND instansi_id = $2 FOR UPDATE`,
    [officerId, instansiId],
  );
  return row;
}

export type NewOfficer = {
  id: string;
  instansiId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  /** The database's clock when not given. */
  createdAt?: Date;
};

export async function insertOfficer(
  tx: SqlExecutor,
  officer: NewOfficer,
): Promise<ManagedOfficerRow | undefined> {
  const [row] = await tx.query<ManagedOfficerRow>(
    `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id,
       password_hash, active, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, COALESCE($8::timestamptz, now()))
     RETURNING ${MANAGED_COLUMNS}`,
    [
      officer.id,
      officer.instansiId,
      officer.username,
      officer.displayName,
      officer.role,
      officer.unitId,
      officer.passwordHash,
      officer.createdAt ?? null,
    ],
  );
  return row;
}

export async function setOfficerPasswordHash(
  tx: SqlExecutor,
  officerId: string,
  passwordHash: string,
): Promise<void> {
  await tx.query('UPDATE officers SET password_hash = $2 WHERE id = $1', [officerId, passwordHash]);
}

export async function setOfficerActive(
  tx: SqlExecutor,
  officerId: string,
  active: boolean,
): Promise<ManagedOfficerRow | undefined> {
  const [row] = await tx.query<ManagedOfficerRow>(
    `UPDATE officers SET active = $2 WHERE id = $1 RETURNING ${MANAGED_COLUMNS}`,
    [officerId, active],
  );
  return row;
}

export async function setOfficerAssignment(
  tx: SqlExecutor,
  officerId: string,
  role: Role,
  unitId: string | null,
): Promise<ManagedOfficerRow | undefined> {
  const [row] = await tx.query<ManagedOfficerRow>(
    `UPDATE officers SET role = $2, unit_id = $3 WHERE id = $1 RETURNING ${MANAGED_COLUMNS}`,
    [officerId, role, unitId],
  );
  return row;
}
