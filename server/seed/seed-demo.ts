import type { Database, SqlExecutor } from '../db/database.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { insertOfficer } from '../auth/officer-repository.ts';
import {
  insertCategory,
  insertHoliday,
  insertSlaRuleSet,
  insertUnit,
} from '../directory/directory-stores.ts';
import { insertResponseTemplate } from '../templates/response-template-store.ts';
import { nextChangeSeq, reserveChangeSeqs } from '../changes/change-counter.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import { insertComplaints } from '../complaints/complaint-writes.ts';
import { insertComplaintEvents } from '../timeline/complaint-event-rows.ts';
import {
  DEMO_CATEGORIES,
  DEMO_HOLIDAYS,
  DEMO_KABUPATEN,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  type DemoInstansiDefinition,
} from './demo-instansi.ts';
import { DEMO_RESPONSE_TEMPLATES } from './demo-response-templates.ts';
import { generateDemoComplaints } from './generate-demo-complaints.ts';
import type { DemoActor } from './plan-demo-timeline.ts';
import { createRandomSource } from './random-source.ts';
import { DEFAULT_SLA_RULES } from '../../shared/deadline/sla-rules.ts';
import { insertInstansi } from '../instansi/instansi-store.ts';
import { loadAreaDataset } from '../regions/area-dataset.ts';
import { demoPlacesOf, type DemoPlaces } from './demo-places.ts';

export type SeedOptions = {
  complaintCount: number;
  nowMs: number;
  spanDays: number;
  randomSeed: number;
  /** Further paragraphs per report text (see generateDemoComplaints); 0 by default. */
  extraBodyParagraphs?: number;
  /** Seed the demo response templates (true by default; false stands for an older seed). */
  responseTemplates?: boolean;
  /**
   * Also seed the smaller kabupaten of the province (DEMO_KABUPATEN), so the regional briefing
   * has an instansi to compare (`npm start` does, see DEFAULT_SEED).
   */
  regional?: boolean;
  /** Keep late reports where they are (see DemoGenerationInput.backlog); false by default. */
  backlog?: boolean;
};

export const DEFAULT_SEED: Omit<SeedOptions, 'nowMs'> = {
  complaintCount: 2000,
  spanDays: 548,
  randomSeed: 20_251_123,
  regional: true,
};

export type SeedResult = { seeded: boolean; complaints: number; events: number };

/** The device the seeded timeline events name as theirs. */
export const DEMO_SEED_DEVICE_ID = 'demo-seed';

/** Seeds the demo instansi once; a database that already has it is left untouched. */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const dataset = await loadAreaDataset();
  const demos = options.regional ? [DEMO_PROVINCE, DEMO_KABUPATEN] : [DEMO_PROVINCE];
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7411002)');
    const result: SeedResult = { seeded: false, complaints: 0, events: 0 };
    for (const demo of demos) {
      const existing = await tx.query('SELECT 1 FROM instansi WHERE id = $1', [demo.instansi.id]);
      // The province decides: an older demo database gets no kabupaten added later.
      if (existing.length > 0) break;
      const places = demoPlacesOf(dataset.directoryOf(demo.instansi.regionCode));
      const seeded = await seedInstansi(tx, demo, options, passwordHash, places);
      result.seeded = true;
      result.complaints += seeded.complaints;
      result.events += seeded.events;
    }
    return result;
  });
}

/** One demo instansi: its calendar, rules, units, categories, officers, templates and reports. */
async function seedInstansi(
  tx: SqlExecutor,
  demo: DemoInstansiDefinition,
  options: SeedOptions,
  passwordHash: string,
  places: DemoPlaces,
): Promise<{ complaints: number; events: number }> {
  const instansiId = demo.instansi.id;
  const prefix = demo.idPrefix;
  const now = new Date(options.nowMs);
  await insertInstansi(tx, demo.instansi);
  const firstHolidaySeq = await reserveChangeSeqs(tx, DEMO_HOLIDAYS.length);
  for (const [index, [date, name]] of DEMO_HOLIDAYS.entries()) {
    await insertHoliday(
      tx,
      { id: `${instansiId}:${date}`, instansiId, at: now, seq: firstHolidaySeq + index },
      { date, name, kind: /^cuti bersama/i.test(name) ? 'cuti_bersama' : 'libur_nasional' },
    );
  }
  await insertSlaRuleSet(
    tx,
    {
      id: `${instansiId}:${DEFAULT_SLA_RULES.version}`,
      instansiId,
      at: now,
      seq: await nextChangeSeq(tx),
    },
    { ...DEFAULT_SLA_RULES, activeFrom: Date.parse('2018-01-01T00:00:00Z') },
  );
  const unitIdByCode = new Map<string, string>();
  for (const unit of demo.units) {
    const id = `${prefix}unit-${unit.code.toLowerCase()}`;
    unitIdByCode.set(unit.code, id);
    await insertUnit(
      tx,
      { id, instansiId, at: now, seq: await nextChangeSeq(tx) },
      { code: unit.code, name: unit.name, shortName: unit.shortName, active: true },
    );
  }
  const categoryIdByCode = new Map<string, string>();
  for (const category of DEMO_CATEGORIES) {
    const id = `${prefix}cat-${category.code.replaceAll('_', '-')}`;
    categoryIdByCode.set(category.code, id);
    await insertCategory(
      tx,
      { id, instansiId, at: now, seq: await nextChangeSeq(tx) },
      { code: category.code, name: category.name, active: true },
    );
  }
  let admin: DemoActor | undefined;
  const penghubungByUnitId = new Map<string, DemoActor>();
  for (const officer of demo.officers) {
    const id = `officer-${officer.username.replace('.', '-')}`;
    const actor = { id, displayName: officer.displayName, role: officer.role };
    if (officer.role === 'admin_instansi') admin ??= actor;
    const unitId = officer.unitCode ? unitIdByCode.get(officer.unitCode) : undefined;
    if (officer.role === 'penghubung' && unitId && !penghubungByUnitId.has(unitId))
      penghubungByUnitId.set(unitId, actor);
    await insertOfficer(tx, {
      id,
      instansiId,
      username: officer.username,
      displayName: officer.displayName,
      role: officer.role,
      unitId: unitId ?? null,
      passwordHash,
    });
  }
  if (!admin) throw new Error(`the demo officers of ${instansiId} have no Admin Instansi`);
  const templates = options.responseTemplates === false ? [] : DEMO_RESPONSE_TEMPLATES;
  const firstTemplateSeq = templates.length > 0 ? await reserveChangeSeqs(tx, templates.length) : 0;
  for (const [index, template] of templates.entries()) {
    await insertResponseTemplate(
      tx,
      { id: `${prefix}tpl-${template.slug}`, instansiId, at: now, seq: firstTemplateSeq + index },
      { title: template.title, body: template.body, kind: template.kind, active: true },
      admin.id,
    );
  }
  const { complaints, events } = generateDemoComplaints(
    {
      count: Math.round(options.complaintCount * demo.complaintShare),
      nowMs: options.nowMs,
      spanDays: options.spanDays,
      instansiId,
      unitIdByCode,
      categoryIdByCode,
      calendar: await loadWorkingCalendar(tx, instansiId),
      admin,
      penghubungByUnitId,
      extraBodyParagraphs: options.extraBodyParagraphs ?? 0,
      places,
      regions: demo.regions,
      trackingPrefix: demo.trackingPrefix,
      backlog: options.backlog ?? false,
    },
    createRandomSource((options.randomSeed + demo.randomSeedOffset) >>> 0),
  );
  await insertComplaints(tx, complaints);
  await insertComplaintEvents(tx, events, DEMO_SEED_DEVICE_ID);
  return { complaints: complaints.length, events: events.length };
}
