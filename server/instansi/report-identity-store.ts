import type { WireDocument } from '../../shared/api/contract.ts';
import {
  BLANK_REPORT_IDENTITY,
  type ReportIdentity,
  type ReportIdentityForm,
} from '../../shared/schemas/report-identity.ts';
import type { SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';
import { recordSyncRejection } from '../refusals/sync-rejections.ts';
import { decideReportIdentityWrite } from './decide-report-identity-write.ts';

type ReportIdentityRow = {
  instansi_id: string;
  letterhead_name: string;
  address: string;
  contact: string;
  logo_data_url: string;
  signer_title: string;
  signer_name: string;
  signer_nip: string;
  signing_city: string;
  updated_at: Date;
  updated_by: string;
  seq: number;
};

const COLUMNS = `instansi_id, letterhead_name, address, contact, logo_data_url, signer_title,
  signer_name, signer_nip, signing_city, updated_at, updated_by, seq`;

function identityFromRow(row: ReportIdentityRow): ReportIdentity {
  return {
    id: row.instansi_id,
    instansiId: row.instansi_id,
    letterheadName: row.letterhead_name,
    address: row.address,
    contact: row.contact,
    logoDataUrl: row.logo_data_url,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
    signerNip: row.signer_nip,
    signingCity: row.signing_city,
    updatedAt: row.updated_at.getTime(),
    updatedBy: row.updated_by,
    serverSeq: Number(row.seq),
  };
}

const formValues = (values: ReportIdentityForm) => [
  values.letterheadName,
  values.address,
  values.contact,
  values.logoDataUrl,
  values.signerTitle,
  values.signerName,
  values.signerNip,
  values.signingCity,
];

/** The one place a report identity row is written. */
async function writeReportIdentity(
  tx: SqlExecutor,
  instansiId: string,
  values: ReportIdentityForm,
  by: string,
  at: Date,
  seq: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO instansi_report_identity (instansi_id, letterhead_name, address, contact,
       logo_data_url, signer_title, signer_name, signer_nip, signing_city, updated_at, updated_by,
       seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (instansi_id) DO UPDATE SET letterhead_name = EXCLUDED.letterhead_name,
       address = EXCLUDED.address, contact = EXCLUDED.contact,
       logo_data_url = EXCLUDED.logo_data_url, signer_title = EXCLUDED.signer_title,
       signer_name = EXCLUDED.signer_name, signer_nip = EXCLUDED.signer_nip,
       signing_city = EXCLUDED.signing_city, updated_at = EXCLUDED.updated_at,
       updated_by = EXCLUDED.updated_by, seq = EXCLUDED.seq`,
    [instansiId, ...formValues(values), at, by, seq],
  );
}

/**
 * A new instansi's letterhead starts as its name in capitals and its address; the signatory is
 * left for the Admin Instansi. Written by the set-up in its own transaction.
 */
export async function insertDefaultReportIdentity(
  tx: SqlExecutor,
  instansi: { id: string; name: string; address: string },
  at: Date,
): Promise<void> {
  await writeReportIdentity(
    tx,
    instansi.id,
    {
      ...BLANK_REPORT_IDENTITY,
      letterheadName: instansi.name.trim().toUpperCase().slice(0, 200),
      address: instansi.address.trim().slice(0, 300),
    },
    '',
    at,
    await nextChangeSeq(tx),
  );
}

/** Fields whose earlier text the audit keeps (a later write may overwrite them); not the logo. */
/** An accepted write, or the master state (or tombstone) a refused one is answered with. */
type PushResult =
  { accepted: true; refused?: undefined } | { refused: WireDocument<ReportIdentity> };

const AUDITED_TEXT_FIELDS = new Set<string>([
  'letterheadName',
  'address',
  'contact',
  'signerTitle',
  'signerName',
  'signerNip',
  'signingCity',
]);

/**
 * The instansi's letterhead and signatory (table instansi_report_identity, owned here). Every
 * officer of the instansi pulls it; only its Admin Instansi writes it, refusals are recorded and
 * accepted writes audited with the text they replaced.
 */
export const reportIdentityStore: ReplicatedStore<ReportIdentity> = {
  collection: 'report_identity',

  async pull(db, officer, afterSeq, limit) {
    const rows = await db.query<ReportIdentityRow>(
      `SELECT ${COLUMNS} FROM instansi_report_identity
        WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [officer.instansiId, afterSeq, limit],
    );
    const documents = rows.map((row) => ({ ...identityFromRow(row), _deleted: false }));
    const last = documents[documents.length - 1];
    return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
  },

  async countAfter(db, officer, afterSeq) {
    const rows = await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM instansi_report_identity
        WHERE instansi_id = $1 AND seq > $2`,
      [officer.instansiId, afterSeq],
    );
    return rows[0]?.count ?? 0;
  },

  async push(db, officer, rows, now) {
    const outcome: PushOutcome<ReportIdentity> = {
      conflicts: [],
      accepted: 0,
      refused: 0,
      touched: [],
    };
    for (const row of rows) {
      const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
      const result = await db.transaction(async (tx): Promise<PushResult> => {
        const [stored] = await tx.query<ReportIdentityRow>(
          `SELECT ${COLUMNS} FROM instansi_report_identity WHERE instansi_id = $1 FOR UPDATE`,
          [documentId],
        );
        // Another instansi's letterhead is treated as absent: its existence is not disclosed.
        const master =
          stored && stored.instansi_id === officer.instansiId ? identityFromRow(stored) : null;
        const decision =
          stored && !master
            ? ({
                kind: 'refuse',
                reason: { code: 'not_found', message: 'Kop tidak ditemukan' },
              } as const)
            : decideReportIdentityWrite(
                master,
                row.assumedMasterState,
                row.newDocumentState,
                officer,
              );
        if (decision.kind === 'unchanged') return { accepted: true };
        if (decision.kind === 'refuse') {
          await recordSyncRejection(
            tx,
            officer,
            'report_identity',
            documentId,
            decision.reason,
            row.newDocumentState,
            now,
          );
          // A refused new document is withdrawn from the device by a tombstone.
          return {
            refused: master
              ? { ...master, _deleted: false }
              : { ...(row.newDocumentState as unknown as ReportIdentity), _deleted: true },
          };
        }
        const seq = await nextChangeSeq(tx);
        await writeReportIdentity(
          tx,
          officer.instansiId,
          decision.values,
          officer.id,
          new Date(now),
          seq,
        );
        const previous =
          decision.kind === 'update' && master
            ? Object.fromEntries(
                decision.fields
                  .filter((field) => AUDITED_TEXT_FIELDS.has(field))
                  .map((field) => [field, master[field]]),
              )
            : {};
        await appendAudit(
          tx,
          {
            officerId: officer.id,
            deviceId: officer.deviceId,
            action: 'write_accepted',
            collection: 'report_identity',
            documentId: officer.instansiId,
            details:
              decision.kind === 'create'
                ? { created: true, seq }
                : { fields: decision.fields, previous, seq },
          },
          now,
        );
        return { accepted: true };
      });
      if (result.refused) {
        outcome.refused += 1;
        outcome.conflicts.push(result.refused);
      } else outcome.accepted += 1;
    }
    outcome.touched = touchedCollections('report_identity', outcome);
    return outcome;
  },
};
