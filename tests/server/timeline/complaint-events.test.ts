import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import { COMPLAINT_STATUSES } from '../../../shared/domain/complaint-status.ts';
import {
  planTriageAction,
  type TriageActionInput,
} from '../../../shared/domain/plan-triage-action.ts';
import { ROLES, type Role } from '../../../shared/domain/roles.ts';
import {
  COMPLAINT_EVENT_KINDS,
  TRIAGE_ACTION_RULES,
  TRIAGE_ACTIONS,
  type TriageActionKind,
} from '../../../shared/domain/triage.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import {
  complaintEventSchema,
  type ComplaintEvent,
} from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { changeCounter, pull, pullAll, pushComplaints } from '../support/replication-client.ts';

const NOW = SEED_NOW + 4 * 3_600_000;
const DEVICE_TIME = NOW - 10 * 60_000;

const USERNAME: Record<Role, string> = {
  admin_instansi: 'admin.kaltim',
  penghubung: 'pupr.kaltim',
  koordinator: 'koordinator.kaltim',
};

let server: TestServer;
const sessions = {} as Record<Role, SessionResponse>;
/** A penghubung of another OPD than the PUPR one above. */
let otherPenghubung: SessionResponse;
let complaints: WireDocument<Complaint>[] = [];
let activeUnitIds: Set<string>;
const taken = new Set<string>();
const rejectionCheckpoints = new Map<string, { seq: number }>();
/** An event the admin appended before the tests, on a complaint of the PUPR OPD. */
let stored: WireDocument<ComplaintEvent>;

beforeAll(async () => {
  server = await startTestServer({ complaints: 300, app: { now: () => NOW } });
  for (const role of ROLES) sessions[role] = await server.login(USERNAME[role]);
  otherPenghubung = await server.login('dinkes.kaltim');
  for (const session of [...Object.values(sessions), otherPenghubung]) {
    rejectionCheckpoints.set(session.officer.id, { seq: 0 });
  }
  const admin = sessions.admin_instansi;
  complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 500)).documents;
  const units = await pullAll<{ id: string; active: boolean }>(server.app, admin, 'units');
  activeUnitIds = new Set(units.documents.filter((unit) => unit.active).map((unit) => unit.id));

  const [event] = plan('redispose', pupr('didisposisi'));
  if (!event) throw new Error('redispose planned no event');
  const response = await pushEvents(admin, [{ newDocumentState: { ...event, _deleted: false } }]);
  if (response.json().length !== 0) throw new Error(`setup event refused: ${response.body}`);
  stored = await pulledEvent(admin, event.id);
});
afterAll(() => server.close());

function pushEvents(
  session: SessionResponse,
  rows: {
    assumedMasterState?: WireDocument<ComplaintEvent>;
    newDocumentState: WireDocument<ComplaintEvent>;
  }[],
) {
  return server.app.inject({
    method: 'POST',
    url: '/api/replication/complaint_events/push',
    payload: rows,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
}

/** A complaint of the PUPR OPD in `status` that no other test of this file uses. */
function pupr(status: Complaint['status']): WireDocument<Complaint> {
  const found = complaints.find(
    (doc) => doc.unitId === 'unit-pupr' && doc.status === status && !taken.has(doc.id),
  );
  if (!found) throw new Error(`the fixture has no unused PUPR complaint in ${status}`);
  taken.add(found.id);
  return found;
}

function take(status: Complaint['status']): WireDocument<Complaint> {
  const found = complaints.find((doc) => doc.status === status && !taken.has(doc.id));
  if (!found) throw new Error(`the fixture has no unused complaint in ${status}`);
  taken.add(found.id);
  return found;
}

const INPUT: Record<TriageActionKind, (doc: Complaint) => TriageActionInput> = {
  verify_dispose: (doc) => ({
    kind: 'verify_dispose',
    unitId: 'unit-pupr',
    instruction: 'Mohon ditindaklanjuti dalam lima hari kerja.',
    privacyConfirmed: true,
    // The officer corrects the flag at verification, so a privasi event is planned too.
    anonim: !doc.anonim,
    rahasia: doc.rahasia,
  }),
  redispose: (doc) => ({
    kind: 'redispose',
    unitId: doc.unitId === 'unit-dinkes' ? 'unit-dishub' : 'unit-dinkes',
    instruction: 'Mohon ditangani oleh OPD yang berwenang.',
  }),
  hold: () => ({ kind: 'hold', missingDetails: 'Mohon lengkapi alamat kejadian.' }),
  archive: () => ({ kind: 'archive', reasonCode: 'tidak_jelas', note: '' }),
  not_authority: () => ({ kind: 'not_authority', reason: 'Kewenangan pemerintah kota.' }),
  mark_duplicate: (doc) => {
    const originalId = complaints.find((other) => other.id !== doc.id)?.id ?? '';
    return { kind: 'mark_duplicate', duplicateOfId: originalId, note: 'Sama dengan laporan lain.' };
  },
  close: () => ({ kind: 'close', note: 'Perbaikan telah selesai.' }),
  reopen: () => ({ kind: 'reopen', reason: 'Pelapor menyatakan belum diperbaiki.' }),
};

/** The timeline events the admin's workstation plans for an action on `complaint`. */
function plan(kind: TriageActionKind, complaint: Complaint): ComplaintEvent[] {
  const result = planTriageAction(
    complaint,
    INPUT[kind](complaint),
    { officer: sessions.admin_instansi.officer, now: DEVICE_TIME, newId: randomUUID },
    { activeUnitIds },
  );
  if (!result.ok) throw new Error(`cannot plan ${kind}: ${result.error}`);
  return result.events;
}

async function pulledEvent(
  session: SessionResponse,
  id: string,
): Promise<WireDocument<ComplaintEvent>> {
  const all = (await pullAll<ComplaintEvent>(server.app, session, 'complaint_events', 500))
    .documents;
  const found = all.find((event) => event.id === id);
  if (!found) throw new Error(`event ${id} is not visible to ${session.officer.username}`);
  return found;
}

/** The database row of an event, every column, as text (undefined when there is none). */
async function eventRow(id: string): Promise<string | undefined> {
  const rows = await server.db.query<{ row: unknown }>(
    'SELECT to_jsonb(e) AS row FROM complaint_events e WHERE id = $1',
    [id],
  );
  return rows[0] ? JSON.stringify(rows[0].row) : undefined;
}

async function newRejections(session: SessionResponse): Promise<WireDocument<SyncRejection>[]> {
  const checkpoint = rejectionCheckpoints.get(session.officer.id) ?? { seq: 0 };
  const page = await pull<SyncRejection>(server.app, session, 'sync_rejections', checkpoint, 200);
  rejectionCheckpoints.set(session.officer.id, page.checkpoint ?? checkpoint);
  return page.documents;
}

async function auditOf(documentId: string) {
  return server.db.query<{
    at: Date;
    officer_id: string;
    device_id: string;
    action: string;
    collection: string;
    details: Record<string, unknown>;
  }>(
    'SELECT at, officer_id, device_id, action, collection, details FROM audit_log WHERE document_id = $1 ORDER BY id',
    [documentId],
  );
}

describe('appending a new event', () => {
  it('accepts a valid event from the admin, stamped with the server time and the session officer', async () => {
    const admin = sessions.admin_instansi;
    const [event] = plan('close', pupr('ditindaklanjuti'));
    if (!event) throw new Error('close planned no event');
    // What the device claims about who and when is not what gets stored.
    const claimed = {
      ...event,
      instansiId: 'pemprov-lain',
      officerId: sessions.penghubung.officer.id,
      officerName: 'Orang Lain',
      officerRole: 'koordinator' as const,
      serverTime: 1_000,
      serverSeq: 99_999,
      _deleted: false,
    };
    const response = await pushEvents(admin, [{ newDocumentState: claimed }]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);

    const accepted = await pulledEvent(admin, event.id);
    expect(accepted).toEqual({
      ...event,
      instansiId: admin.instansi.id,
      officerId: admin.officer.id,
      officerName: admin.officer.displayName,
      officerRole: 'admin_instansi',
      deviceTime: DEVICE_TIME,
      deviceTimeTrusted: true,
      serverTime: NOW,
      serverSeq: accepted.serverSeq,
      _deleted: false,
    });
    expect(accepted.serverSeq).toBeGreaterThan(0);
    expect(accepted.serverSeq).not.toBe(99_999);
    const [row] = await server.db.query<{ device_id: string }>(
      'SELECT device_id FROM complaint_events WHERE id = $1',
      [event.id],
    );
    expect(row?.device_id).toBe('test-device');
    expect(await auditOf(event.id)).toEqual([
      expect.objectContaining({
        action: 'event_appended',
        officer_id: admin.officer.id,
        at: new Date(NOW),
        details: { kind: 'selesai', complaintId: event.complaintId },
      }),
    ]);
    expect(await newRejections(admin)).toEqual([]);

    // The PUPR officer sees the timeline of its complaint; another OPD's officer does not.
    await expect(pulledEvent(sessions.penghubung, event.id)).resolves.toMatchObject({
      id: event.id,
    });
    await expect(pulledEvent(otherPenghubung, event.id)).rejects.toThrow(/not visible/);
  });

  it('treats the same new event delivered twice as one', async () => {
    const admin = sessions.admin_instansi;
    const [event] = plan('reopen', pupr('selesai'));
    if (!event) throw new Error('reopen planned no event');
    const row = { newDocumentState: { ...event, _deleted: false } };
    expect((await pushEvents(admin, [row])).json()).toEqual([]);
    const counter = await changeCounter(server.db);
    const before = await eventRow(event.id);
    const again = await pushEvents(admin, [row]);
    // Nothing written; the stamped event comes back so the device replaces its unstamped copy.
    expect(again.json()).toEqual([
      expect.objectContaining({ id: event.id, officerId: admin.officer.id, _deleted: false }),
    ]);
    expect(again.json<{ serverSeq: number }[]>()[0]!.serverSeq).toBeGreaterThan(0);
    expect(await changeCounter(server.db)).toBe(counter);
    expect(await eventRow(event.id)).toBe(before);
    expect(await newRejections(admin)).toEqual([]);
  });
});

type EventField = Exclude<keyof ComplaintEvent, 'id'>;
const EVENT_FIELDS = Object.keys(complaintEventSchema.shape).filter(
  (field): field is EventField => field !== 'id',
);
/** Fields the device writes; the others the server stamps from the session and its clock. */
const DEVICE_FIELDS: readonly EventField[] = [
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
  'attachments',
];

/** A different, valid value for every field of an event. */
const CHANGE: { [F in EventField]: (event: ComplaintEvent) => ComplaintEvent[F] } = {
  complaintId: (event) => complaints.find((doc) => doc.id !== event.complaintId)?.id ?? 'x',
  instansiId: () => 'pemprov-lain',
  kind: (event) => COMPLAINT_EVENT_KINDS.find((kind) => kind !== event.kind) ?? 'arsip',
  fromStatus: (event) => COMPLAINT_STATUSES.find((status) => status !== event.fromStatus) ?? '',
  toStatus: (event) => COMPLAINT_STATUSES.find((status) => status !== event.toStatus) ?? '',
  targetUnitId: (event) => (event.targetUnitId === 'unit-dishub' ? 'unit-dlh' : 'unit-dishub'),
  reasonCode: (event) => `${event.reasonCode}x`,
  reason: (event) => `${event.reason} (ditulis ulang)`,
  relatedComplaintId: (event) => `${event.relatedComplaintId}lain`,
  anonim: (event) => !event.anonim,
  rahasia: (event) => !event.rahasia,
  officerId: () => 'officer-pupr-kaltim',
  officerName: (event) => `${event.officerName} (palsu)`,
  officerRole: (event) => (event.officerRole === 'koordinator' ? 'penghubung' : 'koordinator'),
  deviceTime: (event) => event.deviceTime + 60_000,
  deviceTimeTrusted: (event) => event.deviceTimeTrusted === false,
  attachments: () => [{ id: randomUUID(), name: 'foto.jpg', type: 'image/jpeg', size: 1000 }],
  serverTime: (event) => event.serverTime + 60_000,
  serverSeq: (event) => event.serverSeq + 1,
};

/**
 * Pushes a write to the stored event as `session` and checks it was refused: the answer is
 * `expected`, the row and the change counter's view of it are untouched, and the officer has an
 * append_only refusal.
 */
async function expectAppendOnly(
  session: SessionResponse,
  proposed: WireDocument<ComplaintEvent>,
  /** Stored events, or bare tombstones of what the officer may not see. */
  expected: (WireDocument<ComplaintEvent> | { id: string; _deleted: true })[],
  assumedMasterState: WireDocument<ComplaintEvent> | undefined = stored,
) {
  const before = await eventRow(stored.id);
  const response = await pushEvents(session, [{ assumedMasterState, newDocumentState: proposed }]);
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual(expected);
  expect(await eventRow(stored.id)).toBe(before);
  expect(await pulledEvent(sessions.admin_instansi, stored.id)).toEqual(stored);
  const refusals = await newRejections(session);
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatchObject({
    targetCollection: 'complaint_events',
    documentId: stored.id,
    reasonCode: 'append_only',
  });
}

describe('complaint events are append-only', () => {
  it.each(EVENT_FIELDS)(
    'refuses a change to %s of a stored event and answers with the stored event',
    async (field) => {
      await expectAppendOnly(
        sessions.admin_instansi,
        { ...stored, [field]: CHANGE[field](stored) },
        [stored],
      );
    },
  );

  it.each(DEVICE_FIELDS)(
    'refuses the device copy of a stored event with a different %s, sent again as if new',
    async (field) => {
      // The device's own, never-acknowledged copy: no server stamps and no assumed master.
      const unstamped = { ...stored, serverTime: 0, serverSeq: 0 };
      await expectAppendOnly(
        sessions.admin_instansi,
        { ...unstamped, [field]: CHANGE[field](stored) },
        [stored],
        undefined,
      );
    },
  );

  it.each(ROLES)('refuses a deletion of a stored event by the %s', async (role) => {
    await expectAppendOnly(sessions[role], { ...stored, _deleted: true }, [stored]);
  });

  it('refuses a change by a penghubung of another OPD without showing it the stored event', async () => {
    const guess = { ...stored, reason: 'isi tebakan', targetUnitId: '', _deleted: false };
    await expectAppendOnly(otherPenghubung, guess, [{ id: guess.id, _deleted: true }], undefined);
    await expectAppendOnly(
      otherPenghubung,
      { ...guess, _deleted: true },
      [{ id: guess.id, _deleted: true }],
      undefined,
    );
  });

  it('refuses a tombstone for an event the server never had, and stores nothing', async () => {
    const [event] = plan('close', pupr('ditindaklanjuti'));
    if (!event) throw new Error('close planned no event');
    const tombstone = { ...event, _deleted: true };
    const response = await pushEvents(sessions.admin_instansi, [{ newDocumentState: tombstone }]);
    expect(response.json()).toEqual([{ id: event.id, _deleted: true }]);
    expect(await eventRow(event.id)).toBeUndefined();
    expect((await newRejections(sessions.admin_instansi)).map((row) => row.reasonCode)).toEqual([
      'append_only',
    ]);
  });
});

const KIND_CASES = ROLES.flatMap((role) => TRIAGE_ACTIONS.map((action) => ({ role, action })));
const kindsSeen = new Set<string>();
let kindFixture: WireDocument<Complaint> | undefined;
let reopenFixture: WireDocument<Complaint> | undefined;

describe('event kinds each role may append', () => {
  it.each(KIND_CASES)('$role: the events of $action', async ({ role, action }) => {
    const session = sessions[role];
    const rule = TRIAGE_ACTION_RULES[action];
    // A complaint of the PUPR OPD, so the penghubung's refusal can only be about the kind; the
    // action is planned as if the complaint were in a status the action starts from.
    kindFixture ??= pupr('ditindaklanjuti');
    // A reopening moves the status on the server, which checks the complaint is closed.
    if (action === 'reopen') reopenFixture ??= pupr('selesai');
    const base = action === 'reopen' && reopenFixture ? reopenFixture : kindFixture;
    const disposed = rule.from.some(
      (status) => status !== 'belum_diverifikasi' && status !== 'ditunda',
    );
    const complaint: Complaint = {
      ...base,
      status: rule.from[0] ?? base.status,
      unitId: disposed ? base.unitId : '',
    };
    const events = plan(action, complaint).map((event) => ({ ...event, _deleted: false }));
    for (const event of events) kindsSeen.add(event.kind);
    const mayAppend = planTriageAction(
      complaint,
      INPUT[action](complaint),
      { officer: session.officer, now: DEVICE_TIME, newId: randomUUID },
      { activeUnitIds },
    ).ok;

    const response = await pushEvents(
      session,
      events.map((event) => ({ newDocumentState: event })),
    );
    expect(response.statusCode).toBe(200);
    const rows = await server.db.query<{ id: string; officer_id: string; server_time: Date }>(
      'SELECT id, officer_id, server_time FROM complaint_events WHERE id = ANY($1)',
      [events.map((event) => event.id)],
    );
    const refusals = await newRejections(session);
    if (mayAppend) {
      expect(response.json()).toEqual([]);
      expect(rows.map((row) => row.id).sort()).toEqual(events.map((event) => event.id).sort());
      for (const row of rows) {
        expect(row).toMatchObject({ officer_id: session.officer.id, server_time: new Date(NOW) });
      }
      expect(refusals).toEqual([]);
    } else {
      expect(response.json()).toEqual(events.map((event) => ({ id: event.id, _deleted: true })));
      expect(rows).toEqual([]);
      expect(refusals.map((row) => [row.documentId, row.reasonCode])).toEqual(
        events.map((event) => [event.id, 'permission']),
      );
      for (const [i, refusal] of refusals.entries()) {
        expect(refusal.reason).toContain(events[i]?.kind);
      }
    }
  });

  /** Follow-ups, notes and reveals: who may append which, on a complaint of the PUPR OPD. */
  const OTHER_KIND_CASES: {
    role: Role;
    kind: ComplaintEvent['kind'];
    accepted: boolean;
  }[] = [
    { role: 'penghubung', kind: 'tindak_lanjut', accepted: true },
    { role: 'admin_instansi', kind: 'tindak_lanjut', accepted: true },
    { role: 'koordinator', kind: 'tindak_lanjut', accepted: false },
    { role: 'penghubung', kind: 'catatan_internal', accepted: true },
    { role: 'admin_instansi', kind: 'catatan_internal', accepted: true },
    { role: 'koordinator', kind: 'catatan_internal', accepted: false },
    { role: 'admin_instansi', kind: 'identitas_dibuka', accepted: true },
    { role: 'penghubung', kind: 'identitas_dibuka', accepted: false },
    { role: 'koordinator', kind: 'identitas_dibuka', accepted: false },
    // The reporter's reply and rating come only through the server's intake.
    ...ROLES.flatMap((role) => [
      { role, kind: 'balasan_pelapor' as const, accepted: false },
      { role, kind: 'penilaian' as const, accepted: false },
    ]),
  ];
  /** Notes and reveals leave the status alone, so they can share one complaint. */
  let noteTarget: WireDocument<Complaint> | undefined;
  it.each(OTHER_KIND_CASES)(
    '$role: a $kind event is accepted: $accepted',
    async ({ role, kind, accepted }) => {
      const session = sessions[role];
      const complaint =
        kind === 'tindak_lanjut' ? pupr('didisposisi') : (noteTarget ??= pupr('didisposisi'));
      const event: WireDocument<ComplaintEvent> = {
        id: randomUUID(),
        complaintId: complaint.id,
        instansiId: complaint.instansiId,
        kind,
        fromStatus: 'didisposisi',
        toStatus: kind === 'tindak_lanjut' ? 'ditindaklanjuti' : 'didisposisi',
        targetUnitId: '',
        reasonCode: '',
        reason:
          kind === 'identitas_dibuka'
            ? ''
            : 'Petugas telah meninjau lokasi dan perbaikan dijadwalkan.',
        relatedComplaintId: '',
        anonim: complaint.anonim,
        rahasia: complaint.rahasia,
        attachments: [],
        officerId: session.officer.id,
        officerName: session.officer.displayName,
        officerRole: session.officer.role,
        deviceTime: DEVICE_TIME,
        serverTime: 0,
        serverSeq: 0,
        _deleted: false,
      };
      kindsSeen.add(event.kind);
      const response = await pushEvents(session, [{ newDocumentState: event }]);
      if (accepted) {
        expect(response.json()).toEqual([]);
        expect(await eventRow(event.id)).toBeDefined();
        expect(await newRejections(session)).toEqual([]);
      } else {
        expect(response.json()).toEqual([{ id: event.id, _deleted: true }]);
        expect(await eventRow(event.id)).toBeUndefined();
        const refusals = await newRejections(session);
        expect(refusals.map((row) => row.reasonCode)).toEqual(['permission']);
        expect(refusals[0]?.reason).toContain(kind);
      }
    },
  );

  it('exercised every event kind', () => {
    expect([...kindsSeen].sort()).toEqual([...COMPLAINT_EVENT_KINDS].sort());
  });

  it('refuses an event on a complaint the instansi does not have', async () => {
    const [event] = plan('hold', take('belum_diverifikasi'));
    if (!event) throw new Error('hold planned no event');
    const unknown = { ...event, complaintId: 'pengaduan-instansi-lain', _deleted: false };
    const response = await pushEvents(sessions.admin_instansi, [{ newDocumentState: unknown }]);
    expect(response.json()).toEqual([{ id: unknown.id, _deleted: true }]);
    expect(await eventRow(event.id)).toBeUndefined();
    expect((await newRejections(sessions.admin_instansi)).map((row) => row.reasonCode)).toEqual([
      'not_found',
    ]);
  });
});

describe('privacy flags are audited', () => {
  it('verifying with a corrected anonim flag records the change in the audit log and the timeline', async () => {
    const admin = sessions.admin_instansi;
    const master = take('belum_diverifikasi');
    const result = planTriageAction(
      master,
      INPUT.verify_dispose(master),
      { officer: admin.officer, now: DEVICE_TIME, newId: randomUUID },
      { activeUnitIds },
    );
    if (!result.ok) throw new Error(result.error.code);
    const [privasi, verification] = result.events;
    if (!privasi || !verification) throw new Error('verify_dispose planned too few events');
    expect(privasi.kind).toBe('privasi');

    const eventsResponse = await pushEvents(
      admin,
      result.events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    );
    expect(eventsResponse.json()).toEqual([]);
    const complaintResponse = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, ...result.patch } },
    ]);
    expect(complaintResponse.json()).toEqual([]);

    const after = (await pullAll<Complaint>(server.app, admin, 'complaints', 500)).documents.find(
      (doc) => doc.id === master.id,
    );
    expect(after).toMatchObject({ anonim: !master.anonim, status: 'didisposisi' });

    const complaintAudit = await auditOf(master.id);
    expect(complaintAudit).toEqual([
      {
        at: new Date(NOW),
        officer_id: admin.officer.id,
        device_id: 'test-device',
        action: 'write_accepted',
        collection: 'complaints',
        details: {
          fields: expect.arrayContaining(['status', 'unitId', 'anonim']),
          seq: after?.serverSeq,
        },
      },
    ]);
    expect(complaintAudit[0]?.details.fields).not.toContain('rahasia');

    const timeline = await pulledEvent(admin, privasi.id);
    const yn = (flag: boolean) => (flag ? 'ya' : 'tidak');
    expect(timeline).toMatchObject({
      kind: 'privasi',
      complaintId: master.id,
      fromStatus: 'belum_diverifikasi',
      toStatus: 'belum_diverifikasi',
      anonim: !master.anonim,
      rahasia: master.rahasia,
      officerId: admin.officer.id,
      serverTime: NOW,
      reason: `anonim: ${yn(master.anonim)} → ${yn(!master.anonim)}; rahasia: ${yn(master.rahasia)} → ${yn(master.rahasia)}`,
    });
    expect(await auditOf(privasi.id)).toEqual([
      expect.objectContaining({
        action: 'event_appended',
        officer_id: admin.officer.id,
        details: { kind: 'privasi', complaintId: master.id },
      }),
    ]);

    // The audit log never carries the reporter's identity.
    const auditText = JSON.stringify([...complaintAudit, ...(await auditOf(privasi.id))]);
    expect(auditText).not.toContain(master.reporter?.phone ?? '<none>');
    expect(auditText).not.toContain(master.reporter?.email ?? '<none>');
  });

  it('records a bare rahasia change by the admin with who, when, which device and which field', async () => {
    const admin = sessions.admin_instansi;
    const master = take('didisposisi');
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, rahasia: !master.rahasia } },
    ]);
    expect(response.json()).toEqual([]);
    const [{ rahasia } = { rahasia: master.rahasia }] = await server.db.query<{
      rahasia: boolean;
    }>('SELECT rahasia FROM complaints WHERE id = $1', [master.id]);
    expect(rahasia).toBe(!master.rahasia);
    expect(await auditOf(master.id)).toEqual([
      expect.objectContaining({
        at: new Date(NOW),
        officer_id: admin.officer.id,
        device_id: 'test-device',
        action: 'write_accepted',
        details: expect.objectContaining({ fields: ['rahasia'] }),
      }),
    ]);
  });

  it('refuses a penghubung clearing the anonim flag and audits the refusal', async () => {
    const penghubung = sessions.penghubung;
    const own = (
      await pullAll<Complaint>(server.app, penghubung, 'complaints', 500)
    ).documents.find((doc) => doc.anonim && !taken.has(doc.id));
    if (!own) throw new Error('the PUPR officer has no anonymous complaint in the fixture');
    taken.add(own.id);
    const response = await pushComplaints(server.app, penghubung, [
      { assumedMasterState: own, newDocumentState: { ...own, anonim: false } },
    ]);
    expect(response.json()).toEqual([own]);
    const [row] = await server.db.query<{ anonim: boolean }>(
      'SELECT anonim FROM complaints WHERE id = $1',
      [own.id],
    );
    expect(row?.anonim).toBe(true);
    expect(await auditOf(own.id)).toEqual([
      expect.objectContaining({
        officer_id: penghubung.officer.id,
        action: 'write_refused',
        details: { reason: 'permission', error: 'role_fields_forbidden' },
      }),
    ]);
  });
});
