import type { Category } from '../../../../shared/schemas/category.ts';
import type { Holiday } from '../../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../../shared/schemas/sla-rule-set.ts';
import type { Unit } from '../../../../shared/schemas/unit.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';
import type { CategoryForm, HolidayForm, UnitForm } from './directory-forms.ts';

type Writer = Pick<WorkstationContextValue, 'replica' | 'sync' | 'officer'>;

/*
 * Each write goes to the replica first (it applies offline) and is queued for the server, which
 * checks it again and sets the time and change number when it accepts it.
 */

export async function saveUnit(workstation: Writer, values: UnitForm, id?: string) {
  const { replica, sync, officer } = workstation;
  if (id) {
    const document = await replica.units.findOne(id).exec();
    if (!document) throw new Error(`Unit ${id} tidak ada di perangkat ini`);
    await sync.pending.track('units', [id], () => document.incrementalPatch(values));
    return;
  }
  const unit: Unit = {
    id: crypto.randomUUID(),
    instansiId: officer.instansiId,
    ...values,
    updatedAt: Date.now(),
    serverSeq: 0,
  };
  await sync.pending.track('units', [unit.id], () => replica.units.insert(unit));
}

export async function saveCategory(workstation: Writer, values: CategoryForm, id?: string) {
  const { replica, sync, officer } = workstation;
  if (id) {
    const document = await replica.categories.findOne(id).exec();
    if (!document) throw new Error(`Kategori ${id} tidak ada di perangkat ini`);
    await sync.pending.track('categories', [id], () => document.incrementalPatch(values));
    return;
  }
  const category: Category = {
    id: crypto.randomUUID(),
    instansiId: officer.instansiId,
    ...values,
    updatedAt: Date.now(),
    serverSeq: 0,
  };
  await sync.pending.track('categories', [category.id], () => replica.categories.insert(category));
}

/** A holiday's id is `instansi:date`: one holiday per date, and a removed date can return. */
export async function addHoliday(workstation: Writer, values: HolidayForm) {
  const { replica, sync, officer } = workstation;
  const holiday: Holiday = {
    id: `${officer.instansiId}:${values.date}`,
    instansiId: officer.instansiId,
    ...values,
    updatedAt: Date.now(),
    serverSeq: 0,
  };
  await sync.pending.track('holidays', [holiday.id], () => replica.holidays.insert(holiday));
}

/** Removes a holiday: a tombstone that, once accepted, takes it off every device. */
export async function removeHoliday(workstation: Writer, id: string) {
  const { replica, sync } = workstation;
  const document = await replica.holidays.findOne(id).exec();
  if (!document) return;
  await sync.pending.track('holidays', [id], () => document.remove());
}

type SlaValues = Omit<SlaRuleSetDocument, 'id' | 'instansiId' | 'updatedAt' | 'serverSeq'>;

/** Adds a rule set version, or corrects one not yet in force (the server refuses the rest). */
export async function saveSlaRuleSet(workstation: Writer, values: SlaValues, id?: string) {
  const { replica, sync, officer } = workstation;
  if (id) {
    const document = await replica.sla_rules.findOne(id).exec();
    if (!document) throw new Error(`Aturan ${id} tidak ada di perangkat ini`);
    await sync.pending.track('sla_rules', [id], () => document.incrementalPatch(values));
    return;
  }
  const ruleSet: SlaRuleSetDocument = {
    id: crypto.randomUUID(),
    instansiId: officer.instansiId,
    ...values,
    updatedAt: Date.now(),
    serverSeq: 0,
  };
  await sync.pending.track('sla_rules', [ruleSet.id], () => replica.sla_rules.insert(ruleSet));
}
