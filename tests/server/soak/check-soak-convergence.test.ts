import { describe, expect, it } from 'vitest';
import {
  checkSoakConvergence,
  type DeviceAction,
  type DeviceObservation,
  type ServerObservation,
} from './check-soak-convergence.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';

const START = Date.parse('2026-12-01T00:00:00Z');

const complaint = (id: string, change: Partial<Complaint> = {}): Complaint => ({
  id,
  instansiId: 'kaltim',
  trackingNumber: `LAP-${id}`,
  title: 'Jalan rusak di depan pasar',
  body: 'Lubang besar',
  type: 'pengaduan',
  channel: 'web',
  categoryId: 'infrastruktur',
  unitId: 'unit-pupr',
  duplicateOf: '',
  status: 'didisposisi',
  priority: 'sedang',
  anonim: false,
  rahasia: false,
  berkadarPengawasan: false,
  regionCode: '64.72.01.1001',
  locationText: '',
  receivedAt: START - 86_400_000,
  statusChangedAt: START - 86_400_000,
  dueAt: 0,
  updatedAt: START - 86_400_000,
  updatedBy: 'seed',
  serverSeq: 1,
  ...change,
});

const event = (id: string, change: Partial<ComplaintEvent> = {}): ComplaintEvent => ({
  id,
  complaintId: 'c1',
  instansiId: 'kaltim',
  kind: 'catatan_internal',
  fromStatus: 'didisposisi',
  toStatus: 'didisposisi',
  targetUnitId: '',
  reasonCode: '',
  reason: `catatan ${id}`,
  relatedComplaintId: '',
  anonim: false,
  rahasia: false,
  attachments: [],
  officerId: 'pupr',
  officerName: 'PUPR',
  officerRole: 'penghubung',
  deviceTime: START,
  serverTime: START + 1000,
  serverSeq: 10,
  ...change,
});

const refusal = (documentId: string): SyncRejection => ({
  id: `r-${documentId}`,
  officerId: 'koordinator',
  targetCollection: 'complaints',
  documentId,
  reasonCode: 'permission',
  reason: 'Peran koordinator tidak boleh mengubah: priority',
  reasonError: '',
  refusedDocument: '{}',
  identityRemoved: false,
  documentTruncated: false,
  createdAt: START + 2000,
  resolvedAt: 0,
  serverSeq: 11,
});

/** Two devices and a server that agree: a PUPR note stored, a coordinator's edit refused. */
function converged() {
  const note = event('e1');
  const stored = [
    complaint('c1', { updatedAt: START + 1000, updatedBy: 'pupr' }),
    complaint('c2', { unitId: 'unit-dinkes' }),
  ];
  const actions: DeviceAction[] = [
    {
      kind: 'event',
      step: 0,
      device: 'pupr-laptop',
      officerId: 'pupr',
      event: { ...note, serverSeq: 0, serverTime: 0 },
    },
    {
      kind: 'write',
      step: 1,
      device: 'koordinator-laptop',
      deviceId: 'd-koordinator-laptop',
      officerId: 'koordinator',
      complaintId: 'c2',
      patch: { priority: 'tinggi' },
    },
  ];
  const devices: DeviceObservation[] = [
    {
      device: 'pupr-laptop',
      officerId: 'pupr',
      role: 'penghubung',
      unitId: 'unit-pupr',
      complaints: [stored[0]!],
      events: [note],
      rejections: [],
      conflicts: [],
      pending: [],
      rakorda: { handled: 1 },
    },
    {
      device: 'koordinator-laptop',
      officerId: 'koordinator',
      role: 'koordinator',
      unitId: '',
      complaints: stored,
      events: [note],
      rejections: [refusal('c2')],
      conflicts: [],
      pending: [],
      rakorda: { handled: 2 },
    },
  ];
  const server: ServerObservation = {
    complaints: stored,
    events: [note],
    since: START,
    audit: [
      {
        action: 'event_appended',
        officerId: 'pupr',
        deviceId: 'd-pupr-laptop',
        documentId: 'e1',
        fields: [],
      },
      {
        action: 'write_accepted',
        officerId: 'pupr',
        deviceId: 'd-pupr-laptop',
        documentId: 'c1',
        fields: ['status'],
      },
      {
        action: 'write_refused',
        officerId: 'koordinator',
        deviceId: 'd-koordinator-laptop',
        documentId: 'c2',
        fields: [],
      },
    ],
    scopes: {
      pupr: { complaints: [stored[0]!], events: [note], rejections: [], rakorda: { handled: 1 } },
      koordinator: {
        complaints: stored,
        events: [note],
        rejections: [refusal('c2')],
        rakorda: { handled: 2 },
      },
    },
  };
  return { actions, devices, server };
}

describe('the soak checker', () => {
  it('finds nothing wrong in a converged state', () => {
    const { actions, devices, server } = converged();
    expect(checkSoakConvergence(actions, devices, server)).toEqual([]);
  });

  it('reports an event neither stored nor refused', () => {
    const { actions, devices, server } = converged();
    server.events = [];
    server.scopes.pupr!.events = [];
    devices[0]!.events = [];
    devices[1]!.events = [];
    server.scopes.koordinator!.events = [];
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining(
        'event e1 (catatan_internal, step 0, pupr-laptop): neither on the server nor refused',
      ),
    );
  });

  it('reports an event stored twice under two ids', () => {
    const { actions, devices, server } = converged();
    server.events = [...server.events, event('e1-copy', { reason: 'catatan e1' })];
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining('applied 2 times'),
    );
  });

  it('reports an edit lost without a refusal or a conflict', () => {
    const { actions, devices, server } = converged();
    server.scopes.koordinator!.rejections = [];
    devices[1]!.rejections = [];
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining('edit of priority="tinggi" on c2 (step 1, koordinator-laptop): lost'),
    );
  });

  it("does not take the officer's other device's accepted write for this device's edit", () => {
    const { actions, devices, server } = converged();
    server.scopes.koordinator!.rejections = [];
    devices[1]!.rejections = [];
    server.audit = [
      ...server.audit,
      {
        action: 'write_accepted',
        officerId: 'koordinator',
        deviceId: 'd-koordinator-tablet',
        documentId: 'c2',
        fields: ['priority'],
      },
    ];
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining('edit of priority="tinggi" on c2 (step 1, koordinator-laptop): lost'),
    );
    server.audit.at(-1)!.deviceId = 'd-koordinator-laptop';
    expect(checkSoakConvergence(actions, devices, server)).toEqual([]);
  });

  it('takes an edit the server already held, from another accepted device, as applied', () => {
    const { actions, devices, server } = converged();
    const admin = (step: number, device: string, anonim: boolean): DeviceAction => ({
      kind: 'write',
      step,
      device,
      deviceId: `d-${device}`,
      officerId: 'admin',
      complaintId: 'c1',
      patch: { anonim },
    });
    const acceptedAnonim = (device: string) => ({
      action: 'write_accepted',
      officerId: 'admin',
      deviceId: `d-${device}`,
      documentId: 'c1',
      fields: ['anonim'],
    });
    // The laptop sets anonim first; the tablet's same edit arrives after it and changes nothing
    // (no audit names the field for the tablet); the laptop then sets it back.
    actions.push(
      admin(2, 'admin-laptop', true),
      admin(3, 'admin-tablet', true),
      admin(4, 'admin-laptop', false),
    );
    server.audit.push(acceptedAnonim('admin-laptop'), acceptedAnonim('admin-laptop'));
    expect(checkSoakConvergence(actions, devices, server)).toEqual([]);
    // Had the laptop only ever written the other value, the tablet's edit is lost.
    (actions[2] as { patch: Partial<Complaint> }).patch = { anonim: false };
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining('edit of anonim=true on c1 (step 3, admin-tablet): lost'),
    );
    // The report lists every write of the field there, so a failing run can be read.
    expect(checkSoakConvergence(actions, devices, server)).toContainEqual(
      expect.stringContaining(
        'writes of anonim there: step 2 admin-laptop false (device accepted); step 3 admin-tablet true; step 4 admin-laptop false (device accepted)',
      ),
    );
  });

  it('reports a device diverging from the server within its scope', () => {
    const { actions, devices, server } = converged();
    devices[0]!.complaints = [
      { ...devices[0]!.complaints[0]!, priority: 'tinggi' },
      complaint('c2', { unitId: 'unit-dinkes' }),
    ];
    devices[0]!.pending = ['complaints/c1'];
    devices[1]!.complaints = [
      complaint('c1', { reporter: { name: 'Budi', phone: '', email: '' } }),
    ];
    devices[1]!.rakorda = { handled: 3 };
    const problems = checkSoakConvergence(actions, devices, server);
    expect(problems).toEqual(
      expect.arrayContaining([
        'pupr-laptop: writes still pending: complaints/c1',
        'pupr-laptop: complaint it should not hold: c2',
        'pupr-laptop: complaint c1 differs from the server in priority',
        'pupr-laptop: holds c2 of another OPD',
        'koordinator-laptop: complaint missing: c2',
        'koordinator-laptop: reporter identity of c1 on a koordinator device',
        "koordinator-laptop: holds 1 of the instansi's 2 complaints",
        "koordinator-laptop: RAKORDA figures differ from the server's",
      ]),
    );
  });

  it('reports accepted and refused writes missing from the audit log', () => {
    const { actions, devices, server } = converged();
    server.audit = [];
    expect(checkSoakConvergence(actions, devices, server)).toEqual([
      'audit: no write_accepted for event e1',
      'audit: no write_refused for c2 of koordinator',
      'audit: no write_accepted for c1 by pupr',
    ]);
  });
});
