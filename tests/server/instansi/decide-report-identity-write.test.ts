import { describe, expect, it } from 'vitest';
import { decideReportIdentityWrite } from '../../../server/instansi/decide-report-identity-write.ts';
import { MAX_LOGO_DATA_URL, type ReportIdentity } from '../../../shared/schemas/report-identity.ts';

const admin = { role: 'admin_instansi' as const, instansiId: 'pemprov-kaltim' };
const master: ReportIdentity = {
  id: 'pemprov-kaltim',
  instansiId: 'pemprov-kaltim',
  letterheadName: 'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
  address: 'Jl. Gajah Mada No. 2, Samarinda',
  contact: '',
  logoDataUrl: '',
  signerTitle: 'Kepala Diskominfo',
  signerName: 'Drs. Budi Santoso',
  signerNip: '197001011990031001',
  signingCity: 'Samarinda',
  updatedAt: 1_000,
  updatedBy: 'officer-admin-kaltim',
  serverSeq: 40,
};
const wire = (change: Partial<ReportIdentity> & { _deleted?: boolean } = {}) => ({
  ...master,
  _deleted: false,
  ...change,
});

describe('decideReportIdentityWrite', () => {
  it('refuses every write from a penghubung or a koordinator', () => {
    for (const role of ['penghubung', 'koordinator'] as const) {
      const decision = decideReportIdentityWrite(master, wire(), wire({ signerName: 'X' }), {
        role,
        instansiId: 'pemprov-kaltim',
      });
      expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
    }
  });

  it("refuses an admin writing another instansi's letterhead, by id or by instansi field", () => {
    const forgedId = wire({ id: 'pemkot-lain', instansiId: 'pemkot-lain' });
    expect(decideReportIdentityWrite(null, undefined, forgedId, admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'permission' },
    });
    const mixed = wire({ id: 'pemprov-kaltim', instansiId: 'pemkot-lain' });
    expect(decideReportIdentityWrite(master, wire(), mixed, admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'permission' },
    });
    const otherId = wire({ id: 'pemkot-lain' });
    expect(decideReportIdentityWrite(null, undefined, otherId, admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'permission' },
    });
  });

  it('refuses a removal', () => {
    expect(
      decideReportIdentityWrite(master, wire(), wire({ _deleted: true }), admin),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });

  it('refuses oversized fields, a logo that is not an image and a malformed NIP', () => {
    const cases: Partial<ReportIdentity>[] = [
      { letterheadName: 'A'.repeat(201) },
      { address: 'A'.repeat(301) },
      { contact: 'A'.repeat(201) },
      { signerTitle: 'A'.repeat(121) },
      { signerName: 'A'.repeat(121) },
      { signingCity: 'A'.repeat(61) },
      { signerNip: '1'.repeat(31) },
      { signerNip: '12345' },
      { logoDataUrl: `data:image/png;base64,${'A'.repeat(MAX_LOGO_DATA_URL)}` },
      { logoDataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
      { logoDataUrl: 'javascript:alert(1)' },
    ];
    for (const change of cases) {
      expect(
        decideReportIdentityWrite(master, wire(), wire(change), admin),
        JSON.stringify(change).slice(0, 60),
      ).toMatchObject({
        kind: 'refuse',
        reason: { code: 'validation' },
      });
    }
  });

  it('accepts a NIP written with spaces and a small PNG logo', () => {
    const change = {
      signerNip: '19700101 199003 1 001',
      logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    };
    expect(decideReportIdentityWrite(master, wire(), wire(change), admin)).toEqual({
      kind: 'update',
      values: expect.objectContaining(change),
      fields: ['logoDataUrl', 'signerNip'],
    });
  });

  it('creates the letterhead when the instansi has none', () => {
    expect(decideReportIdentityWrite(null, undefined, wire(), admin)).toMatchObject({
      kind: 'create',
      values: { letterheadName: master.letterheadName, signerName: master.signerName },
    });
  });

  it('keeps fields another admin changed since this device last pulled', () => {
    // This device saw `master` and changed the signatory; meanwhile another admin changed the
    // address (the stored state is newer).
    const stored = { ...master, address: 'Jl. Baru No. 9, Samarinda', serverSeq: 41 };
    const decision = decideReportIdentityWrite(
      stored,
      wire(),
      wire({ signerName: 'Dr. Siti Rahma' }),
      admin,
    );
    expect(decision).toEqual({
      kind: 'update',
      values: expect.objectContaining({
        address: 'Jl. Baru No. 9, Samarinda',
        signerName: 'Dr. Siti Rahma',
      }),
      fields: ['signerName'],
    });
  });

  it('lets the later write win a field both admins changed', () => {
    const stored = { ...master, signerName: 'Ir. Andi', serverSeq: 41 };
    expect(
      decideReportIdentityWrite(stored, wire(), wire({ signerName: 'Dr. Siti Rahma' }), admin),
    ).toMatchObject({ kind: 'update', values: { signerName: 'Dr. Siti Rahma' } });
  });

  it('is unchanged when the write repeats what is stored (a re-sent push)', () => {
    const stored = { ...master, signerName: 'Dr. Siti Rahma', serverSeq: 41 };
    const pushed = wire({ signerName: 'Dr. Siti Rahma' });
    expect(decideReportIdentityWrite(stored, wire(), pushed, admin)).toEqual({ kind: 'unchanged' });
  });

  it('lets a device that never had the letterhead fill only blank fields', () => {
    const stored = { ...master, signerName: '', signerTitle: '' };
    const fresh = wire({
      letterheadName: 'NAMA LAMA DI PERANGKAT',
      signerName: 'Dr. Siti Rahma',
      signerTitle: 'Sekretaris Daerah',
      serverSeq: 0,
    });
    expect(decideReportIdentityWrite(stored, undefined, fresh, admin)).toEqual({
      kind: 'update',
      values: expect.objectContaining({
        letterheadName: master.letterheadName,
        signerName: 'Dr. Siti Rahma',
        signerTitle: 'Sekretaris Daerah',
      }),
      fields: ['signerTitle', 'signerName'],
    });
  });
});
