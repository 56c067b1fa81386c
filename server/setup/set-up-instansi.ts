import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit-log.ts';
import { hashPassword } from '../auth/password-hash.ts';
import type { Database } from '../db/database.ts';
import { reserveChangeSeqs } from '../changes/change-counter.ts';
import { trackingNumberPrefix } from '../../shared/domain/tracking-number.ts';
import {
  planInstansiSetup,
  type InstansiSetupDecision,
  type InstansiSetupInput,
} from './plan-instansi-setup.ts';
import { insertInstansi } from '../instansi/instansi-store.ts';

/** Serialises set-ups (and the demo seed's own lock is separate): two at once cannot both pass. */
const SETUP_LOCK = 7411018;
/** The device named in the audit log for what the set-up command wrote. */
export const SETUP_DEVICE_ID = 'server-setup';

/**
 * Creates an instansi, its national categories and its first Admin Instansi in one transaction,
 * audited, or writes nothing and returns the reasons.
 */
export async function setUpInstansi(
  db: Database,
  input: InstansiSetupInput,
  nowMs: number,
  newId: () => string = randomUUID,
): Promise<InstansiSetupDecision> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    const [codeRows, userRows, instansiRows] = [
      await tx.query('SELECT 1 FROM instansi WHERE lower(id) = lower($1)', [input.code.trim()]),
      await tx.query('SELECT 1 FROM officers WHERE lower(username) = lower($1)', [
        input.adminUsername.trim(),
      ]),
      await tx.query<{ short_name: string }>('SELECT short_name FROM instansi'),
    ];
    const decision = planInstansiSetup(
      input,
      {
        instansiCodeTaken: codeRows.length > 0,
        usernameTaken: userRows.length > 0,
        trackingPrefixes: instansiRows.map((row) => trackingNumberPrefix(row.short_name)),
      },
      newId,
    );
    if (!decision.ok) return decision;
    const { instansi, categories, admin } = decision.plan;
    const now = new Date(nowMs);
    await insertInstansi(tx, instansi);
    const firstSeq = await reserveChangeSeqs(tx, categories.length);
    for (const [index, category] of categories.entries()) {
      await tx.query(
        `INSERT INTO categories (id, instansi_id, code, name, active, updated_at, seq)
         VALUES ($1, $2, $3, $4, true, $5, $6)`,
        [category.id, instansi.id, category.code, category.name, now, firstSeq + index],
      );
    }
    await tx.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id,
         password_hash, active, created_at)
       VALUES ($1, $2, $3, $4, 'admin_instansi', NULL, $5, true, $6)`,
      [
        admin.id,
        instansi.id,
        admin.username,
        admin.displayName,
        await hashPassword(admin.password),
        now,
      ],
    );
    await appendAudit(
      tx,
      {
        officerId: null,
        deviceId: SETUP_DEVICE_ID,
        action: 'instansi_created',
        collection: 'instansi',
        documentId: instansi.id,
        details: {
          name: instansi.name,
          shortName: instansi.shortName,
          utcOffsetMinutes: instansi.utcOffsetMinutes,
          regionCode: instansi.regionCode,
          categories: categories.length,
        },
        instansiId: instansi.id,
      },
      nowMs,
    );
    await appendAudit(
      tx,
      {
        officerId: null,
        deviceId: SETUP_DEVICE_ID,
        action: 'officer_created',
        collection: 'officers',
        documentId: admin.id,
        details: { username: admin.username, role: 'admin_instansi', unitId: '' },
        instansiId: instansi.id,
      },
      nowMs,
    );
    return decision;
  });
}
