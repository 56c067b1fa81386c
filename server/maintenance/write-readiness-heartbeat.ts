import type { Database } from '../db/database.ts';

/**
 * Owner of `readiness_heartbeat`: commits a one-row write, so a full disk or a read-only
 * database fails readiness where a read alone would pass.
 */
export async function writeReadinessHeartbeat(db: Database): Promise<void> {
  await db.transaction((tx) =>
    tx.query('UPDATE readiness_heartbeat SET checked_at = now() WHERE id = 1'),
  );
}
