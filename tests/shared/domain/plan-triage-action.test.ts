import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
} from '../../../shared/domain/complaint-status.ts';
import {
  availableTriageActions,
  planTriageAction,
  triageActionInputSchema,
  type TriageActionInput,
  type TriageActor,
} from '../../../shared/domain/plan-triage-action.ts';
import {
  ARCHIVE_REASONS,
  TRIAGE_ACTIONS,
  type TriageActionKind,
} from '../../../shared/domain/triage.ts';
import type { Officer } from '../../../shared/schemas/officer.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const admin: Officer = {
  id: 'officer-admin-kaltim',
  username: 'admin.kaltim',
  displayName: 'Rina Admin',
  role: 'admin_instansi',
  instansiId: 'pemprov-kaltim',
  unitId: '',
};
const penghubung: Officer = {
  id: 'officer-pupr',
  username: 'penghubung.pupr',
  displayName: 'Budi PUPR',
  role: 'penghubung',
  instansiId: 'pemprov-kaltim',
  unitId: 'unit-pupr',
};
const koordinator: Officer = {
  id: 'officer-koordinator',
  username: 'koordinator.kaltim',
  displayName: 'Sari Koordinator',
  role: 'koordinator',
  instansiId: 'pemprov-kaltim',
  unitId: '',
};

const NOW = Date.parse('2026-11-04T02:00:00Z');
const context = { activeUnitIds: new Set(['unit-pupr', 'unit-dinkes']) };
function actorFor(officer: Officer): TriageActor {
  let next = 0;
  return { officer, now: NOW, newId: () => `ev-${++next}` };
}

const INSTRUCTION = 'Mohon segera ditinjau dan diperbaiki oleh OPD';
/** A valid input for each action kind, as the form would submit it. */
const VALID: { [K in TriageActionKind]: Extract<TriageActionInput, { kind: K }> } = {
  verify_dispose: {
    kind: 'verify_dispose',
    unitId: 'unit-dinkes',
    instruction: INSTRUCTION,
    privacyConfirmed: true,
    anonim: false,
    rahasia: false,
  },
  redispose: {
    kind: 'redispose',
    unitId: 'unit-dinkes',
    instruction: 'Bukan ranah PUPR, mohon Dinkes menindaklanjuti',
  },
  hold: { kind: 'hold', missingDetails: 'Lokasi persis dan foto kerusakan jalan' },
  archive: { kind: 'archive', reasonCode: 'spam', note: '' },
  not_authority: { kind: 'not_authority', reason: 'Jalan nasional, wewenang Kementerian PU' },
  mark_duplicate: { kind: 'mark_duplicate', duplicateOfId: 'c-original', note: 'Laporan sama' },
  close: { kind: 'close', note: 'Perbaikan sudah selesai' },
  reopen: { kind: 'reopen', reason: 'Pelapor menyatakan lubang muncul lagi' },
};

/** The status each action leads to, per the lifecycle of DOMAIN.md. */
const TARGET: Record<TriageActionKind, ComplaintStatus> = {
  verify_dispose: 'didisposisi',
  redispose: 'didisposisi',
  hold: 'ditunda',
  archive: 'diarsipkan',
  not_authority: 'bukan_wewenang',
  mark_duplicate: 'diarsipkan',
  close: 'selesai',
  reopen: 'ditindaklanjuti',
};

/** What an admin may do in each status (DOMAIN.md lifecycle). */
const EXPECTED_ACTIONS: Record<ComplaintStatus, TriageActionKind[]> = {
  belum_diverifikasi: ['verify_dispose', 'hold', 'archive', 'not_authority', 'mark_duplicate'],
  ditunda: ['verify_dispose', 'archive', 'mark_duplicate'],
  didisposisi: ['redispose'],
  ditindaklanjuti: ['redispose', 'close'],
  selesai: ['reopen'],
  diarsipkan: [],
  bukan_wewenang: [],
};

const fresh = (change: Parameters<typeof sampleComplaint>[0] = {}) =>
  sampleComplaint({ status: 'belum_diverifikasi', unitId: '', ...change });

/** Error messages of a form input that the schema refuses, by field. */
function formErrors(input: unknown): Record<string, string[]> {
  const result = triageActionInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path.join('.');
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

describe('availableTriageActions', () => {
  it('offers an admin exactly the actions the lifecycle allows in each status', () => {
    for (const status of COMPLAINT_STATUSES) {
      const actions = availableTriageActions(sampleComplaint({ status }), admin);
      expect([...actions].sort(), status).toEqual([...EXPECTED_ACTIONS[status]].sort());
    }
  });

  it('offers nothing to a penghubung or a koordinator', () => {
    for (const officer of [penghubung, koordinator]) {
      for (const status of COMPLAINT_STATUSES) {
        expect(availableTriageActions(sampleComplaint({ status }), officer)).toEqual([]);
      }
    }
  });

  it('matches what planTriageAction accepts, for every action and status', () => {
    for (const status of COMPLAINT_STATUSES) {
      // Disposed to PUPR so that redispose to Dinkes is a real change.
      const complaint = sampleComplaint({ status, unitId: 'unit-pupr' });
      const available = availableTriageActions(complaint, admin);
      for (const kind of TRIAGE_ACTIONS) {
        const plan = planTriageAction(complaint, VALID[kind], actorFor(admin), context);
        expect(plan.ok, `${kind} from ${status}`).toBe(available.includes(kind));
      }
    }
  });
});

describe('planTriageAction refusals', () => {
  it('refuses every action to a penghubung and a koordinator, saying why', () => {
    for (const officer of [penghubung, koordinator]) {
      for (const kind of TRIAGE_ACTIONS) {
        const status =
          kind === 'close'
            ? 'ditindaklanjuti'
            : kind === 'reopen'
              ? 'selesai'
              : 'belum_diverifikasi';
        const plan = planTriageAction(fresh({ status }), VALID[kind], actorFor(officer), context);
        expect(plan).toEqual({
          ok: false,
          error: 'Hanya Admin Instansi yang dapat melakukan triase',
        });
      }
    }
  });

  it('refuses an action that does not apply to the status, naming the status', () => {
    const cases: [TriageActionKind, ComplaintStatus][] = [
      ['verify_dispose', 'didisposisi'],
      ['hold', 'ditunda'],
      ['archive', 'selesai'],
      ['not_authority', 'ditunda'],
      ['mark_duplicate', 'didisposisi'],
      ['close', 'didisposisi'],
      ['reopen', 'diarsipkan'],
      ['redispose', 'belum_diverifikasi'],
      ['verify_dispose', 'bukan_wewenang'],
    ];
    for (const [kind, status] of cases) {
      const plan = planTriageAction(fresh({ status }), VALID[kind], actorFor(admin), context);
      expect(plan, `${kind} from ${status}`).toEqual({
        ok: false,
        error: `Tindakan ini tidak berlaku untuk pengaduan berstatus ${status}`,
      });
    }
  });
});

describe('verify and dispose', () => {
  it('needs an OPD, an instruction of at least 10 characters and the privacy confirmation', () => {
    const errors = formErrors({
      ...VALID.verify_dispose,
      unitId: '',
      instruction: '   segera   ', // 6 characters once trimmed
      privacyConfirmed: false,
    });
    expect(errors.unitId).toEqual(['Pilih OPD tujuan']);
    expect(errors.instruction).toEqual(['Tulis instruksi untuk OPD (minimal 10 karakter)']);
    expect(errors.privacyConfirmed).toEqual([
      'Konfirmasi status anonim/rahasia sebelum memverifikasi',
    ]);
    expect(triageActionInputSchema.safeParse(VALID.verify_dispose).success).toBe(true);
  });

  it('refuses an OPD that is unknown or not active', () => {
    const plan = planTriageAction(
      fresh(),
      { ...VALID.verify_dispose, unitId: 'unit-dibubarkan' },
      actorFor(admin),
      context,
    );
    expect(plan).toEqual({ ok: false, error: 'OPD tujuan tidak dikenal atau tidak aktif' });
  });

  it('disposes to the OPD with the instruction and records who did it and when', () => {
    const complaint = fresh();
    const plan = planTriageAction(complaint, VALID.verify_dispose, actorFor(admin), context);
    expect(plan).toEqual({
      ok: true,
      patch: { status: 'didisposisi', unitId: 'unit-dinkes' },
      events: [
        {
          id: 'ev-1',
          complaintId: complaint.id,
          instansiId: complaint.instansiId,
          kind: 'verifikasi_disposisi',
          fromStatus: 'belum_diverifikasi',
          toStatus: 'didisposisi',
          targetUnitId: 'unit-dinkes',
          reasonCode: '',
          reason: INSTRUCTION,
          relatedComplaintId: '',
          anonim: false,
          rahasia: false,
          attachments: [],
          officerId: admin.id,
          officerName: admin.displayName,
          officerRole: 'admin_instansi',
          deviceTime: NOW,
          serverTime: 0,
          serverSeq: 0,
        },
      ],
    });
  });

  it('also works from ditunda once the reporter completed the details', () => {
    const plan = planTriageAction(
      fresh({ status: 'ditunda' }),
      VALID.verify_dispose,
      actorFor(admin),
      context,
    );
    expect(plan.ok && plan.events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      ['ditunda', 'didisposisi'],
    ]);
  });

  it('records a privacy event before the disposition when the flags change', () => {
    const plan = planTriageAction(
      fresh({ anonim: false, rahasia: false }),
      { ...VALID.verify_dispose, anonim: true, rahasia: true },
      actorFor(admin),
      context,
    );
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.patch).toEqual({
      status: 'didisposisi',
      unitId: 'unit-dinkes',
      anonim: true,
      rahasia: true,
    });
    expect(plan.events.map((event) => [event.id, event.kind])).toEqual([
      ['ev-1', 'privasi'],
      ['ev-2', 'verifikasi_disposisi'],
    ]);
    const [privacy, disposition] = plan.events;
    expect(privacy).toMatchObject({
      fromStatus: 'belum_diverifikasi',
      toStatus: 'belum_diverifikasi',
      reason: 'anonim: tidak → ya; rahasia: tidak → ya',
      anonim: true,
      rahasia: true,
    });
    expect(disposition).toMatchObject({ anonim: true, rahasia: true });
  });

  it('keeps a confidential report confidential when the admin confirms the flags unchanged', () => {
    const plan = planTriageAction(
      fresh({ anonim: true, rahasia: true }),
      { ...VALID.verify_dispose, anonim: true, rahasia: true },
      actorFor(admin),
      context,
    );
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.patch).not.toHaveProperty('anonim');
    expect(plan.patch).not.toHaveProperty('rahasia');
    expect(plan.events).toHaveLength(1);
    expect(plan.events[0]).toMatchObject({ anonim: true, rahasia: true });
  });
});

describe('redispose', () => {
  it('moves a disposed complaint to another OPD', () => {
    const plan = planTriageAction(
      fresh({ status: 'didisposisi', unitId: 'unit-pupr' }),
      VALID.redispose,
      actorFor(admin),
      context,
    );
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'didisposisi', unitId: 'unit-dinkes' },
      events: [{ kind: 'disposisi_ulang', targetUnitId: 'unit-dinkes' }],
    });
  });

  it('refuses disposing again to the OPD that already has it', () => {
    const plan = planTriageAction(
      fresh({ status: 'didisposisi', unitId: 'unit-dinkes' }),
      VALID.redispose,
      actorFor(admin),
      context,
    );
    expect(plan).toEqual({ ok: false, error: 'Pengaduan sudah didisposisikan ke OPD ini' });
  });

  it('sends a followed-up complaint back to the same OPD when the reporter is not satisfied', () => {
    const plan = planTriageAction(
      fresh({ status: 'ditindaklanjuti', unitId: 'unit-dinkes' }),
      VALID.redispose,
      actorFor(admin),
      context,
    );
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'didisposisi', unitId: 'unit-dinkes' },
      events: [{ fromStatus: 'ditindaklanjuti', toStatus: 'didisposisi' }],
    });
  });
});

describe('hold', () => {
  it('needs the details the reporter must complete', () => {
    expect(formErrors({ kind: 'hold', missingDetails: 'foto' }).missingDetails).toEqual([
      'Sebutkan data yang perlu dilengkapi pelapor (minimal 10 karakter)',
    ]);
  });

  it('puts the complaint on hold with the missing details as the reason', () => {
    const plan = planTriageAction(fresh(), VALID.hold, actorFor(admin), context);
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'ditunda' },
      events: [{ kind: 'tunda', toStatus: 'ditunda', reason: VALID.hold.missingDetails }],
    });
    expect(plan.ok && plan.patch).not.toHaveProperty('unitId');
  });
});

describe('archive', () => {
  it('needs a reason from the list', () => {
    expect(formErrors({ kind: 'archive', reasonCode: 'bosan', note: '' }).reasonCode).toEqual([
      'Pilih alasan pengarsipan',
    ]);
    for (const reasonCode of ARCHIVE_REASONS.filter((reason) => reason !== 'lainnya')) {
      const parsed = triageActionInputSchema.safeParse({ kind: 'archive', reasonCode, note: '' });
      expect(parsed.success, reasonCode).toBe(true);
    }
  });

  it('needs an explanation of at least 10 characters for "lainnya"', () => {
    expect(
      formErrors({ kind: 'archive', reasonCode: 'lainnya', note: '   iklan   ' }).note,
    ).toEqual(['Jelaskan alasan lainnya (minimal 10 karakter)']);
    const parsed = triageActionInputSchema.safeParse({
      kind: 'archive',
      reasonCode: 'lainnya',
      note: 'Promosi produk, bukan pengaduan',
    });
    expect(parsed.success).toBe(true);
  });

  it('archives with the reason code and note on the event', () => {
    const plan = planTriageAction(
      fresh({ status: 'ditunda' }),
      { kind: 'archive', reasonCode: 'tidak_dilengkapi', note: 'Tidak ada balasan 10 hari' },
      actorFor(admin),
      context,
    );
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'diarsipkan' },
      events: [
        {
          kind: 'arsip',
          fromStatus: 'ditunda',
          toStatus: 'diarsipkan',
          reasonCode: 'tidak_dilengkapi',
          reason: 'Tidak ada balasan 10 hari',
        },
      ],
    });
  });
});

describe('bukan wewenang', () => {
  it('needs a reason of at least 10 characters', () => {
    expect(formErrors({ kind: 'not_authority', reason: 'pusat' }).reason).toEqual([
      'Jelaskan mengapa bukan wewenang instansi ini (minimal 10 karakter)',
    ]);
  });

  it('returns the complaint to the national admin with the reason', () => {
    const plan = planTriageAction(fresh(), VALID.not_authority, actorFor(admin), context);
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'bukan_wewenang' },
      events: [{ kind: 'bukan_wewenang', reason: VALID.not_authority.reason }],
    });
  });
});

describe('mark duplicate', () => {
  it('needs the original complaint', () => {
    expect(
      formErrors({ kind: 'mark_duplicate', duplicateOfId: '', note: '' }).duplicateOfId,
    ).toEqual(['Pilih pengaduan aslinya']);
  });

  it('refuses a complaint as a duplicate of itself', () => {
    const complaint = fresh();
    const plan = planTriageAction(
      complaint,
      { kind: 'mark_duplicate', duplicateOfId: complaint.id, note: '' },
      actorFor(admin),
      context,
    );
    expect(plan).toEqual({
      ok: false,
      error: 'Pengaduan tidak dapat menjadi duplikat dirinya sendiri',
    });
  });

  it('archives as a duplicate, pointing at the original', () => {
    const plan = planTriageAction(fresh(), VALID.mark_duplicate, actorFor(admin), context);
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'diarsipkan', duplicateOf: 'c-original' },
      events: [
        {
          kind: 'duplikat',
          toStatus: 'diarsipkan',
          reasonCode: 'duplikat',
          relatedComplaintId: 'c-original',
          reason: 'Laporan sama',
        },
      ],
    });
  });
});

describe('close and reopen', () => {
  it('closes a followed-up complaint', () => {
    const plan = planTriageAction(
      fresh({ status: 'ditindaklanjuti', unitId: 'unit-pupr' }),
      VALID.close,
      actorFor(admin),
      context,
    );
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'selesai' },
      events: [{ kind: 'selesai', fromStatus: 'ditindaklanjuti', toStatus: 'selesai' }],
    });
  });

  it('needs a reason of at least 10 characters to reopen', () => {
    expect(formErrors({ kind: 'reopen', reason: 'belum' }).reason).toEqual([
      'Tulis alasan membuka kembali (minimal 10 karakter)',
    ]);
  });

  it('reopens a closed complaint back to ditindaklanjuti with the reason', () => {
    const plan = planTriageAction(
      fresh({ status: 'selesai', unitId: 'unit-pupr' }),
      VALID.reopen,
      actorFor(admin),
      context,
    );
    expect(plan).toMatchObject({
      ok: true,
      patch: { status: 'ditindaklanjuti' },
      events: [
        {
          kind: 'buka_kembali',
          fromStatus: 'selesai',
          toStatus: 'ditindaklanjuti',
          reason: VALID.reopen.reason,
        },
      ],
    });
  });
});

describe('every accepted plan', () => {
  it('moves to the status of the action and ends with one event of that transition', () => {
    for (const status of COMPLAINT_STATUSES) {
      const complaint = sampleComplaint({ status, unitId: 'unit-pupr' });
      for (const kind of availableTriageActions(complaint, admin)) {
        const plan = planTriageAction(complaint, VALID[kind], actorFor(admin), context);
        if (!plan.ok) throw new Error(`${kind} from ${status}: ${plan.error}`);
        expect(plan.patch.status, `${kind} from ${status}`).toBe(TARGET[kind]);
        expect(plan.events.at(-1)).toMatchObject({
          fromStatus: status,
          toStatus: TARGET[kind],
          officerId: admin.id,
          deviceTime: NOW,
          serverTime: 0,
        });
      }
    }
  });
});
