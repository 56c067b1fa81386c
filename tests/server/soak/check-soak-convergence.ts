import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';

/** Complaint fields an officer edits directly; status and disposition travel with an event. */
export const EDIT_FIELDS = ['priority', 'categoryId', 'anonim', 'rahasia'] as const;
type EditField = (typeof EDIT_FIELDS)[number];

/** What a device's officer did, as the device wrote it into its replica. */
export type DeviceAction =
  | {
      kind: 'write';
      step: number;
      device: string;
      /** The device id the server knows it by (the session's; a window's is its device's). */
      deviceId: string;
      officerId: string;
      complaintId: string;
      patch: Partial<Complaint>;
    }
  | { kind: 'event'; step: number; device: string; officerId: string; event: ComplaintEvent };

export type ObservedConflict = {
  complaintId: string;
  conflicts: { fields: readonly string[]; ours: Record<string, unknown> }[];
};

export type DeviceObservation = {
  device: string;
  officerId: string;
  role: Role;
  unitId: string;
  complaints: Complaint[];
  events: ComplaintEvent[];
  rejections: SyncRejection[];
  conflicts: ObservedConflict[];
  /** Keys (`collection/id`) of this device's writes the server has not acknowledged. */
  pending: string[];
  /** RAKORDA figures computed on the device from its replica. */
  rakorda: unknown;
};

export type ServerScope = {
  complaints: Complaint[];
  events: ComplaintEvent[];
  rejections: SyncRejection[];
  /** RAKORDA figures the server answers this officer. */
  rakorda: unknown;
};

export type AuditEntry = {
  action: string;
  officerId: string | null;
  deviceId: string | null;
  documentId: string | null;
  fields: readonly string[];
};

export type ServerObservation = {
  /** Every complaint of the instansi, as stored. */
  complaints: Complaint[];
  /** Every timeline event of the instansi, as stored. */
  events: ComplaintEvent[];
  audit: AuditEntry[];
  /** When the run began: complaints last written before it carry the seed's writer. */
  since: number;
  /** What each officer's pull returns: the scope a device of theirs must equal. */
  scopes: Record<string, ServerScope>;
};

/** Audit actions the server records for an accepted timeline event. */
const EVENT_ACCEPTED_ACTIONS = ['event_appended', 'identity_revealed'];

const complaintsById = (list: readonly Complaint[]) => new Map(list.map((c) => [c.id, c]));

/** The parts of an event its officer wrote (the rest the server sets). */
function authoredContent(event: ComplaintEvent) {
  return {
    complaintId: event.complaintId,
    kind: event.kind,
    reason: event.reason,
    reasonCode: event.reasonCode,
    targetUnitId: event.targetUnitId,
    officerId: event.officerId,
    attachments: event.attachments.map((file) => file.id).sort(),
  };
}

function differingFields(stored: ComplaintEvent, refusedText: string): string[] {
  let refused: Record<string, unknown>;
  try {
    refused = JSON.parse(refusedText) as Record<string, unknown>;
  } catch {
    return ['(unreadable)'];
  }
  return Object.keys({ ...stored, ...refused }).filter(
    (key) => !isDeepStrictEqual((stored as Record<string, unknown>)[key], refused[key]),
  );
}

/** Every event the officers wrote is stored once with its content, or refused to its officer. */
function checkEvents(actions: readonly DeviceAction[], server: ServerObservation): string[] {
  const problems: string[] = [];
  const stored = new Map(server.events.map((event) => [event.id, event]));
  for (const action of actions) {
    if (action.kind !== 'event') continue;
    const { event } = action;
    const refusals = (server.scopes[action.officerId]?.rejections ?? []).filter(
      (rejection) => rejection.documentId === event.id,
    );
    const found = stored.get(event.id);
    const where = `event ${event.id} (${event.kind}, step ${action.step}, ${action.device})`;
    if (!found && refusals.length === 0)
      problems.push(`${where}: neither on the server nor refused`);
    if (found && refusals.length > 0)
      problems.push(
        `${where}: both stored and refused (${refusals[0]!.reasonCode}: ${refusals[0]!.reason}; refused fields differing from the stored: ${differingFields(found, refusals[0]!.refusedDocument).join(', ')})`,
      );
    if (found && !isDeepStrictEqual(authoredContent(found), authoredContent(event)))
      problems.push(`${where}: stored with other content`);
    // A retried push must not store the same writing under a second id.
    const copies = server.events.filter(
      (other) => other.reason === event.reason && other.complaintId === event.complaintId,
    ).length;
    if (copies > 1) problems.push(`${where}: applied ${copies} times`);
  }
  return problems;
}

/**
 * Every edit's last value per field (earlier ones its own device overwrote) is on the server,
 * was accepted from its device and later overwritten, was refused, or waits on the officer's
 * conflict screen. Acceptance is per device: the officer's other device writing the same field
 * does not account for this one's edit (refusals are shown to the officer, on every device),
 * unless that device wrote the same value and was accepted: then the server held the value when
 * this edit arrived, the edit changed nothing (the audit names only fields a write changes) and
 * a later write overwrote the value.
 */
function checkEdits(
  actions: readonly DeviceAction[],
  server: ServerObservation,
  devices: readonly DeviceObservation[],
): string[] {
  const last = new Map<string, { action: DeviceAction & { kind: 'write' }; value: unknown }>();
  for (const action of actions) {
    if (action.kind !== 'write') continue;
    for (const field of EDIT_FIELDS) {
      if (field in action.patch)
        last.set(`${action.device}|${action.complaintId}|${field}`, {
          action,
          value: action.patch[field],
        });
    }
  }
  const final = complaintsById(server.complaints);
  const acceptedFrom = (
    write: DeviceAction & { kind: 'write' },
    complaintId: string,
    field: EditField,
  ) =>
    server.audit.some(
      (entry) =>
        entry.action === 'write_accepted' &&
        entry.officerId === write.officerId &&
        entry.deviceId === write.deviceId &&
        entry.documentId === complaintId &&
        entry.fields.includes(field),
    );
  const problems: string[] = [];
  for (const [key, { action, value }] of last) {
    const field = key.split('|')[2] as EditField;
    const { complaintId, officerId } = action;
    if (final.get(complaintId)?.[field] === value) continue;
    if (acceptedFrom(action, complaintId, field)) continue;
    const sameValueAccepted = actions.some(
      (other) =>
        other.kind === 'write' &&
        other.deviceId !== action.deviceId &&
        other.complaintId === complaintId &&
        field in other.patch &&
        other.patch[field] === value &&
        acceptedFrom(other, complaintId, field),
    );
    if (sameValueAccepted) continue;
    const refused = (server.scopes[officerId]?.rejections ?? []).some(
      (rejection) =>
        rejection.documentId === complaintId && rejection.targetCollection === 'complaints',
    );
    if (refused) continue;
    const waiting = devices
      .find((device) => device.device === action.device)
      ?.conflicts.some(
        (record) =>
          record.complaintId === complaintId &&
          record.conflicts.some(
            (conflict) => conflict.fields.includes(field) && conflict.ours[field] === value,
          ),
      );
    if (waiting) continue;
    // What the logs hold of this field on this complaint, to tell a lost push from a gap in
    // the checker's accounting.
    const writes = actions
      .filter(
        (other): other is DeviceAction & { kind: 'write' } =>
          other.kind === 'write' && other.complaintId === complaintId && field in other.patch,
      )
      .map(
        (other) =>
          `step ${other.step} ${other.device} ${JSON.stringify(other.patch[field])}` +
          (acceptedFrom(other, complaintId, field) ? ' (device accepted)' : ''),
      );
    problems.push(
      `edit of ${field}=${JSON.stringify(value)} on ${complaintId} (step ${action.step}, ${action.device}): lost — not on the server (${JSON.stringify(final.get(complaintId)?.[field])}), not accepted, not refused, no conflict shown; writes of ${field} there: ${writes.join('; ')}`,
    );
  }
  return problems;
}

function describeDifference(a: readonly { id: string }[], b: readonly { id: string }[]) {
  const inA = new Set(a.map((item) => item.id));
  const inB = new Set(b.map((item) => item.id));
  return {
    extra: [...inA].filter((id) => !inB.has(id)),
    missing: [...inB].filter((id) => !inA.has(id)),
  };
}

function compareCollection<T extends { id: string }>(
  device: string,
  name: string,
  local: readonly T[],
  server: readonly T[],
): string[] {
  const problems: string[] = [];
  const { extra, missing } = describeDifference(local, server);
  if (extra.length) problems.push(`${device}: ${name} it should not hold: ${extra.join(', ')}`);
  if (missing.length) problems.push(`${device}: ${name} missing: ${missing.join(', ')}`);
  const byId = new Map(server.map((item) => [item.id, item]));
  for (const item of local) {
    const master = byId.get(item.id);
    if (master && !isDeepStrictEqual(item, master)) {
      const fields = Object.keys({ ...item, ...master }).filter(
        (key) =>
          !isDeepStrictEqual(
            (item as Record<string, unknown>)[key],
            (master as Record<string, unknown>)[key],
          ),
      );
      problems.push(
        `${device}: ${name} ${item.id} differs from the server in ${fields.join(', ')}`,
      );
    }
  }
  return problems;
}

/** Each device holds exactly its officer's scope, as the server holds it, with nothing pending. */
function checkDevices(devices: readonly DeviceObservation[], server: ServerObservation): string[] {
  const problems: string[] = [];
  const stored = complaintsById(server.complaints);
  for (const device of devices) {
    const scope = server.scopes[device.officerId];
    if (!scope) {
      problems.push(`${device.device}: no server scope for officer ${device.officerId}`);
      continue;
    }
    if (device.pending.length !== 0)
      problems.push(`${device.device}: writes still pending: ${device.pending.join(', ')}`);
    problems.push(
      ...compareCollection(device.device, 'complaint', device.complaints, scope.complaints),
      ...compareCollection(device.device, 'event', device.events, scope.events),
      ...compareCollection(device.device, 'refusal', device.rejections, scope.rejections),
    );
    // The scope itself, judged from the stored rows and not from the server's own pull.
    for (const complaint of device.complaints) {
      if (device.role !== 'admin_instansi' && complaint.reporter)
        problems.push(
          `${device.device}: reporter identity of ${complaint.id} on a ${device.role} device`,
        );
      if (device.role === 'penghubung' && stored.get(complaint.id)?.unitId !== device.unitId)
        problems.push(`${device.device}: holds ${complaint.id} of another OPD`);
    }
    if (device.role !== 'penghubung' && device.complaints.length !== server.complaints.length)
      problems.push(
        `${device.device}: holds ${device.complaints.length} of the instansi's ${server.complaints.length} complaints`,
      );
    const held = new Set(device.complaints.map((complaint) => complaint.id));
    for (const complaint of device.complaints) {
      const timeline = server.events.filter((event) => event.complaintId === complaint.id);
      const local = device.events.filter((event) => event.complaintId === complaint.id);
      if (device.role === 'admin_instansi' && timeline.length !== local.length)
        problems.push(
          `${device.device}: timeline of ${complaint.id} has ${local.length} of ${timeline.length} events`,
        );
    }
    for (const event of device.events) {
      if (!held.has(event.complaintId))
        problems.push(`${device.device}: event ${event.id} of a complaint it does not hold`);
    }
    if (!isDeepStrictEqual(device.rakorda, scope.rakorda))
      problems.push(`${device.device}: RAKORDA figures differ from the server's`);
  }
  return problems;
}

/** The audit log records every accepted event, every refusal, and the last writer of each complaint. */
function checkAudit(actions: readonly DeviceAction[], server: ServerObservation): string[] {
  const problems: string[] = [];
  const has = (action: string, officerId: string, documentId: string) =>
    server.audit.some(
      (entry) =>
        (entry.action === action ||
          (action === 'write_accepted' && EVENT_ACCEPTED_ACTIONS.includes(entry.action))) &&
        entry.officerId === officerId &&
        entry.documentId === documentId,
    );
  const written = new Set(
    actions.flatMap((action) => (action.kind === 'event' ? [action.event.id] : [])),
  );
  for (const event of server.events) {
    if (written.has(event.id) && !has('write_accepted', event.officerId, event.id))
      problems.push(`audit: no write_accepted for event ${event.id}`);
  }
  for (const [officerId, scope] of Object.entries(server.scopes)) {
    for (const rejection of scope.rejections) {
      if (!has('write_refused', officerId, rejection.documentId))
        problems.push(`audit: no write_refused for ${rejection.documentId} of ${officerId}`);
    }
  }
  const officers = new Set(actions.map((action) => action.officerId));
  for (const complaint of server.complaints) {
    if (
      complaint.updatedAt >= server.since &&
      officers.has(complaint.updatedBy) &&
      !has('write_accepted', complaint.updatedBy, complaint.id)
    )
      problems.push(`audit: no write_accepted for ${complaint.id} by ${complaint.updatedBy}`);
  }
  return problems;
}

/**
 * The soak's verdict (pure): every problem found, empty when the promise held — every edit and
 * event applied on the server (once) or refused to its officer, every device equal to the
 * server within its scope, every accepted and refused write audited, the same RAKORDA figures.
 */
export function checkSoakConvergence(
  actions: readonly DeviceAction[],
  devices: readonly DeviceObservation[],
  server: ServerObservation,
): string[] {
  return [
    ...checkEvents(actions, server),
    ...checkEdits(actions, server, devices),
    ...checkDevices(devices, server),
    ...checkAudit(actions, server),
  ];
}
