import { describe, expect, it } from 'vitest';
import { decideTemplateWrite } from '../../../server/templates/decide-template-write.ts';
import type { ResponseTemplate } from '../../../shared/schemas/response-template.ts';

const admin = { role: 'admin_instansi' as const, instansiId: 'pemprov-kaltim' };
const master: ResponseTemplate = {
  id: 'tpl-1',
  instansiId: 'pemprov-kaltim',
  title: 'Tanggapan awal',
  body: 'Yth. {nama_pelapor}, laporan {nomor_tiket} sedang kami tangani.',
  kind: 'tindak_lanjut',
  active: true,
  updatedAt: 1_000,
  updatedBy: 'officer-admin-kaltim',
  serverSeq: 40,
};
const wire = (change: Partial<ResponseTemplate> & { _deleted?: boolean } = {}) => ({
  ...master,
  _deleted: false,
  ...change,
});

describe('decideTemplateWrite', () => {
  it('refuses every write from a penghubung or a koordinator', () => {
    for (const role of ['penghubung', 'koordinator'] as const) {
      const decision = decideTemplateWrite(null, undefined, wire({ id: 'tpl-new' }), {
        role,
        instansiId: 'pemprov-kaltim',
      });
      expect(decision).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
    }
  });

  it('refuses a delete, even from the admin', () => {
    expect(decideTemplateWrite(master, wire(), wire({ _deleted: true }), admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'permission' },
    });
  });

  it('refuses a template for another instansi and an invalid one', () => {
    expect(
      decideTemplateWrite(null, undefined, wire({ id: 'x', instansiId: 'pemkot-lain' }), admin),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
    expect(decideTemplateWrite(null, undefined, wire({ id: 'x', body: 'pendek' }), admin)).toEqual({
      kind: 'refuse',
      reason: { code: 'validation', message: 'Isi templat minimal 10 karakter' },
    });
  });

  it('creates a new template with trimmed text and ignores the client’s author, time and change number', () => {
    const decision = decideTemplateWrite(
      null,
      undefined,
      wire({ id: 'tpl-new', title: '  Penyelesaian  ', updatedBy: 'someone', serverSeq: 999 }),
      admin,
    );
    expect(decision).toEqual({
      kind: 'create',
      values: { title: 'Penyelesaian', body: master.body, kind: 'tindak_lanjut', active: true },
    });
  });

  it('updates only from the current master state, naming the changed fields', () => {
    expect(decideTemplateWrite(master, wire(), wire({ active: false }), admin)).toEqual({
      kind: 'update',
      values: { title: master.title, body: master.body, kind: master.kind, active: false },
      fields: ['active'],
    });
    const stale = wire({ serverSeq: 39 });
    expect(decideTemplateWrite(master, stale, wire({ title: 'Judul lain' }), admin)).toEqual({
      kind: 'conflict',
    });
    expect(decideTemplateWrite(master, undefined, wire({ title: 'Judul lain' }), admin)).toEqual({
      kind: 'conflict',
    });
  });

  it('treats a re-sent change that is already the master state as done', () => {
    expect(decideTemplateWrite(master, wire({ serverSeq: 12 }), wire(), admin)).toEqual({
      kind: 'unchanged',
    });
  });
});
