import type { ComplaintStatus } from './complaint-status.ts';
import type { ComplaintEventKind } from './triage.ts';
import type { Role } from './roles.ts';
import { appError, type AppError } from '../errors/error-codes.ts';

/** Allowed status transitions, as listed in DOMAIN.md. Anything not listed is refused. */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> =
  {
    belum_diverifikasi: ['ditunda', 'didisposisi', 'diarsipkan', 'bukan_wewenang'],
    ditunda: ['didisposisi', 'diarsipkan'],
    didisposisi: ['ditindaklanjuti', 'didisposisi'],
    ditindaklanjuti: ['selesai', 'didisposisi'],
    selesai: ['ditindaklanjuti'],
    diarsipkan: [],
    bukan_wewenang: [],
  };

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}

/**
 * Transitions DOMAIN.md ties to an event: "a public follow-up is posted", "reopened by the admin,
 * with a reason". Only the server's acceptance of that event makes them; a bare status write,
 * from any role, never does (the reporter would otherwise count as answered without an answer).
 */
export const EVENT_DRIVEN_TRANSITIONS: readonly {
  from: ComplaintStatus;
  to: ComplaintStatus;
  event: ComplaintEventKind;
  /** Roles that write that event. */
  roles: readonly Role[];
}[] = [
  {
    from: 'didisposisi',
    to: 'ditindaklanjuti',
    event: 'tindak_lanjut',
    roles: ['admin_instansi', 'penghubung'],
  },
  { from: 'selesai', to: 'ditindaklanjuti', event: 'buka_kembali', roles: ['admin_instansi'] },
];

/** The event `role` would write to bring `from → to`, when only an event brings it. */
export function eventAwaitedFrom(
  role: Role,
  from: ComplaintStatus,
  to: ComplaintStatus,
): ComplaintEventKind | null {
  const rule = EVENT_DRIVEN_TRANSITIONS.find((entry) => entry.from === from && entry.to === to);
  return rule && rule.roles.includes(role) ? rule.event : null;
}

/** The event that alone may bring `from → to`, or null when a status write may. */
export function eventDrivingTransition(
  from: ComplaintStatus,
  to: ComplaintStatus,
): ComplaintEventKind | null {
  return (
    EVENT_DRIVEN_TRANSITIONS.find((rule) => rule.from === from && rule.to === to)?.event ?? null
  );
}

/** The status a complaint in `status` moves to when an event of `kind` is accepted. */
export function statusAfterEvent(
  status: ComplaintStatus,
  kind: ComplaintEventKind,
): ComplaintStatus {
  return (
    EVENT_DRIVEN_TRANSITIONS.find((rule) => rule.from === status && rule.event === kind)?.to ??
    status
  );
}

/** A reopening must say why (DOMAIN.md: "reopened by the admin, with a reason"). */
export const MIN_REOPEN_REASON_CHARS = 10;

export type EventTransitionDecision =
  { ok: true; toStatus: ComplaintStatus } | { ok: false; error: AppError };

/**
 * Whether an event that drives a status move (EVENT_DRIVEN_TRANSITIONS) may be appended to a
 * complaint in `status`, and the status it then moves to. Follow-ups have their own rules
 * (follow-up.ts); this covers the admin's reopening.
 */
export function decideEventTransition(
  status: ComplaintStatus,
  event: { kind: ComplaintEventKind; reason: string },
): EventTransitionDecision {
  if (event.kind !== 'buka_kembali')
    return { ok: true, toStatus: statusAfterEvent(status, event.kind) };
  if (status !== 'selesai') return { ok: false, error: appError('reopen_only_closed') };
  if (event.reason.trim().length < MIN_REOPEN_REASON_CHARS)
    return {
      ok: false,
      error: appError('reopen_reason_too_short', { min: MIN_REOPEN_REASON_CHARS }),
    };
  return { ok: true, toStatus: statusAfterEvent(status, event.kind) };
}
