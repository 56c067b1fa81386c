import type { Unit } from '../../shared/schemas/unit.ts';
import type { ReplicatedCollection } from '../../shared/schemas/rx-schemas.ts';
import { slaRuleSetFromRow, type SlaRuleRow } from '../calendar/working-calendar-repository.ts';
import type { Category } from '../../shared/schemas/category.ts';
import type { Holiday } from '../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../shared/schemas/sla-rule-set.ts';
import type { SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import {
  CATEGORY_RULES,
  decideDirectoryWrite,
  HOLIDAY_RULES,
  SLA_RULES,
  UNIT_RULES,
  type CategoryValues,
  type DirectoryRules,
  type HolidayValues,
  type SlaRuleValues,
  type UnitValues,
} from './decide-directory-write.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';
import { recordSyncRejection } from '../refusals/sync-rejections.ts';
import { recomputeRunningDueDates } from '../complaints/running-due-dates.ts';

type Table = 'units' | 'categories' | 'holidays' | 'sla_rules';

/** A new directory row's place: its id, instansi, time and change number. */
export type NewDirectoryRow = { id: string; instansiId: string; at: Date; seq: number };

type DirectoryConfig<Row, T, Values> = {
  collection: Table;
  table: Table;
  /** Fixed column list, never built from input. */
  columns: string;
  fromRow: (row: Row) => T;
  /** Whether a row is a removal (tombstone) that devices must drop. */
  deleted?: (row: Row) => boolean;
  rules: DirectoryRules<T, Values>;
  /** The column unique within an instansi (code or version), if any. */
  uniqueKey?: { column: 'code' | 'version'; value: (values: Values) => string };
  insert: (tx: SqlExecutor, target: NewDirectoryRow, values: Values) => Promise<unknown>;
  update: (
    tx: SqlExecutor,
    target: { id: string; at: Date; seq: number },
    values: Values,
  ) => Promise<unknown>;
  remove?: (tx: SqlExecutor, target: { id: string; at: Date; seq: number }) => Promise<unknown>;
  /** Runs after every accepted write, in its transaction (what depends on this collection). */
  afterWrite?: (tx: SqlExecutor, instansiId: string) => Promise<unknown>;
  /** Collections afterWrite changes, announced with this one after an accepted write. */
  afterWriteTouches?: readonly ReplicatedCollection[];
};

type PushResult<T> = { accepted?: true; refused?: true; conflict?: T & { _deleted: boolean } };

/**
 * Instansi-wide reference collections. Every officer of the instansi pulls them (deactivated and
 * removed ones too, so the change reaches every device); only the Admin Instansi writes them,
 * each write checked by the collection's rules, refusals recorded, acceptances audited.
 */
function createDirectoryStore<
  Row extends { instansi_id: string },
  T extends { instansiId: string; serverSeq: number },
  Values,
>(config: DirectoryConfig<Row, T, Values>): ReplicatedStore<T> {
  const pullSql = `SELECT ${config.columns} FROM ${config.table}
                    WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;
  const lockSql = `SELECT ${config.columns} FROM ${config.table} WHERE id = $1 FOR UPDATE`;
  const countSql = `SELECT count(*)::integer AS count FROM ${config.table} WHERE instansi_id = $1 AND seq > $2`;
  const keySql = config.uniqueKey
    ? `SELECT 1 FROM ${config.table} WHERE instansi_id = $1 AND ${config.uniqueKey.column} = $2 AND id <> $3`
    : null;
  const isDeleted = (row: Row) => config.deleted?.(row) ?? false;
  const wire = (row: Row) => ({ ...config.fromRow(row), _deleted: isDeleted(row) });
  const notFound = { code: 'not_found', message: `${config.rules.noun} tidak ditemukan` } as const;

  return {
    collection: config.collection,
    async pull(db, officer, afterSeq, limit) {
      const rows = await db.query<Row>(pullSql, [officer.instansiId, afterSeq, limit]);
      const documents = rows.map(wire);
      const last = documents[documents.length - 1];
      return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
    },
    async countAfter(db, officer, afterSeq) {
      const rows = await db.query<{ count: number }>(countSql, [officer.instansiId, afterSeq]);
      return rows[0]?.count ?? 0;
    },
    async push(db, officer, rows, now) {
      const outcome: PushOutcome<T> = { conflicts: [], accepted: 0, refused: 0, touched: [] };
      for (const row of rows) {
        const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
        const result = await db.transaction(async (tx): Promise<PushResult<T>> => {
          const [stored] = await tx.query<Row>(lockSql, [documentId]);
          // Another instansi's document is treated as absent: its existence is not disclosed.
          const mine = stored && stored.instansi_id === officer.instansiId ? stored : null;
          const master = mine ? { ...config.fromRow(mine), deleted: isDeleted(mine) } : null;
          let keyTakenByAnother = false;
          if (keySql && config.uniqueKey && !(stored && !mine)) {
            const parsed = config.rules.schema.safeParse(row.newDocumentState);
            if (parsed.success) {
              const key = config.uniqueKey.value(config.rules.pick(parsed.data));
              const taken = await tx.query(keySql, [officer.instansiId, key, documentId]);
              keyTakenByAnother = taken.length > 0;
            }
          }
          const decision =
            stored && !mine
              ? ({ kind: 'refuse', reason: notFound } as const)
              : decideDirectoryWrite(
                  config.rules,
                  master,
                  row.assumedMasterState as { serverSeq?: unknown } | undefined,
                  row.newDocumentState,
                  { officer, now, keyTakenByAnother },
                );
          if (decision.kind === 'unchanged') return { accepted: true };
          if (decision.kind === 'conflict' && mine) return { conflict: wire(mine) };
          if (decision.kind === 'refuse' || decision.kind === 'conflict') {
            const reason = decision.kind === 'refuse' ? decision.reason : notFound;
            await recordSyncRejection(
              tx,
              officer,
              config.collection,
              documentId,
              reason,
              row.newDocumentState,
              now,
            );
            // A refused new document is withdrawn from the device by a tombstone; its content
            // stays in the officer's refusals list.
            return {
              refused: true,
              conflict: mine
                ? wire(mine)
                : { ...(row.newDocumentState as unknown as T), _deleted: true },
            };
          }
          const seq = await nextChangeSeq(tx);
          const target = { id: documentId, instansiId: officer.instansiId, at: new Date(now), seq };
          if (decision.kind === 'create') await config.insert(tx, target, decision.values);
          else if (decision.kind === 'update') await config.update(tx, target, decision.values);
          else await config.remove?.(tx, target);
          await config.afterWrite?.(tx, officer.instansiId);
          await appendAudit(
            tx,
            {
              officerId: officer.id,
              deviceId: officer.deviceId,
              action: 'write_accepted',
              collection: config.collection,
              documentId,
              details:
                decision.kind === 'create'
                  ? { created: true, seq }
                  : decision.kind === 'update'
                    ? { fields: decision.fields, seq }
                    : { removed: true, seq },
            },
            now,
          );
          return { accepted: true };
        });
        if (result.accepted) outcome.accepted += 1;
        if (result.refused) outcome.refused += 1;
        if (result.conflict) outcome.conflicts.push(result.conflict);
      }
      outcome.touched = touchedCollections(config.collection, outcome, {
        onAccept: config.afterWriteTouches,
      });
      return outcome;
    },
  };
}

type UnitRow = {
  id: string;
  instansi_id: string;
  code: string;
  name: string;
  short_name: string;
  active: boolean;
  updated_at: Date;
  seq: number;
};

export function insertUnit(tx: SqlExecutor, target: NewDirectoryRow, values: UnitValues) {
  return tx.query(
    `INSERT INTO units (id, instansi_id, code, name, short_name, active, updated_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      target.id,
      target.instansiId,
      values.code,
      values.name,
      values.shortName,
      values.active,
      target.at,
      target.seq,
    ],
  );
}

export const unitStore = createDirectoryStore<UnitRow, Unit, UnitValues>({
  collection: 'units',
  table: 'units',
  columns: 'id, instansi_id, code, name, short_name, active, updated_at, seq',
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
  rules: UNIT_RULES,
  uniqueKey: { column: 'code', value: (values) => values.code },
  insert: insertUnit,
  update: (tx, target, values) =>
    tx.query(
      `UPDATE units SET code = $2, name = $3, short_name = $4, active = $5, updated_at = $6,
         seq = $7 WHERE id = $1`,
      [target.id, values.code, values.name, values.shortName, values.active, target.at, target.seq],
    ),
});

type CategoryRow = Omit<UnitRow, 'short_name'>;

export function insertCategory(tx: SqlExecutor, target: NewDirectoryRow, values: CategoryValues) {
  return tx.query(
    `INSERT INTO categories (id, instansi_id, code, name, active, updated_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [target.id, target.instansiId, values.code, values.name, values.active, target.at, target.seq],
  );
}

export const categoryStore = createDirectoryStore<CategoryRow, Category, CategoryValues>({
  collection: 'categories',
  table: 'categories',
  columns: 'id, instansi_id, code, name, active, updated_at, seq',
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    code: row.code,
    name: row.name,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
  rules: CATEGORY_RULES,
  uniqueKey: { column: 'code', value: (values) => values.code },
  insert: insertCategory,
  update: (tx, target, values) =>
    tx.query(
      `UPDATE categories SET code = $2, name = $3, active = $4, updated_at = $5, seq = $6
        WHERE id = $1`,
      [target.id, values.code, values.name, values.active, target.at, target.seq],
    ),
});

type HolidayRow = {
  id: string;
  instansi_id: string;
  date: string;
  name: string;
  kind: Holiday['kind'];
  deleted: boolean;
  updated_at: Date;
  seq: number;
};

export function insertHoliday(tx: SqlExecutor, target: NewDirectoryRow, values: HolidayValues) {
  return tx.query(
    `INSERT INTO holidays (id, instansi_id, date, name, kind, deleted, updated_at, seq)
     VALUES ($1, $2, $3, $4, $5, false, $6, $7)`,
    [target.id, target.instansiId, values.date, values.name, values.kind, target.at, target.seq],
  );
}

export const holidayStore = createDirectoryStore<HolidayRow, Holiday, HolidayValues>({
  collection: 'holidays',
  table: 'holidays',
  columns:
    "id, instansi_id, to_char(date, 'YYYY-MM-DD') AS date, name, kind, deleted, updated_at, seq",
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    date: row.date,
    name: row.name,
    kind: row.kind,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
  deleted: (row) => row.deleted,
  rules: HOLIDAY_RULES,
  // A holiday added or withdrawn moves the running deadlines that span it, on every device.
  afterWrite: recomputeRunningDueDates,
  afterWriteTouches: ['complaints'],
  insert: insertHoliday,
  update: (tx, target, values) =>
    tx.query(
      `UPDATE holidays SET name = $2, kind = $3, deleted = false, updated_at = $4, seq = $5
        WHERE id = $1`,
      [target.id, values.name, values.kind, target.at, target.seq],
    ),
  remove: (tx, target) =>
    tx.query('UPDATE holidays SET deleted = true, updated_at = $2, seq = $3 WHERE id = $1', [
      target.id,
      target.at,
      target.seq,
    ]),
});

type SlaRuleDocumentRow = SlaRuleRow & {
  id: string;
  instansi_id: string;
  updated_at: Date;
  seq: number;
};

const slaValues = (values: SlaRuleValues) => [
  values.version,
  values.counting,
  values.verifyDays,
  values.firstFollowUpDays,
  values.resolutionDays,
  values.resolutionSupervisedDays,
  values.resolutionAspirationDays,
  values.autoCloseDays,
  new Date(values.activeFrom),
];

export function insertSlaRuleSet(tx: SqlExecutor, target: NewDirectoryRow, values: SlaRuleValues) {
  return tx.query(
    `INSERT INTO sla_rules (id, instansi_id, version, counting, verify_days, first_follow_up_days,
       resolution_days, resolution_supervised_days, resolution_aspiration_days, auto_close_days,
       active_from, updated_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [target.id, target.instansiId, ...slaValues(values), target.at, target.seq],
  );
}

export const slaRuleStore = createDirectoryStore<
  SlaRuleDocumentRow,
  SlaRuleSetDocument,
  SlaRuleValues
>({
  collection: 'sla_rules',
  table: 'sla_rules',
  columns: `id, instansi_id, version, counting, verify_days, first_follow_up_days, resolution_days,
    resolution_supervised_days, resolution_aspiration_days, auto_close_days, active_from, updated_at, seq`,
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    ...slaRuleSetFromRow(row),
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
  rules: SLA_RULES,
  afterWrite: recomputeRunningDueDates,
  afterWriteTouches: ['complaints'],
  uniqueKey: { column: 'version', value: (values) => values.version },
  insert: insertSlaRuleSet,
  update: (tx, target, values) =>
    tx.query(
      `UPDATE sla_rules SET version = $2, counting = $3, verify_days = $4,
         first_follow_up_days = $5, resolution_days = $6, resolution_supervised_days = $7,
         resolution_aspiration_days = $8, auto_close_days = $9, active_from = $10,
         updated_at = $11, seq = $12
       WHERE id = $1`,
      [target.id, ...slaValues(values), target.at, target.seq],
    ),
});
