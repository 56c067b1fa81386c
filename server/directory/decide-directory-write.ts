import { z } from 'zod';
import type { Role } from '../../shared/domain/roles.ts';
import { categorySchema, type Category } from '../../shared/schemas/category.ts';
import { holidaySchema, type Holiday } from '../../shared/schemas/holiday.ts';
import {
  HOLIDAY_MAX_YEAR,
  HOLIDAY_MIN_YEAR,
  isHolidayDate,
} from '../../shared/schemas/holiday-date.ts';
import { slaRuleSetSchema, type SlaRuleSetDocument } from '../../shared/schemas/sla-rule-set.ts';
import { unitSchema, type Unit } from '../../shared/schemas/unit.ts';
import type { RejectionReason } from '../refusals/sync-rejections.ts';

/** What one pushed write of a reference document comes to. */
export type DirectoryWriteDecision<Values> =
  | { kind: 'create'; values: Values }
  | { kind: 'update'; values: Values; fields: string[] }
  | { kind: 'remove' }
  | { kind: 'unchanged' }
  | { kind: 'conflict' }
  | { kind: 'refuse'; reason: RejectionReason };

/** Facts about the rest of the instansi's data that a rule needs (looked up by the store). */
export type DirectoryWriteContext = {
  officer: { role: Role; instansiId: string };
  /** Server time of the push. */
  now: number;
  /** Whether another document of the instansi already uses the proposed code or version. */
  keyTakenByAnother: boolean;
};

type Master<T> = (T & { deleted?: boolean }) | null;

export type DirectoryRules<T, Values> = {
  /** Indonesian noun used in refusal messages ("Unit", "Kategori", ...). */
  noun: string;
  schema: z.ZodType<T>;
  fields: readonly (keyof Values & string)[];
  pick: (document: T) => Values;
  /** Whether a removal (tombstone) is allowed; otherwise the admin deactivates. */
  removable: boolean;
  /** Domain rules beyond the schema; a message when the write breaks one. */
  check: (
    values: Values,
    document: T,
    master: Master<T>,
    context: DirectoryWriteContext,
  ) => RejectionReason | null;
};

const refuse = <V>(code: RejectionReason['code'], message: string): DirectoryWriteDecision<V> => ({
  kind: 'refuse',
  reason: { code, message },
});

/**
 * Decides one pushed write of units, categories, holidays or SLA rule sets. Only the Admin
 * Instansi writes them, only for its own instansi. A write based on an older master state is a
 * conflict unless it changes nothing.
 */
export function decideDirectoryWrite<T extends { instansiId: string; serverSeq: number }, Values>(
  rules: DirectoryRules<T, Values>,
  master: Master<T>,
  assumedMasterState: { serverSeq?: unknown } | undefined,
  proposed: unknown,
  context: DirectoryWriteContext,
): DirectoryWriteDecision<Values> {
  const { officer } = context;
  if (officer.role !== 'admin_instansi')
    return refuse('permission', `Hanya Admin Instansi yang dapat mengubah data ${rules.noun}`);
  const removing = (proposed as { _deleted?: unknown } | null)?._deleted === true;
  if (removing && !rules.removable)
    return refuse(
      'permission',
      `${rules.noun} tidak dapat dihapus; nonaktifkan ${rules.noun.toLowerCase()} yang tidak dipakai lagi`,
    );
  const parsed = rules.schema.safeParse(proposed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return refuse('validation', issue ? `${where}${issue.message}` : `${rules.noun} tidak valid`);
  }
  const document = parsed.data;
  if (document.instansiId !== officer.instansiId)
    return refuse('permission', `${rules.noun} hanya untuk instansi Anda sendiri`);
  const values = rules.pick(document);
  const live = master && !master.deleted ? master : null;

  if (removing) {
    if (!live) return { kind: 'unchanged' };
    if (!assumedMasterState || assumedMasterState.serverSeq !== live.serverSeq)
      return { kind: 'conflict' };
    const broken = rules.check(values, document, master, context);
    return broken ? { kind: 'refuse', reason: broken } : { kind: 'remove' };
  }

  const current = live ? rules.pick(live) : null;
  const fields = current
    ? rules.fields.filter((field) => current[field] !== values[field])
    : [...rules.fields];
  if (live && fields.length === 0) return { kind: 'unchanged' };
  if (master && (!assumedMasterState || assumedMasterState.serverSeq !== master.serverSeq))
    return { kind: 'conflict' };
  const broken = rules.check(values, document, master, context);
  if (broken) return { kind: 'refuse', reason: broken };
  return master ? { kind: 'update', values, fields } : { kind: 'create', values };
}

const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `${what} wajib diisi`)
    .max(max, `${what} paling banyak ${max} karakter`);

const wire = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) =>
  schema.extend({ _deleted: z.boolean().optional() });

export type UnitValues = Pick<Unit, 'code' | 'name' | 'shortName' | 'active'>;

export const UNIT_RULES: DirectoryRules<Unit, UnitValues> = {
  noun: 'Unit',
  schema: wire(
    unitSchema.extend({
      code: trimmed(1, 20, 'Kode unit'),
      name: trimmed(1, 200, 'Nama unit'),
      shortName: trimmed(1, 60, 'Nama singkat unit'),
    }),
  ),
  fields: ['code', 'name', 'shortName', 'active'],
  pick: ({ code, name, shortName, active }) => ({ code, name, shortName, active }),
  removable: false,
  check: (values, _document, _master, context) =>
    context.keyTakenByAnother
      ? { code: 'validation', message: `Kode unit ${values.code} sudah dipakai unit lain` }
      : null,
};

export type CategoryValues = Pick<Category, 'code' | 'name' | 'active'>;

export const CATEGORY_RULES: DirectoryRules<Category, CategoryValues> = {
  noun: 'Kategori',
  schema: wire(
    categorySchema.extend({
      code: trimmed(1, 60, 'Kode kategori'),
      name: trimmed(1, 120, 'Nama kategori'),
    }),
  ),
  fields: ['code', 'name', 'active'],
  pick: ({ code, name, active }) => ({ code, name, active }),
  removable: false,
  check: (values, _document, _master, context) =>
    context.keyTakenByAnother
      ? { code: 'validation', message: `Kode kategori ${values.code} sudah dipakai kategori lain` }
      : null,
};

export type HolidayValues = Pick<Holiday, 'date' | 'name' | 'kind'>;

/**
 * Holidays may be removed (a tombstone): a day wrongly entered, or a cuti bersama withdrawn by
 * a later decree, must stop counting as a day off on every device. The id is `instansi:date`,
 * so a removed day can be entered again and the date of a holiday never changes.
 */
export const HOLIDAY_RULES: DirectoryRules<Holiday, HolidayValues> = {
  noun: 'Hari libur',
  schema: wire(holidaySchema.extend({ name: trimmed(1, 200, 'Nama hari libur') })),
  fields: ['date', 'name', 'kind'],
  pick: ({ date, name, kind }) => ({ date, name, kind }),
  removable: true,
  check: (values, document) => {
    if (!isHolidayDate(values.date))
      return {
        code: 'validation',
        message: `Tanggal ${values.date} bukan tanggal yang sah antara ${HOLIDAY_MIN_YEAR} dan ${HOLIDAY_MAX_YEAR}`,
      };
    if (document.id !== `${document.instansiId}:${values.date}`)
      return {
        code: 'validation',
        message: 'Tanggal hari libur tidak dapat diubah; hapus lalu tambahkan tanggal yang benar',
      };
    return null;
  },
};

const positiveDays = z
  .int('Jumlah hari harus bilangan bulat')
  .min(1, 'Jumlah hari minimal 1')
  .max(365, 'Jumlah hari paling banyak 365');

export type SlaRuleValues = Pick<
  SlaRuleSetDocument,
  | 'version'
  | 'counting'
  | 'verifyDays'
  | 'firstFollowUpDays'
  | 'resolutionDays'
  | 'resolutionSupervisedDays'
  | 'resolutionAspirationDays'
  | 'autoCloseDays'
  | 'activeFrom'
>;

const SLA_FIELDS = [
  'version',
  'counting',
  'verifyDays',
  'firstFollowUpDays',
  'resolutionDays',
  'resolutionSupervisedDays',
  'resolutionAspirationDays',
  'autoCloseDays',
  'activeFrom',
] as const;

/**
 * A rule set in force is never rewritten (deadlines already computed from it would silently
 * change): a new version is added, starting in the future. A version not yet in force may
 * still be corrected, as long as it stays in the future.
 */
export const SLA_RULES: DirectoryRules<SlaRuleSetDocument, SlaRuleValues> = {
  noun: 'Aturan SLA',
  schema: wire(
    slaRuleSetSchema.extend({
      version: trimmed(1, 60, 'Versi aturan'),
      verifyDays: positiveDays,
      firstFollowUpDays: positiveDays,
      resolutionDays: positiveDays,
      resolutionSupervisedDays: positiveDays,
      resolutionAspirationDays: positiveDays,
      autoCloseDays: positiveDays,
    }),
  ),
  fields: SLA_FIELDS,
  pick: (document) =>
    Object.fromEntries(SLA_FIELDS.map((field) => [field, document[field]])) as SlaRuleValues,
  removable: false,
  check: (values, _document, master, context) => {
    if (master && master.activeFrom <= context.now)
      return {
        code: 'lifecycle',
        message: `Aturan ${master.version} sudah berlaku dan tidak dapat diubah; tambahkan versi baru`,
      };
    if (values.activeFrom <= context.now)
      return {
        code: 'lifecycle',
        message: 'Versi aturan baru harus mulai berlaku pada waktu yang akan datang',
      };
    if (context.keyTakenByAnother)
      return { code: 'validation', message: `Versi ${values.version} sudah ada` };
    return null;
  },
};
