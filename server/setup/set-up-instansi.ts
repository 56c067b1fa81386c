import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit-log.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { insertOfficer, usernameTaken } from '../auth/officer-repository.ts';
import { insertCategory } from '../directory/directory-stores.ts';
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
    const [codeRows, adminUsernameTaken, instansiRows] = [
      await tx.query('SELECT 1 FROM instansi WHERE lower(id) = lower($1)', [input.code.trim()]),
      await usernameTaken(tx, input.adminUsername.trim()),
      await tx.query<{ short_name: string }>('SELECT short_name FROM instansi'),
    ];
    const decision = planInstansiSetup(
      input,
      {
        instansiCodeTaken: codeRows.length > 0,
        usernameTaken: adminUsernameTaken,
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
      await insertCategory(
        tx,
        { id: category.id, instansiId: instansi.id, at: now, seq: firstSeq + index },
        { code: category.code, name: category.name, active: true },
      );
    }
    await insertOfficer(tx, {
      id: admin.id,
      instansiId: instansi.id,
      username: admin.username,
      displayName: admin.displayName,
      role: 'admin_instansi',
      unitId: null,
      passwordHash: await hashPassword(admin.password),
      createdAt: now,
    });
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
