import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import {
  decideEventAdmission,
  decideEventAppend,
} from '../../../server/timeline/decide-event-append.ts';
import { decideComplaintPush } from '../../../server/complaints/decide-complaint-push.ts';

const admin = { id: 'officer-admin', role: 'admin_instansi' as const, unitId: '' };
const penghubung = { id: 'officer-pupr', role: 'penghubung' as const, unitId: 'unit-pupr' };

function reopening(change: Partial<ComplaintEvent> = {}) {
  return {
    id: 'event-1',
    complaintId: 'complaint-1',
    instansiId: 'instansi-1',
    kind: 'buka_kembali',
    fromStatus: 'selesai',
    toStatus: 'ditindaklanjuti',
    targetUnitId: '',
    reasonCode: '',
    reason: 'Pelapor menyatakan jalan masih rusak',
    relatedComplaintId: '',
    anonim: false,
    rahasia: false,
    officerId: admin.id,
    officerName: 'Admin',
    officerRole: 'admin_instansi',
    deviceTime: 1_700_000_000_000,
    serverTime: 0,
    serverSeq: 0,
    attachments: [],
    _deleted: false,
    ...change,
  } as ComplaintEvent & { _deleted: boolean };
}

describe('decideEventAdmission', () => {
  it('takes a re-delivery of the officer’s own stored event as already applied', () => {
    const stored = { ...reopening(), serverTime: 5, serverSeq: 7 };
    expect(
      decideEventAdmission(reopening(), false, admin, { event: stored, visible: true }),
    ).toEqual({ kind: 'unchanged', master: stored });
  });

  it('refuses a changed stored event, without showing one outside the officer’s scope', () => {
    const stored = { ...reopening(), serverSeq: 7 };
    const decision = decideEventAdmission(
      reopening({ reason: 'Diubah sesudahnya oleh perangkat' }),
      false,
      admin,
      {
        event: stored,
        visible: false,
      },
    );
    expect(decision).toEqual({
      kind: 'refuse',
      reason: expect.objectContaining({ code: 'append_only' }),
      master: undefined,
    });
  });

  it('takes the device’s copy from before a re-disposition renumbered the event as already applied', () => {
    // A re-disposition moved the event from change number 7 to 31; the device still holds 7.
    const stored = { ...reopening(), serverTime: 5, serverSeq: 31 };
    const copyBefore = reopening({ serverTime: 5, serverSeq: 7 });
    expect(
      decideEventAdmission(copyBefore, false, admin, { event: stored, visible: true }),
    ).toEqual({ kind: 'unchanged', master: stored });
  });

  it.each([
    ['a number the server never gave it', { serverTime: 5, serverSeq: 32 }],
    ['an older number with another server time', { serverTime: 6, serverSeq: 7 }],
  ])('refuses a stamped copy with %s', (_case, stamps) => {
    const stored = { ...reopening(), serverTime: 5, serverSeq: 31 };
    const decision = decideEventAdmission(reopening(stamps), false, admin, {
      event: stored,
      visible: true,
    });
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'append_only' } });
  });

  it('refuses a kind the role may not append', () => {
    const decision = decideEventAdmission(reopening(), false, penghubung, undefined);
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });
});

describe('decideEventAppend', () => {
  it('refuses an event whose complaint is not in the officer’s scope', () => {
    expect(decideEventAppend(reopening(), admin, undefined, [])).toMatchObject({
      kind: 'refuse',
      reason: { code: 'not_found' },
    });
  });

  it('moves a closed complaint back to ditindaklanjuti with a reopening', () => {
    const decision = decideEventAppend(
      reopening(),
      admin,
      { status: 'selesai', unitId: 'unit-pupr' },
      [],
    );
    expect(decision).toEqual({
      kind: 'append',
      fromStatus: 'selesai',
      toStatus: 'ditindaklanjuti',
      statusMove: 'ditindaklanjuti',
    });
  });

  it('refuses a reopening of a complaint that is not closed', () => {
    const decision = decideEventAppend(
      reopening(),
      admin,
      { status: 'didisposisi', unitId: 'unit-pupr' },
      [],
    );
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'lifecycle' } });
  });
});

describe('decideComplaintPush', () => {
  const facts = { duplicateOriginalFound: true, answered: true };

  it('refuses closing a complaint that has no public follow-up yet', () => {
    const accept = { kind: 'accept' as const, changes: { status: 'selesai' as const } };
    expect(decideComplaintPush(accept, { ...facts, answered: false }, 3, 3)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'lifecycle' },
    });
    expect(decideComplaintPush(accept, facts, 3, 3)).toEqual({
      kind: 'write',
      changes: accept.changes,
    });
  });

  it('refuses a duplicate mark whose original is not found', () => {
    const accept = { kind: 'accept' as const, changes: { duplicateOf: 'complaint-0' } };
    expect(
      decideComplaintPush(accept, { ...facts, duplicateOriginalFound: false }, 3, 3),
    ).toMatchObject({
      kind: 'refuse',
      reason: { code: 'validation' },
    });
  });

  it('answers a re-delivery with the master only when the device holds another revision', () => {
    expect(decideComplaintPush({ kind: 'unchanged' }, facts, 3, 3)).toEqual({
      kind: 'answer',
      accepted: true,
      sendMaster: false,
    });
    expect(decideComplaintPush({ kind: 'unchanged' }, facts, 2, 3)).toMatchObject({
      sendMaster: true,
    });
  });
});
