import type { Officer, Instansi } from '../../shared/schemas/officer.ts';
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
