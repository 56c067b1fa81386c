import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import type { ArchiveReason, ComplaintEventKind } from '../../shared/domain/triage.ts';
import type { WorkingDayIndex } from '../../shared/reports/working-day-index.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import type { Officer } from '../../shared/schemas/officer.ts';
import { fillTemplate } from './demo-complaint-texts.ts';
import {
  DEMO_ANONYMOUS_NOTE,
  DEMO_ARCHIVE_NOTES,
  DEMO_AUTO_CLOSE_NOTE,
  DEMO_CLOSING_NOTES,
  DEMO_CONFIDENTIAL_NOTE,
  DEMO_DISPOSITION_INSTRUCTIONS,
  DEMO_FOLLOW_UP_TEXTS,
  DEMO_HOLD_REQUESTS,
  DEMO_NOT_AUTHORITY_REASONS,
  DEMO_URGENT_INSTRUCTION,
} from './demo-timeline-texts.ts';
import type { RandomSource } from './random-source.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Office hours, local time: officers act between 07.30 and 16.00. */
const OFFICE_OPENS = 7.5 * HOUR;
const OFFICE_CLOSES = 16 * HOUR;

/** Rows of [fewest, most, weight]: a weighted range of working days. */
type DayTable = readonly (readonly [number, number, number])[];

/**
 * Working days from arrival to the verification outcome (dispose, archive, bukan wewenang). The
 * default SLA is 3; about one report in eight is verified late, a few very late.
 */
const VERIFY_DAYS: DayTable = [
  [0, 0, 22],
  [1, 1, 30],
  [2, 2, 19],
  [3, 3, 12],
  [4, 5, 7],
  [6, 10, 4],
  [11, 20, 1],
];
/** Working days from arrival until the admin asks the reporter for missing details. */
const HOLD_DAYS: DayTable = [
  [0, 0, 35],
  [1, 1, 35],
  [2, 2, 20],
  [3, 3, 10],
];
/** Hours until the reporter completes a report on hold. */
const COMPLETION_HOURS = [4, 7 * 24] as const;
/** Working days from the reporter's completion to the disposition. */
const VERIFY_AFTER_COMPLETION_DAYS: DayTable = [
  [0, 0, 40],
  [1, 1, 40],
  [2, 2, 20],
];
/** Working days a report on hold waits for the reporter before it is archived. */
const ARCHIVE_AFTER_HOLD_DAYS: DayTable = [[5, 10, 1]];
/**
 * Working days from the disposition to the OPD's first follow-up. The default SLA is 5; about one
 * report in four is followed up late.
 */
const FOLLOW_UP_DAYS: DayTable = [
  [0, 0, 4],
  [1, 1, 14],
  [2, 2, 17],
  [3, 3, 15],
  [4, 4, 13],
  [5, 5, 11],
  [6, 8, 14],
  [9, 15, 9],
  [16, 30, 3],
];
/** Working days from the follow-up to closing when the reporter replies. */
const CLOSE_AFTER_REPLY_DAYS: DayTable = [
  [1, 5, 60],
  [6, 9, 25],
  [12, 25, 15],
];
/** Share of closed reports closed because the reporter never replied (auto-close, 10 days). */
const AUTO_CLOSED_SHARE = 0.35;
const AUTO_CLOSE_DAYS = 10;
/** Share of disposed reports first put on hold for missing details. */
const HELD_BEFORE_DISPOSITION_SHARE = 0.1;

const ARCHIVE_REASON_WEIGHTS: Readonly<Record<ArchiveReason, number>> = {
  bukan_pelayanan_publik: 22,
  tidak_jelas: 28,
  spam: 12,
  duplikat: 18,
  tidak_dilengkapi: 14,
  lainnya: 6,
};

/** Delay from the officer's action to the server's receipt: mostly seconds, sometimes offline. */
const SYNC_DELAY_WEIGHTS = { online: 70, slow: 25, offline: 5 } as const;

export type DemoActor = Pick<Officer, 'id' | 'displayName' | 'role'>;

/** What the timeline of a report depends on. */
export type TimelineSubject = Pick<
  Complaint,
  | 'id'
  | 'instansiId'
  | 'status'
  | 'unitId'
  | 'priority'
  | 'anonim'
  | 'rahasia'
  | 'receivedAt'
  | 'locationText'
> & { regionName: string };

export type TimelineContext = {
  /** No action happens after this instant. */
  nowMs: number;
  utcOffsetMinutes: number;
  days: WorkingDayIndex;
  /** The Admin Instansi who verifies, holds, archives and closes. */
  admin: DemoActor;
  /** The penghubung of each OPD unit that has one: it posts the unit's follow-ups. */
  penghubungByUnitId: ReadonlyMap<string, DemoActor>;
  /** An earlier report of the same problem to archive a report as a duplicate of, if any. */
  findOriginal(): { id: string; trackingNumber: string } | undefined;
  newId(): string;
};

export type DemoTimeline = {
  /** Server time of the last status change; the arrival time when the status never changed. */
  statusChangedAt: number;
  duplicateOf: string;
  /** Oldest first, as the triage actions would have appended them; serverSeq is still 0. */
  events: ComplaintEvent[];
};

/** A status move and the event that records it. */
type Step = {
  kind: ComplaintEventKind;
  actor: DemoActor;
  from: ComplaintStatus;
  to: ComplaintStatus;
  at: number;
  serverAt: number;
  targetUnitId: string;
  reasonCode: string;
  reason: string;
  relatedComplaintId: string;
};

function pickDays(random: RandomSource, table: DayTable): number {
  const total = table.reduce((sum, [, , weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [fewest, most, weight] of table) {
    roll -= weight;
    if (roll < 0) return random.integer(fewest, most);
  }
  const [fewest, most] = table[table.length - 1] ?? [0, 0];
  return random.integer(fewest, most);
}

/**
 * An instant in office hours on the `workingDays`-th working day after the local day of `fromMs`;
 * 0 is that day, or the next working day when it is no working day or its office hours are over.
 */
function actAfter(
  fromMs: number,
  workingDays: number,
  context: TimelineContext,
  random: RandomSource,
): number {
  const { days } = context;
  const offsetMs = context.utcOffsetMinutes * MINUTE;
  const fromDay = days.dayOf(fromMs);
  const isWorkingDay = days.countDays(fromDay - 1, fromDay, 'working') === 1;
  let day =
    workingDays === 0 && isWorkingDay
      ? fromDay
      : days.dueDay(fromDay, Math.max(1, workingDays), 'working');
  const earliestAfter = fromMs + random.integer(5, 90) * MINUTE;
  let earliest = Math.max(day * DAY - offsetMs + OFFICE_OPENS, earliestAfter);
  if (earliest >= day * DAY - offsetMs + OFFICE_CLOSES) {
    day = days.dueDay(day, 1, 'working');
    earliest = day * DAY - offsetMs + OFFICE_OPENS;
  }
  const closes = day * DAY - offsetMs + OFFICE_CLOSES;
  return earliest + Math.floor(random.next() * (closes - earliest));
}

function syncDelay(random: RandomSource): number {
  switch (random.weighted(SYNC_DELAY_WEIGHTS)) {
    case 'online':
      return random.integer(3, 60) * SECOND;
    case 'slow':
      return random.integer(1, 15) * MINUTE;
    case 'offline':
      return random.integer(1, 8) * HOUR + random.integer(0, 59) * MINUTE;
  }
}

function dispositionInstruction(subject: TimelineSubject, random: RandomSource): string {
  const parts = [
    fillTemplate(random.pick(DEMO_DISPOSITION_INSTRUCTIONS), { location: subject.locationText }),
  ];
  if (subject.priority === 'mendesak') parts.unshift(DEMO_URGENT_INSTRUCTION);
  if (subject.rahasia) parts.push(DEMO_CONFIDENTIAL_NOTE);
  else if (subject.anonim) parts.push(DEMO_ANONYMOUS_NOTE);
  return parts.join(' ');
}

/**
 * The timeline a report in its status would have: the events the admin's triage actions append
 * (planTriageAction) and the OPD's follow-up, at realistic working-day delays, all before `nowMs`. Times are pressed
 * together proportionally when a young report could not have gone through them by now.
 */
export function planDemoTimeline(
  subject: TimelineSubject,
  context: TimelineContext,
  random: RandomSource,
): DemoTimeline {
  const { receivedAt } = subject;
  const steps: Step[] = [];
  let duplicateOf = '';
  const add = (
    step: Omit<Step, 'actor' | 'serverAt' | 'targetUnitId' | 'relatedComplaintId'> & Partial<Step>,
  ) =>
    steps.push({
      actor: context.admin,
      serverAt: 0,
      targetUnitId: '',
      relatedComplaintId: '',
      ...step,
    });
  const hold = (): number => {
    const at = actAfter(receivedAt, pickDays(random, HOLD_DAYS), context, random);
    add({
      kind: 'tunda',
      from: 'belum_diverifikasi',
      to: 'ditunda',
      at,
      reasonCode: '',
      reason: random.pick(DEMO_HOLD_REQUESTS),
    });
    return at;
  };

  switch (subject.status) {
    case 'belum_diverifikasi':
      break;
    case 'ditunda':
      hold();
      break;
    case 'didisposisi':
    case 'ditindaklanjuti':
    case 'selesai': {
      let from: ComplaintStatus = 'belum_diverifikasi';
      let disposedAt: number;
      if (random.next() < HELD_BEFORE_DISPOSITION_SHARE) {
        const [fewest, most] = COMPLETION_HOURS;
        const completedAt = hold() + random.integer(fewest, most) * HOUR;
        disposedAt = actAfter(
          completedAt,
          pickDays(random, VERIFY_AFTER_COMPLETION_DAYS),
          context,
          random,
        );
        from = 'ditunda';
      } else {
        disposedAt = actAfter(receivedAt, pickDays(random, VERIFY_DAYS), context, random);
      }
      add({
        kind: 'verifikasi_disposisi',
        from,
        to: 'didisposisi',
        at: disposedAt,
        targetUnitId: subject.unitId,
        reasonCode: '',
        reason: dispositionInstruction(subject, random),
      });
      if (subject.status === 'didisposisi') break;
      const followedUpAt = actAfter(disposedAt, pickDays(random, FOLLOW_UP_DAYS), context, random);
      // Posted by the OPD's penghubung; by the admin for an OPD without one in the demo.
      add({
        kind: 'tindak_lanjut',
        actor: context.penghubungByUnitId.get(subject.unitId) ?? context.admin,
        from: 'didisposisi',
        to: 'ditindaklanjuti',
        at: followedUpAt,
        reasonCode: '',
        reason: random.pick(DEMO_FOLLOW_UP_TEXTS),
      });
      if (subject.status === 'ditindaklanjuti') break;
      const autoClosed = random.next() < AUTO_CLOSED_SHARE;
      const closeDays = autoClosed
        ? AUTO_CLOSE_DAYS + random.integer(0, 1)
        : pickDays(random, CLOSE_AFTER_REPLY_DAYS);
      add({
        kind: 'selesai',
        from: 'ditindaklanjuti',
        to: 'selesai',
        at: actAfter(followedUpAt, closeDays, context, random),
        reasonCode: '',
        reason: autoClosed ? DEMO_AUTO_CLOSE_NOTE : random.pick(DEMO_CLOSING_NOTES),
      });
      break;
    }
    case 'diarsipkan': {
      let reasonCode = random.weighted(ARCHIVE_REASON_WEIGHTS);
      const original = reasonCode === 'duplikat' ? context.findOriginal() : undefined;
      if (reasonCode === 'duplikat' && !original) reasonCode = 'tidak_jelas';
      const reason = fillTemplate(random.pick(DEMO_ARCHIVE_NOTES[reasonCode]), {
        original: original?.trackingNumber ?? '',
      });
      if (reasonCode === 'tidak_dilengkapi') {
        // Put on hold first; archived when the reporter never completed the report.
        const heldAt = hold();
        add({
          kind: 'arsip',
          from: 'ditunda',
          to: 'diarsipkan',
          at: actAfter(heldAt, pickDays(random, ARCHIVE_AFTER_HOLD_DAYS), context, random),
          reasonCode,
          reason,
        });
        break;
      }
      const at = actAfter(receivedAt, pickDays(random, VERIFY_DAYS), context, random);
      if (original) {
        // As mark_duplicate records it: linked to the original, which the complaint names too.
        duplicateOf = original.id;
        add({
          kind: 'duplikat',
          from: 'belum_diverifikasi',
          to: 'diarsipkan',
          at,
          reasonCode,
          reason,
          relatedComplaintId: original.id,
        });
      } else {
        add({
          kind: 'arsip',
          from: 'belum_diverifikasi',
          to: 'diarsipkan',
          at,
          reasonCode,
          reason,
        });
      }
      break;
    }
    case 'bukan_wewenang':
      add({
        kind: 'bukan_wewenang',
        from: 'belum_diverifikasi',
        to: 'bukan_wewenang',
        at: actAfter(receivedAt, pickDays(random, VERIFY_DAYS), context, random),
        reasonCode: '',
        reason: fillTemplate(random.pick(DEMO_NOT_AUTHORITY_REASONS), {
          region: subject.regionName,
        }),
      });
      break;
  }

  const last = steps[steps.length - 1];
  if (!last) return { statusChangedAt: receivedAt, duplicateOf, events: [] };

  // A young report went through its steps faster: press them into the time there was.
  const end = Math.max(receivedAt, context.nowMs - 2 * MINUTE);
  if (last.at > end) {
    const scale = (end - receivedAt) / (last.at - receivedAt);
    for (const step of steps) step.at = receivedAt + Math.floor((step.at - receivedAt) * scale);
  }
  // One device syncs the steps in order: each reaches the server after the one before.
  let serverAt = 0;
  for (const step of steps) {
    serverAt = Math.min(context.nowMs, Math.max(serverAt, step.at + syncDelay(random)));
    step.serverAt = serverAt;
  }

  const events = steps.map((step): ComplaintEvent => ({
    id: context.newId(),
    complaintId: subject.id,
    instansiId: subject.instansiId,
    kind: step.kind,
    fromStatus: step.from,
    toStatus: step.to,
    targetUnitId: step.targetUnitId,
    reasonCode: step.reasonCode,
    reason: step.reason,
    relatedComplaintId: step.relatedComplaintId,
    attachments: [],
    anonim: subject.anonim,
    rahasia: subject.rahasia,
    officerId: step.actor.id,
    officerName: step.actor.displayName,
    officerRole: step.actor.role,
    deviceTime: step.at,
    serverTime: step.serverAt,
    serverSeq: 0,
  }));
  return { statusChangedAt: last.serverAt, duplicateOf, events };
}
