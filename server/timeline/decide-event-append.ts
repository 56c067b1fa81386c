import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { complaintEventSchema, type ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { decideEventTransition, statusAfterEvent } from '../../shared/domain/lifecycle.ts';
import { TRIAGE_ACTION_RULES } from '../../shared/domain/triage.ts';
import {
  FOLLOW_UP_KINDS,
  followUpInputSchema,
  followUpRefusal,
  statusAfterFollowUp,
} from '../../shared/domain/follow-up.ts';
import { rejectionReason, type RejectionReason } from '../refusals/sync-rejections.ts';
import {
  appError,
  errorOfIssue,
  withField,
  type AppError,
} from '../../shared/errors/error-codes.ts';
import { issueMessageInIndonesian } from '../../shared/errors/error-texts-id.ts';

const wireEventSchema = complaintEventSchema.extend({ _deleted: z.boolean() });
export type PushedEvent = z.infer<typeof wireEventSchema>;

/**
 * Event kinds each role may append; triage belongs to the Admin Instansi, follow-ups and notes
 * to the OPD's penghubung and the admin. Reporter replies and ratings arrive only through the
 * server's intake, never from a workstation.
 */
const APPENDABLE_KINDS: Record<Role, ReadonlySet<ComplaintEvent['kind']>> = {
  admin_instansi: new Set([
    ...Object.values(TRIAGE_ACTION_RULES).map((rule) => rule.event),
    'privasi',
    ...FOLLOW_UP_KINDS,
    'identitas_dibuka',
  ]),
  penghubung: new Set(FOLLOW_UP_KINDS),
  koordinator: new Set(),
};

/** What the device writes into an event; the other fields the server stamps on acceptance. */
const DEVICE_FIELDS = [
  'complaintId',
  'kind',
  'fromStatus',
  'toStatus',
  'targetUnitId',
  'reasonCode',
  'reason',
  'relatedComplaintId',
  'anonim',
  'rahasia',
  'deviceTime',
] as const satisfies readonly (keyof ComplaintEvent)[];
/** Fields of a follow-up the server sets from the complaint it finds, whatever the device said. */
const SERVER_CORRECTED_FIELDS: ReadonlySet<string> = new Set(['fromStatus', 'toStatus']);
const SERVER_STAMPED_FIELDS = [
  'instansiId',
  'officerId',
  'officerName',
  'officerRole',
  'serverTime',
  'deviceTimeTrusted',
  'serverSeq',
] as const satisfies readonly (keyof ComplaintEvent)[];

const APPEND_ONLY: RejectionReason = rejectionReason(
  'append_only',
  appError('timeline_append_only'),
);

/**
 * A push of a stored event is harmless only as a re-delivery: the device's unstamped copy with
 * the same content (its claims about who and when are ignored, as on first delivery), or an
 * exact copy of the stored event. Anything else is a change, and events never change.
 */
function isRedelivery(stored: ComplaintEvent, pushed: ComplaintEvent): boolean {
  const corrected = FOLLOW_UP_KINDS.some((kind) => kind === stored.kind);
  const differs = DEVICE_FIELDS.some(
    (field) =>
      stored[field] !== pushed[field] && !(corrected && SERVER_CORRECTED_FIELDS.has(field)),
  );
  if (differs) return false;
  // By value: the stored list comes back from jsonb with its keys in jsonb's own order.
  if (!isDeepStrictEqual(stored.attachments, pushed.attachments)) return false;
  if (pushed.serverSeq === 0 && pushed.serverTime === 0) return true;
  // A re-disposition gives the complaint's events new, higher change numbers: a stamped copy
  // with an older number is the device's copy from before it, not a change. A number the server
  // never gave the event (higher, or lower with other stamps differing) is still a change.
  return SERVER_STAMPED_FIELDS.every(
    (field) =>
      stored[field] === pushed[field] ||
      (field === 'serverSeq' && pushed.serverSeq > 0 && pushed.serverSeq < stored.serverSeq),
  );
}

export function isFollowUpKind(
  kind: ComplaintEvent['kind'],
): kind is (typeof FOLLOW_UP_KINDS)[number] {
  return (FOLLOW_UP_KINDS as readonly string[]).includes(kind);
}

/** The composer's rules, checked again: a device is not trusted to have applied them. */
function followUpContentProblem(event: ComplaintEvent): AppError | null {
  if (!isFollowUpKind(event.kind)) return null;
  const parsed = followUpInputSchema.safeParse({
    kind: event.kind,
    content: event.reason,
    attachments: event.attachments,
  });
  const issue = parsed.error?.issues[0];
  if (parsed.success) return null;
  return issue ? errorOfIssue(issue) : appError('invalid_value');
}

/** A pushed document read as an event, or why it is not one. */
export function parsePushedEvent(
  document: unknown,
): { event: PushedEvent } | { refuse: RejectionReason } {
  const parsed = wireEventSchema.safeParse(document);
  if (parsed.success) return { event: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return {
    refuse: rejectionReason(
      'validation',
      withField(issue ? errorOfIssue(issue) : appError('document_invalid'), field),
      `Riwayat tidak valid pada ${field}: ${issueMessageInIndonesian(issue?.message ?? '')}`,
    ),
  };
}

export type EventAdmission =
  | { kind: 'unchanged'; master: ComplaintEvent }
  | { kind: 'refuse'; reason: RejectionReason; master?: ComplaintEvent }
  | { kind: 'new' };

/**
 * Whether a pushed event may be a new one, before its complaint is looked at: events are only
 * ever appended, by roles that may write their kind. `stored` is the event already stored under
 * its id: `visible` false when it is outside the officer's scope (refused without showing it).
 */
export function decideEventAdmission(
  event: PushedEvent,
  assumedMaster: boolean,
  officer: { id: string; role: Role },
  stored: { event: ComplaintEvent; visible: boolean } | undefined,
): EventAdmission {
  if (stored) {
    const master = stored.visible ? stored.event : undefined;
    if (master && master.officerId === officer.id && isRedelivery(master, event) && !event._deleted)
      return { kind: 'unchanged', master };
    return { kind: 'refuse', reason: APPEND_ONLY, master };
  }
  if (event._deleted || assumedMaster) return { kind: 'refuse', reason: APPEND_ONLY };
  if (!APPENDABLE_KINDS[officer.role].has(event.kind)) {
    return {
      kind: 'refuse',
      reason: rejectionReason(
        'permission',
        appError('role_cannot_record_event', { role: officer.role, kind: event.kind }),
      ),
    };
  }
  return { kind: 'new' };
}

export type EventAppendDecision =
  | { kind: 'refuse'; reason: RejectionReason }
  /** `statusMove`: the status the complaint moves to with this event, if it moves. */
  | {
      kind: 'append';
      fromStatus: ComplaintEvent['fromStatus'];
      toStatus: ComplaintEvent['toStatus'];
      statusMove: ComplaintStatus | null;
    };

/**
 * A new event against the complaint it names (`undefined` when not found in the officer's
 * scope): a follow-up's statuses are the server's, set from the complaint, and its files must
 * have been announced (`unannouncedFiles`: those that were not); a reopening follows the
 * lifecycle. Says which status the complaint moves to, if any.
 */
export function decideEventAppend(
  event: ComplaintEvent,
  officer: { role: Role; unitId: string },
  target: { status: ComplaintStatus; unitId: string } | undefined,
  unannouncedFiles: readonly string[],
): EventAppendDecision {
  if (!target) {
    return {
      kind: 'refuse',
      reason: rejectionReason('not_found', appError('complaint_not_found')),
    };
  }
  let fromStatus = event.fromStatus;
  let toStatus = event.toStatus;
  if (isFollowUpKind(event.kind)) {
    const refusal = followUpRefusal(target, officer, event.kind);
    if (refusal) return { kind: 'refuse', reason: rejectionReason('lifecycle', refusal) };
    const problem = followUpContentProblem(event);
    if (problem) return { kind: 'refuse', reason: rejectionReason('validation', problem) };
    if (unannouncedFiles.length > 0) {
      return {
        kind: 'refuse',
        reason: rejectionReason(
          'validation',
          appError('attachments_not_announced', { files: unannouncedFiles.join(', ') }),
        ),
      };
    }
    fromStatus = target.status;
    toStatus = statusAfterFollowUp(target.status, event.kind);
  } else if (event.attachments.length > 0) {
    return {
      kind: 'refuse',
      reason: rejectionReason('validation', appError('attachments_only_on_follow_up')),
    };
  } else if (event.kind === 'buka_kembali') {
    const transition = decideEventTransition(target.status, event);
    if (!transition.ok)
      return { kind: 'refuse', reason: rejectionReason('lifecycle', transition.error) };
    fromStatus = target.status;
    toStatus = transition.toStatus;
  }
  const moves = statusAfterEvent(target.status, event.kind) !== target.status;
  return { kind: 'append', fromStatus, toStatus, statusMove: moves && toStatus ? toStatus : null };
}
