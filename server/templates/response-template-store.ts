import type { ResponseTemplate } from '../../shared/schemas/response-template.ts';
import type { SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { decideTemplateWrite } from './decide-template-write.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';
import { recordSyncRejection } from '../refusals/sync-rejections.ts';

type TemplateRow = {
  id: string;
  instansi_id: string;
  title: string;
  body: string;
  kind: ResponseTemplate['kind'];
  active: boolean;
  updated_at: Date;
  updated_by: string;
  seq: number;
};

const COLUMNS = 'id, instansi_id, title, body, kind, active, updated_at, updated_by, seq';

function templateFromRow(row: TemplateRow): ResponseTemplate {
  return {
    id: row.id,
    instansiId: row.instansi_id,
    title: row.title,
    body: row.body,
    kind: row.kind,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    updatedBy: row.updated_by,
    serverSeq: Number(row.seq),
  };
}

type TemplateValues = Pick<ResponseTemplate, 'title' | 'body' | 'kind' | 'active'>;

export function insertResponseTemplate(
  tx: SqlExecutor,
  target: { id: string; instansiId: string; at: Date; seq: number },
  values: TemplateValues,
  updatedBy: string,
) {
  return tx.query(
    `INSERT INTO response_templates (id, instansi_id, title, body, kind, active, updated_at,
       updated_by, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      target.id,
      target.instansiId,
      values.title,
      values.body,
      values.kind,
      values.active,
      target.at,
      updatedBy,
      target.seq,
    ],
  );
}

/**
 * The instansi's response templates. Every officer of the instansi pulls all of them (inactive
 * ones too, so a deactivation reaches every device); only the Admin Instansi writes them.
 */
export const responseTemplateStore: ReplicatedStore<ResponseTemplate> = {
  collection: 'templates',

  async pull(db, officer, afterSeq, limit) {
    const rows = await db.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM response_templates
        WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [officer.instansiId, afterSeq, limit],
    );
    const documents = rows.map((row) => ({ ...templateFromRow(row), _deleted: false }));
    const last = documents[documents.length - 1];
    return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
  },

  async countAfter(db, officer, afterSeq) {
    const rows = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM response_templates WHERE instansi_id = $1 AND seq > $2',
      [officer.instansiId, afterSeq],
    );
    return rows[0]?.count ?? 0;
  },

  async push(db, officer, rows, now) {
    const outcome: PushOutcome<ResponseTemplate> = {
      conflicts: [],
      accepted: 0,
      refused: 0,
      touched: [],
    };
    for (const row of rows) {
      const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
      const result = await db.transaction(async (tx) => pushOne(tx, documentId, row, now));
      if (result.accepted) outcome.accepted += 1;
      if (result.refused) outcome.refused += 1;
      if (result.conflict) outcome.conflicts.push(result.conflict);
    }
    outcome.touched = touchedCollections('templates', outcome);
    return outcome;

    async function pushOne(
      tx: SqlExecutor,
      documentId: string,
      row: (typeof rows)[number],
      at: number,
    ): Promise<{
      accepted: boolean;
      refused: boolean;
      conflict?: ResponseTemplate & { _deleted: boolean };
    }> {
      const locked = await tx.query<TemplateRow>(
        `SELECT ${COLUMNS} FROM response_templates WHERE id = $1 FOR UPDATE`,
        [documentId],
      );
      const stored = locked[0];
      // Another instansi's template is treated as absent: its existence is not disclosed.
      const master =
        stored && stored.instansi_id === officer.instansiId ? templateFromRow(stored) : null;
      const decision =
        stored && !master
          ? ({
              kind: 'refuse',
              reason: { code: 'not_found', message: 'Templat tidak ditemukan' },
            } as const)
          : decideTemplateWrite(
              master,
              row.assumedMasterState as { serverSeq?: unknown } | undefined,
              row.newDocumentState,
              officer,
            );

      if (decision.kind === 'unchanged') return { accepted: true, refused: false };
      if (decision.kind === 'conflict' && master)
        return { accepted: false, refused: false, conflict: { ...master, _deleted: false } };
      if (decision.kind === 'refuse' || decision.kind === 'conflict') {
        const reason =
          decision.kind === 'refuse'
            ? decision.reason
            : ({ code: 'not_found', message: 'Templat tidak ditemukan' } as const);
        await recordSyncRejection(
          tx,
          officer,
          'templates',
          documentId,
          reason,
          row.newDocumentState,
          at,
        );
        // A refused new template is withdrawn from the device by a tombstone; its text stays
        // in the officer's refusals list.
        return {
          accepted: false,
          refused: true,
          conflict: master
            ? { ...master, _deleted: false }
            : { ...(row.newDocumentState as unknown as ResponseTemplate), _deleted: true },
        };
      }

      const seq = await nextChangeSeq(tx);
      const { title, body, kind, active } = decision.values;
      if (decision.kind === 'create') {
        await insertResponseTemplate(
          tx,
          { id: documentId, instansiId: officer.instansiId, at: new Date(at), seq },
          { title, body, kind, active },
          officer.id,
        );
      } else {
        await tx.query(
          `UPDATE response_templates SET title = $2, body = $3, kind = $4, active = $5,
             updated_at = $6, updated_by = $7, seq = $8
           WHERE id = $1`,
          [documentId, title, body, kind, active, new Date(at), officer.id, seq],
        );
      }
      await appendAudit(
        tx,
        {
          officerId: officer.id,
          deviceId: officer.deviceId,
          action: 'write_accepted',
          collection: 'templates',
          documentId,
          details:
            decision.kind === 'create' ? { created: true, seq } : { fields: decision.fields, seq },
        },
        at,
      );
      return { accepted: true, refused: false };
    }
  },
};
