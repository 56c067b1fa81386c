import { randomUUID } from 'node:crypto';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import { computeComplaintDueAt, DEFAULT_SLA_RULES } from '../../shared/deadline/sla-rules.ts';
import type { WorkingCalendar } from '../../shared/deadline/working-calendar.ts';
import { createWorkingDayIndex } from '../../shared/reports/working-day-index.ts';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import { DEMO_COMPLAINT_TEXTS, DEMO_REPORTER_NAMES, fillTemplate } from './demo-complaint-texts.ts';
import { DEMO_REGIONS, type DemoRegion } from './demo-instansi.ts';
import type { DemoPlaces } from './demo-places.ts';
import { decideDemoStatusProgress } from './decide-demo-status-progress.ts';
import { planDemoTimeline, type DemoActor } from './plan-demo-timeline.ts';
import { createRandomSource, type RandomSource } from './random-source.ts';

const DAY_MS = 86_400_000;

type StatusWeights = Record<ComplaintStatus, number>;

/** Older reports are mostly closed; recent ones are still in the queue. */
function statusWeightsForAge(ageDays: number): StatusWeights {
  if (ageDays < 5) {
    return {
      belum_diverifikasi: 45,
      ditunda: 12,
      didisposisi: 35,
      ditindaklanjuti: 12,
      selesai: 0,
      diarsipkan: 0,
      bukan_wewenang: 0,
    };
  }
  if (ageDays < 30) {
    return {
      belum_diverifikasi: 8,
      ditunda: 7,
      didisposisi: 33,
      ditindaklanjuti: 35,
      selesai: 12,
      diarsipkan: 3,
      bukan_wewenang: 2,
    };
  }
  if (ageDays < 120) {
    return {
      belum_diverifikasi: 1,
      ditunda: 2,
      didisposisi: 8,
      ditindaklanjuti: 22,
      selesai: 55,
      diarsipkan: 8,
      bukan_wewenang: 4,
    };
  }
  // A small backlog of long-forgotten reports is realistic and is what the overdue list is for.
  return {
    belum_diverifikasi: 0.2,
    ditunda: 0.3,
    didisposisi: 1,
    ditindaklanjuti: 3,
    selesai: 82,
    diarsipkan: 9,
    bukan_wewenang: 4.5,
  };
}

const DISPOSED: ReadonlySet<ComplaintStatus> = new Set([
  'didisposisi',
  'ditindaklanjuti',
  'selesai',
]);

export type DemoComplaint = Complaint & { reporter: NonNullable<Complaint['reporter']> };

export type DemoGenerationInput = {
  count: number;
  nowMs: number;
  spanDays: number;
  instansiId: string;
  unitIdByCode: ReadonlyMap<string, string>;
  categoryIdByCode: ReadonlyMap<string, string>;
  calendar: WorkingCalendar;
  /** The Admin Instansi: verifies, holds, archives and closes the demo reports. */
  admin: DemoActor;
  /** The penghubung of each OPD unit that has one: posts the unit's follow-ups. */
  penghubungByUnitId: ReadonlyMap<string, DemoActor>;
  /**
   * Further paragraphs appended to each report's text (0 by default), for measuring with reports
   * as long as real ones (2–3 KB): drawn from a source of their own, so the reports' other
   * fields are the same whatever the count.
   */
  extraBodyParagraphs?: number;
  /** The official villages the reports come from (demoPlacesOf the region's directory). */
  places: DemoPlaces;
  /** The kabupaten/kota the reports come from; DEMO_REGIONS (all of Kalimantan Timur) by default. */
  regions?: readonly DemoRegion[];
  /** First part of the tracking numbers; `KALTIM` by default. */
  trackingPrefix?: string;
  /**
   * Leave every report where its planned status put it, late or not: a queue that has fallen
   * behind, with many open reports in every status (the server tests' fixtures pick from them).
   * By default late reports move on, as in an instansi that keeps up.
   */
  backlog?: boolean;
};

export type DemoData = {
  /** Oldest first. */
  complaints: DemoComplaint[];
  /** Every complaint's timeline, complaint by complaint, each oldest first. */
  events: ComplaintEvent[];
};

/**
 * One in so many recent reports whose clock ran out or whose follow-up waits for closing is left
 * where it stands (the first of each status, then every so many), so the overdue list and the
 * closing proposals have something to show: counted rather than drawn, the overdue share varies
 * little between seeds.
 */
const STUBBORN_EVERY = 13;
/** Only recent reports are stubborn: nothing waits a year in a working instansi. */
const STUBBORN_MAX_AGE_DAYS = 40;

/** How far back a duplicate's original may have arrived. */
const DUPLICATE_WINDOW_MS = 60 * DAY_MS;

const PARAGRAPH_OPENERS = [
  'Tambahan informasi:',
  'Perlu kami sampaikan juga,',
  'Selain itu,',
  'Sebagai gambaran,',
  'Kami juga mencatat hal berikut.',
];

/** Further paragraphs on the same place, taken from other reports' texts. */
function extraParagraphs(
  count: number,
  values: Readonly<Record<string, string>>,
  random: RandomSource,
): string {
  let text = '';
  for (let index = 0; index < count; index += 1) {
    const body = fillTemplate(random.pick(DEMO_COMPLAINT_TEXTS).body, values);
    text += `\n\n${random.pick(PARAGRAPH_OPENERS)} ${body}`;
  }
  return text;
}

function trackingNumber(
  prefix: string,
  receivedAt: number,
  serial: number,
  utcOffsetMinutes: number,
): string {
  const local = new Date(receivedAt + utcOffsetMinutes * 60_000).toISOString();
  return `${prefix}-${local.slice(2, 4)}${local.slice(5, 7)}-${String(serial).padStart(5, '0')}`;
}

function placesOf(places: DemoPlaces, regency: string): readonly (readonly string[])[] {
  const districts = places.get(regency);
  if (!districts || districts.length === 0)
    throw new Error(`no official villages for regency ${regency}`);
  return districts;
}

/**
 * Complaints spread over `spanDays` before now, oldest first, in every status, each with the
 * timeline its status implies (planDemoTimeline); statusChangedAt and dueAt follow that timeline.
 */
export function generateDemoComplaints(input: DemoGenerationInput, random: RandomSource): DemoData {
  const receivedTimes = Array.from({ length: input.count }, () =>
    Math.floor(input.nowMs - random.next() * input.spanDays * DAY_MS),
  ).sort((a, b) => a - b);
  const offsetMs = input.calendar.utcOffsetMinutes * 60_000;
  const dayOf = (epochMs: number) => Math.floor((epochMs + offsetMs) / DAY_MS);
  // Timelines reach a few months past a report's arrival before they are fitted to now.
  const days = createWorkingDayIndex(
    input.calendar,
    dayOf(input.nowMs - input.spanDays * DAY_MS) - 1,
    dayOf(input.nowMs) + 200,
  );
  /** The latest report of each title (the same problem at the same place) not archived or returned. */
  const latestByTitle = new Map<
    string,
    { id: string; trackingNumber: string; receivedAt: number }
  >();

  const complaints: DemoComplaint[] = [];
  const events: ComplaintEvent[] = [];
  const paragraphRandom = createRandomSource(0x5eed_b0d1);
  /** Late recent reports met so far, by the status they were drawn in. */
  const lateSeen = new Map<ComplaintStatus, number>();
  for (const [index, receivedAt] of receivedTimes.entries()) {
    const text = random.pick(DEMO_COMPLAINT_TEXTS);
    const region = random.pick(input.regions ?? DEMO_REGIONS);
    const street = random.pick(region.streets);
    const ageDays = (input.nowMs - receivedAt) / DAY_MS;
    const status = random.weighted(statusWeightsForAge(ageDays));
    // The timeline draws from its own source, seeded by two draws of this stream: the reports'
    // other fields stay what they were before timelines were seeded, whatever a timeline draws.
    const timelineRandom = createRandomSource(
      (Math.floor(random.next() * 0x1_0000_0000) ^ Math.floor(random.next() * 0x1_0000_0000)) >>> 0,
    );
    const reporterName = random.pick(DEMO_REPORTER_NAMES);
    const type = text.type;
    // The first draw of the report's fields below, as it was when it stood in the object.
    const bodyValues = { street, region: region.name, weeks: String(random.integer(2, 10)) };
    const complaint = {
      id: randomUUID(),
      instansiId: input.instansiId,
      trackingNumber: trackingNumber(
        input.trackingPrefix ?? 'KALTIM',
        receivedAt,
        index + 1,
        input.calendar.utcOffsetMinutes,
      ),
      title: fillTemplate(text.title, { street, region: region.name }),
      body:
        fillTemplate(text.body, bodyValues) +
        extraParagraphs(input.extraBodyParagraphs ?? 0, bodyValues, paragraphRandom),
      type,
      channel: random.weighted({
        web: 40,
        aplikasi_mobile: 25,
        sms: 10,
        media_sosial: 15,
        aplikasi_daerah: 10,
      }),
      categoryId: input.categoryIdByCode.get(text.categoryCode) ?? '',
      unitId: '',
      duplicateOf: '',
      status,
      priority: random.weighted({ rendah: 20, sedang: 60, tinggi: 15, mendesak: 5 }),
      anonim: random.next() < 0.15,
      rahasia: random.next() < 0.05,
      berkadarPengawasan: type === 'pengaduan' && random.next() < 0.08,
      // A district, then one of its villages: two draws, as the made-up codes once took.
      regionCode: random.pick(random.pick(placesOf(input.places, region.code))),
      locationText: `${street}, ${region.name}`,
      receivedAt,
      statusChangedAt: receivedAt,
      dueAt: 0,
      updatedAt: receivedAt,
      updatedBy: input.admin.id,
      serverSeq: 0,
      reporter: {
        name: reporterName,
        phone: `08${random.integer(11, 59)}${String(random.integer(0, 99_999_999)).padStart(8, '0')}`,
        email: `${reporterName.toLowerCase().replace(/[^a-z]+/g, '.')}@contoh.id`,
      },
    } satisfies DemoComplaint;

    const original = latestByTitle.get(complaint.title);
    const planFor = (planned: ComplaintStatus) => {
      complaint.status = planned;
      complaint.unitId = DISPOSED.has(planned) ? (input.unitIdByCode.get(text.unitCode) ?? '') : '';
      const timeline = planDemoTimeline(
        { ...complaint, regionName: region.name },
        {
          nowMs: input.nowMs,
          utcOffsetMinutes: input.calendar.utcOffsetMinutes,
          days,
          admin: input.admin,
          penghubungByUnitId: input.penghubungByUnitId,
          // The same problem reported again, not long after.
          findOriginal: () =>
            original && receivedAt - original.receivedAt <= DUPLICATE_WINDOW_MS
              ? original
              : undefined,
          newId: randomUUID,
        },
        timelineRandom,
      );
      complaint.statusChangedAt = complaint.updatedAt = timeline.statusChangedAt;
      complaint.duplicateOf = timeline.duplicateOf;
      complaint.dueAt = computeComplaintDueAt(complaint, DEFAULT_SLA_RULES, input.calendar);
      return timeline;
    };
    let timeline = planFor(status);
    // A working instansi handles most reports on time: one its clock or the reporter's silence
    // has overtaken moves on in the meantime, but every few recent ones are left as they are.
    let next = input.backlog
      ? null
      : decideDemoStatusProgress(complaint, timeline.events, days, input.nowMs);
    if (next !== null && ageDays < STUBBORN_MAX_AGE_DAYS) {
      const seen = (lateSeen.get(status) ?? 0) + 1;
      lateSeen.set(status, seen);
      if (seen % STUBBORN_EVERY === 1) next = null;
    }
    while (next !== null) {
      timeline = planFor(next);
      next = decideDemoStatusProgress(complaint, timeline.events, days, input.nowMs);
    }
    complaints.push(complaint);
    events.push(...timeline.events);
    if (status !== 'diarsipkan' && status !== 'bukan_wewenang') {
      latestByTitle.set(complaint.title, {
        id: complaint.id,
        trackingNumber: complaint.trackingNumber,
        receivedAt,
      });
    }
  }
  return { complaints, events };
}
