import { describe, expect, it } from 'vitest';
import {
  followUpInputSchema,
  followUpRefusal,
  planFollowUp,
  statusAfterFollowUp,
} from '../../../shared/domain/follow-up.ts';
import { COMPLAINT_STATUSES } from '../../../shared/domain/complaint-status.ts';
import type { Officer } from '../../../shared/schemas/officer.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const PUPR: Officer = {
  id: 'officer-pupr',
  username: 'pupr.kaltim',
  displayName: 'Penghubung PUPR',
  role: 'penghubung',
  instansiId: 'pemprov-kaltim',
  unitId: 'unit-pupr',
};
const ADMIN: Officer = { ...PUPR, id: 'officer-admin', role: 'admin_instansi', unitId: '' };
const KOORDINATOR: Officer = { ...PUPR, id: 'officer-k', role: 'koordinator', unitId: '' };
const RESPONSE = 'Tim telah meninjau lokasi dan pengerukan dijadwalkan pekan depan.';
const actor = (officer: Officer) => ({ officer, now: 1_790_000_000_000, eventId: 'e-1' });

describe('planFollowUp', () => {
  it('the first public follow-up moves didisposisi to ditindaklanjuti and stamps nothing the server owns', () => {
    const complaint = sampleComplaint({ status: 'didisposisi', unitId: 'unit-pupr' });
    const plan = planFollowUp(
      complaint,
      { kind: 'tindak_lanjut', content: `  ${RESPONSE}  `, attachments: [] },
      actor(PUPR),
    );
    expect(plan).toEqual({
      ok: true,
      patch: { status: 'ditindaklanjuti', statusChangedAt: 1_790_000_000_000 },
      event: expect.objectContaining({
        id: 'e-1',
        kind: 'tindak_lanjut',
        fromStatus: 'didisposisi',
        toStatus: 'ditindaklanjuti',
        reason: RESPONSE,
        officerId: 'officer-pupr',
        serverTime: 0,
        serverSeq: 0,
      }),
    });
  });

  it('a later public follow-up and any internal note leave the status as it is', () => {
    const followedUp = sampleComplaint({ status: 'ditindaklanjuti', unitId: 'unit-pupr' });
    const again = planFollowUp(
      followedUp,
      { kind: 'tindak_lanjut', content: RESPONSE, attachments: [] },
      actor(PUPR),
    );
    expect(again).toMatchObject({ ok: true, patch: {} });
    const note = planFollowUp(
      sampleComplaint({ status: 'didisposisi', unitId: 'unit-pupr' }),
      { kind: 'catatan_internal', content: 'Cek anggaran.', attachments: [] },
      actor(PUPR),
    );
    expect(note).toMatchObject({
      ok: true,
      patch: {},
      event: { kind: 'catatan_internal', toStatus: 'didisposisi' },
    });
  });

  it('keeps the attachment list on the event', () => {
    const attachments = [
      { id: 'a-1', name: 'foto.jpg', type: 'image/jpeg' as const, size: 120_000 },
      { id: 'a-2', name: 'berita acara.pdf', type: 'application/pdf' as const, size: 90_000 },
    ];
    const plan = planFollowUp(
      sampleComplaint({ status: 'didisposisi', unitId: 'unit-pupr' }),
      { kind: 'tindak_lanjut', content: RESPONSE, attachments },
      actor(PUPR),
    );
    expect(plan.ok && plan.event.attachments).toEqual(attachments);
  });

  it.each([
    ['a public response under 30 characters', 'tindak_lanjut', 'Sudah ditangani.', 'minimal 30'],
    ['an internal note under 5 characters', 'catatan_internal', 'ok', 'minimal 5'],
    ['only spaces', 'tindak_lanjut', ' '.repeat(40), 'minimal 30'],
    ['more than 4,000 characters', 'catatan_internal', 'x'.repeat(4001), '4.000'],
  ] as const)('refuses %s with the message the officer sees', (_label, kind, content, message) => {
    const plan = planFollowUp(
      sampleComplaint({ status: 'didisposisi', unitId: 'unit-pupr' }),
      { kind, content, attachments: [] },
      actor(PUPR),
    );
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error).toContain(message);
  });

  it('refuses more than five attachments', () => {
    const attachments = Array.from({ length: 6 }, (_, index) => ({
      id: `a-${index}`,
      name: `foto-${index}.jpg`,
      type: 'image/jpeg' as const,
      size: 1000,
    }));
    const parsed = followUpInputSchema.safeParse({
      kind: 'tindak_lanjut',
      content: RESPONSE,
      attachments,
    });
    expect(parsed.success).toBe(false);
  });
});

describe('who may post what, where', () => {
  it('a penghubung only on complaints disposed to its own OPD', () => {
    const other = sampleComplaint({ status: 'didisposisi', unitId: 'unit-dinkes' });
    expect(followUpRefusal(other, PUPR, 'catatan_internal')).toContain('OPD Anda');
    expect(followUpRefusal(other, ADMIN, 'tindak_lanjut')).toBeNull();
  });

  it('the koordinator never', () => {
    const complaint = sampleComplaint({ status: 'didisposisi', unitId: 'unit-pupr' });
    expect(followUpRefusal(complaint, KOORDINATOR, 'catatan_internal')).not.toBeNull();
    expect(followUpRefusal(complaint, KOORDINATOR, 'tindak_lanjut')).not.toBeNull();
  });

  it.each(COMPLAINT_STATUSES)('a public follow-up on a complaint in %s', (status) => {
    const complaint = sampleComplaint({ status, unitId: 'unit-pupr' });
    const allowed = status === 'didisposisi' || status === 'ditindaklanjuti';
    expect(followUpRefusal(complaint, PUPR, 'tindak_lanjut') === null).toBe(allowed);
    // A note may be written whatever the status.
    expect(followUpRefusal(complaint, PUPR, 'catatan_internal')).toBeNull();
    expect(statusAfterFollowUp(status, 'tindak_lanjut')).toBe(
      status === 'didisposisi' ? 'ditindaklanjuti' : status,
    );
    expect(statusAfterFollowUp(status, 'catatan_internal')).toBe(status);
  });
});
