import { describe, expect, it } from 'vitest';
import {
  findUnknownPlaceholders,
  listTemplatePlaceholders,
  renderResponseTemplate,
  TEMPLATE_PLACEHOLDERS,
  type ResponseTemplateContext,
} from '../../../shared/templates/render-response-template.ts';
import { formatIndonesianLongDate } from '../../../shared/templates/format-indonesian-date.ts';
import { responseTemplateSchema } from '../../../shared/schemas/response-template.ts';
import { responseTemplateRxSchema } from '../../../renderer/src/db/replica-schemas.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const WITA = 480;

function context(change: Partial<ResponseTemplateContext> = {}): ResponseTemplateContext {
  return {
    complaint: sampleComplaint({
      trackingNumber: 'KALTIM-2611-00042',
      title: 'Jalan berlubang di Jl. Juanda',
      // 23 Nov 2026 23:30 WITA is still the 23rd there, already the 23rd in UTC too.
      receivedAt: Date.parse('2026-11-23T15:30:00Z'),
      // 16:30 UTC on the 30th is 00:30 on 1 December in WITA.
      dueAt: Date.parse('2026-11-30T16:30:00Z'),
    }),
    unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    now: Date.parse('2026-12-31T17:00:00Z'), // 1 January 2027, 01:00 WITA
    utcOffsetMinutes: WITA,
    ...change,
  };
}

describe('renderResponseTemplate', () => {
  it('fills every placeholder with the complaint’s values and Indonesian dates in the instansi’s zone', () => {
    const body = TEMPLATE_PLACEHOLDERS.map((name) => `${name}={${name}}`).join('\n');
    const { text, unknownPlaceholders } = renderResponseTemplate(body, context());
    expect(unknownPlaceholders).toEqual([]);
    expect(text.split('\n')).toEqual([
      'nomor_tiket=KALTIM-2611-00042',
      'nama_pelapor=Andi Saputra',
      'opd=Dinas Pekerjaan Umum dan Penataan Ruang',
      'judul=Jalan berlubang di Jl. Juanda',
      'tanggal_diterima=23 November 2026',
      'tanggal_hari_ini=1 Januari 2027',
      'batas_waktu=1 Desember 2026',
    ]);
  });

  it('uses the local date of the zone: the same instant is a different day in WIB and WIT', () => {
    const instant = Date.parse('2026-08-16T16:30:00Z');
    expect(formatIndonesianLongDate(instant, 420)).toBe('16 Agustus 2026');
    expect(formatIndonesianLongDate(instant, 540)).toBe('17 Agustus 2026');
  });

  it('writes "Pelapor" for an anonim complaint even when the replica holds the name', () => {
    const anonim = context({ complaint: sampleComplaint({ anonim: true }) });
    expect(renderResponseTemplate('Yth. {nama_pelapor},', anonim).text).toBe('Yth. Pelapor,');
  });

  it('writes "Pelapor" for a rahasia complaint even when the replica holds the name', () => {
    const rahasia = context({ complaint: sampleComplaint({ rahasia: true }) });
    expect(renderResponseTemplate('Yth. {nama_pelapor},', rahasia).text).toBe('Yth. Pelapor,');
  });

  it('writes "Pelapor" when the replica has no identity (a penghubung never receives it)', () => {
    const { reporter: _identity, ...withoutIdentity } = sampleComplaint();
    expect(
      renderResponseTemplate('Yth. {nama_pelapor},', context({ complaint: withoutIdentity })).text,
    ).toBe('Yth. Pelapor,');
    const blank = sampleComplaint({ reporter: { name: '  ', phone: '', email: '' } });
    expect(renderResponseTemplate('{nama_pelapor}', context({ complaint: blank })).text).toBe(
      'Pelapor',
    );
  });

  it('leaves unknown placeholders visible and reports each once, in order', () => {
    const { text, unknownPlaceholders } = renderResponseTemplate(
      'Nomor {nomor_tiket}, {nama_kepala} dan {Nomor_Tiket} serta {nama_kepala} lagi.',
      context(),
    );
    expect(text).toBe(
      'Nomor KALTIM-2611-00042, {nama_kepala} dan {Nomor_Tiket} serta {nama_kepala} lagi.',
    );
    expect(unknownPlaceholders).toEqual(['nama_kepala', 'Nomor_Tiket']);
    expect(findUnknownPlaceholders('{nama_kepala} {opd} {Nomor_Tiket} {nama_kepala}')).toEqual([
      'nama_kepala',
      'Nomor_Tiket',
    ]);
  });

  it('fills a placeholder that is repeated everywhere it appears', () => {
    const { text } = renderResponseTemplate(
      '{nomor_tiket} / {nomor_tiket} / {nomor_tiket}',
      context(),
    );
    expect(text).toBe('KALTIM-2611-00042 / KALTIM-2611-00042 / KALTIM-2611-00042');
  });

  it('inserts values literally: "$&", "$1" and braces in a value are not interpreted', () => {
    const tricky = context({
      complaint: sampleComplaint({ title: 'Biaya $& dan $1 untuk {nomor_tiket} $$' }),
      unitName: "Dinas $' Kesehatan",
    });
    const { text, unknownPlaceholders } = renderResponseTemplate('[{judul}] [{opd}]', tricky);
    expect(text).toBe("[Biaya $& dan $1 untuk {nomor_tiket} $$] [Dinas $' Kesehatan]");
    expect(unknownPlaceholders).toEqual([]);
  });

  it('leaves text without placeholders, lone braces and empty braces untouched', () => {
    const body = 'Terima kasih { } {} {nomor tiket} atas laporan Anda.';
    expect(renderResponseTemplate(body, context())).toEqual({
      text: body,
      unknownPlaceholders: [],
    });
  });

  it('writes "-" for the deadline when no clock runs', () => {
    const closed = context({ complaint: sampleComplaint({ dueAt: 0 }) });
    expect(renderResponseTemplate('{batas_waktu}', closed).text).toBe('-');
  });

  it('lists every placeholder as it is written in a template', () => {
    expect(listTemplatePlaceholders().map((entry) => entry.token)).toEqual([
      '{nomor_tiket}',
      '{nama_pelapor}',
      '{opd}',
      '{judul}',
      '{tanggal_diterima}',
      '{tanggal_hari_ini}',
      '{batas_waktu}',
    ]);
  });
});

describe('responseTemplateSchema', () => {
  const valid = {
    id: 'tpl-1',
    instansiId: 'pemprov-kaltim',
    title: 'Tanggapan awal',
    body: 'Yth. {nama_pelapor}, laporan {nomor_tiket} sedang kami tangani.',
    kind: 'tindak_lanjut',
    active: true,
    updatedAt: 0,
    updatedBy: '',
    serverSeq: 0,
  };

  it('accepts a template and refuses a short title, a short body and an unknown kind', () => {
    expect(responseTemplateSchema.safeParse(valid).success).toBe(true);
    expect(responseTemplateSchema.safeParse({ ...valid, title: 'Ok' }).success).toBe(false);
    expect(responseTemplateSchema.safeParse({ ...valid, title: '   Ok   ' }).success).toBe(false);
    expect(responseTemplateSchema.safeParse({ ...valid, body: 'Pendek' }).success).toBe(false);
    expect(responseTemplateSchema.safeParse({ ...valid, body: 'x'.repeat(4001) }).success).toBe(
      false,
    );
    expect(responseTemplateSchema.safeParse({ ...valid, kind: 'balasan' }).success).toBe(false);
  });

  it('derives an RxDB schema whose indexed fields are bounded', () => {
    expect(responseTemplateRxSchema.primaryKey).toBe('id');
    expect(responseTemplateRxSchema.properties.kind.maxLength).toBe('catatan_internal'.length);
    expect(responseTemplateRxSchema.properties.title.maxLength).toBe(120);
    expect(responseTemplateRxSchema.required).toEqual(
      expect.arrayContaining(['kind', 'title', 'active', 'body']),
    );
  });
});
