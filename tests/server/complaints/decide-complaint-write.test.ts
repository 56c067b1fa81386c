import { describe, expect, it } from 'vitest';
import { decideComplaintWrite } from '../../../server/complaints/decide-complaint-write.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const context = {
  role: 'admin_instansi' as const,
  activeCategoryIds: new Set(['cat-infrastruktur', 'cat-sosial']),
  activeUnitIds: new Set(['unit-pupr', 'unit-dinkes']),
};
const master = sampleComplaint({ reporter: undefined });
const wire = (change: object) => ({ ...master, _deleted: false, ...change });

describe('decideComplaintWrite', () => {
  it('accepts only the fields that changed', () => {
    const decision = decideComplaintWrite(master, wire({}), wire({ priority: 'tinggi' }), context);
    expect(decision).toEqual({ kind: 'accept', changes: { priority: 'tinggi' } });
  });

  it('reports a conflict when the client based its change on an older revision', () => {
    const decision = decideComplaintWrite(
      master,
      wire({ serverSeq: 9 }),
      wire({ priority: 'tinggi' }),
      context,
    );
    expect(decision.kind).toBe('conflict');
  });

  it('treats a re-delivered change that the master already holds as nothing to do', () => {
    const decision = decideComplaintWrite(
      master,
      wire({ serverSeq: 3 }),
      wire({ serverSeq: 3 }),
      context,
    );
    expect(decision.kind).toBe('unchanged');
  });

  it('refuses deleting a complaint', () => {
    const decision = decideComplaintWrite(master, wire({}), wire({ _deleted: true }), context);
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });

  it('refuses fields outside the role’s editable set', () => {
    const decision = decideComplaintWrite(
      master,
      wire({}),
      wire({ title: 'Judul yang diganti oleh petugas' }),
      context,
    );
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });

  it('refuses a penghubung changing the priority', () => {
    const decision = decideComplaintWrite(master, wire({}), wire({ priority: 'tinggi' }), {
      ...context,
      role: 'penghubung',
    });
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });

  it('accepts an allowed status change for the admin and refuses an illegal one', () => {
    expect(
      decideComplaintWrite(
        master,
        wire({}),
        wire({ status: 'didisposisi', unitId: 'unit-dinkes' }),
        context,
      ).kind,
    ).toBe('accept');
    expect(
      decideComplaintWrite(master, wire({}), wire({ status: 'selesai' }), context),
    ).toMatchObject({
      kind: 'refuse',
      reason: { code: 'lifecycle' },
    });
  });

  it('refuses an unknown category', () => {
    const decision = decideComplaintWrite(
      master,
      wire({}),
      wire({ categoryId: 'cat-lain' }),
      context,
    );
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'validation' } });
  });

  it('refuses a document that fails the schema, naming the field', () => {
    const decision = decideComplaintWrite(master, wire({}), wire({ priority: 42 }), context);
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'validation' } });
    if (decision.kind === 'refuse') expect(decision.reason.message).toContain('priority');
  });

  it.each(['admin_instansi', 'penghubung'] as const)(
    'never accepts didisposisi → ditindaklanjuti as a status write from %s: it awaits the follow-up',
    (role) => {
      const decision = decideComplaintWrite(master, wire({}), wire({ status: 'ditindaklanjuti' }), {
        ...context,
        role,
      });
      expect(decision).toEqual({ kind: 'awaits_event', event: 'tindak_lanjut' });
    },
  );

  it('never accepts reopening selesai as a status write: it awaits the reopening event', () => {
    const closed = { ...master, status: 'selesai' as const };
    const decision = decideComplaintWrite(
      closed,
      { ...closed, _deleted: false },
      { ...closed, _deleted: false, status: 'ditindaklanjuti' },
      context,
    );
    expect(decision).toEqual({ kind: 'awaits_event', event: 'buka_kembali' });
  });

  it('accepts the rest of a write that also carries an event-driven move, without the move', () => {
    const decision = decideComplaintWrite(
      master,
      wire({}),
      wire({ status: 'ditindaklanjuti', priority: 'tinggi' }),
      context,
    );
    expect(decision).toEqual({ kind: 'accept', changes: { priority: 'tinggi' } });
  });

  it('answers a stale event-driven move with a conflict, so the device merges before it waits', () => {
    const decision = decideComplaintWrite(
      master,
      wire({ serverSeq: 1 }),
      wire({ status: 'ditindaklanjuti' }),
      context,
    );
    expect(decision.kind).toBe('conflict');
  });

  it('refuses a penghubung reopening a closed complaint: it cannot write the reopening event', () => {
    const closed = { ...master, status: 'selesai' as const };
    const decision = decideComplaintWrite(
      closed,
      { ...closed, _deleted: false },
      { ...closed, _deleted: false, status: 'ditindaklanjuti' },
      { ...context, role: 'penghubung' },
    );
    expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });
});
