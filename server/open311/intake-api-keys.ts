import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Channel } from '../../shared/domain/complaint-status.ts';
import type { SqlExecutor } from '../db/database.ts';

export type IntakeApiKey = { id: string; instansiId: string; channel: Channel; label: string };

/** Keys are 256 random bits: a plain SHA-256 is enough to keep a leaked table useless. */
function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Creates a key for one channel of one instansi; the key itself is returned once, never stored. */
export async function createIntakeApiKey(
  db: SqlExecutor,
  input: { instansiId: string; channel: Channel; label: string },
  now: number,
): Promise<{ id: string; key: string }> {
  const id = `key-${randomUUID()}`;
  const key = `lapor_${randomBytes(32).toString('base64url')}`;
  await db.query(
    `INSERT INTO intake_api_keys (id, instansi_id, channel, label, key_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, input.instansiId, input.channel, input.label, hashApiKey(key), new Date(now)],
  );
  return { id, key };
}

/** The live key behind `key`, or null for an unknown or revoked one. */
export async function findIntakeApiKey(db: SqlExecutor, key: string): Promise<IntakeApiKey | null> {
  const rows = await db.query<{ id: string; instansi_id: string; channel: Channel; label: string }>(
    `SELECT id, instansi_id, channel, label FROM intake_api_keys
      WHERE key_hash = $1 AND revoked_at IS NULL`,
    [hashApiKey(key)],
  );
  const row = rows[0];
  return row
    ? { id: row.id, instansiId: row.instansi_id, channel: row.channel, label: row.label }
    : null;
}
