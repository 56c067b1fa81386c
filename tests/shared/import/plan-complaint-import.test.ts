import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../../shared/import/parse-csv.ts';
import { planComplaintImport } from '../../../shared/import/plan-complaint-import.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../server/fixtures/import/${name}`, import.meta.url), 'utf8');

const context = {
  existingTrackingNumbers: new Set(['KALTIM-2401-00006']),
  categoryIdByCode: new Map([
    ['infrastruktur', 'cat-infrastruktur'],
    ['kesehatan', 'cat-kesehatan'],
    ['pendidikan', 'cat-pendidikan'],
  ]),
  unitIdByCode: new Map([
    ['DINKES', 'unit-dinkes'],
    ['DISDIKBUD', 'unit-disdikbud'],
  ]),
  instansi: { prefix: 'KALTIM', utcOffsetMinutes: 480 },
  now: Date.parse('2026-11-20T00:00:00Z'),
};

describe('parseCsv', () => {
  it('reads quoted separators, doubled quotes and line breaks, with ; or , and a BOM', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;1";"say ""hi"""\n"two\nlines";\n\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseCsv('a,b\n1,"2,3"')).toEqual([
      ['a', 'b'],
      ['1', '2,3'],
    ]);
  });

  it('keys records by the header', () => {
    expect(csvRecords('a;b\n1;2\n3')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '' },
    ]);
  });
});

describe('planComplaintImport', () => {
  it('classifies every row of the CSV fixture: create, skip (duplicates) or reject with row and reason', () => {
    const plan = planComplaintImport(csvRecords(fixture('complaints.csv')), context, 2);
    expect(plan.create.map(({ row, complaint }) => [row, complaint.trackingNumber])).toEqual([
      [2, 'KALTIM-2401-00001'],
      [3, 'KALTIM-2401-00002'],
    ]);
    expect(plan.create[0]?.complaint).toMatchObject({
      body: 'Jalan berlubang; sudah tiga bulan.\nMohon segera diperbaiki.',
      categoryId: 'cat-infrastruktur',
      unitId: '',
      receivedAt: Date.parse('2024-01-15T01:30:00Z'),
      reporterName: 'Budi Impor Santoso',
    });
    expect(plan.create[1]?.complaint).toMatchObject({ unitId: 'unit-dinkes', anonim: true });
    expect(plan.skip).toEqual([
      {
        row: 4,
        trackingNumber: 'KALTIM-2401-00001',
        reason: expect.stringMatching(/dua kali|lebih dari sekali/),
      },
      { row: 8, trackingNumber: 'KALTIM-2401-00006', reason: expect.stringMatching(/sudah ada/) },
    ]);
    expect(plan.reject.map(({ row, trackingNumber }) => [row, trackingNumber])).toEqual([
      [5, 'KALTIM-2401-00003'],
      [6, 'KALTIM-2401-00004'],
      [7, 'KALTIM-2401-00005'],
    ]);
    expect(plan.reject[0]?.reason).toMatch(/kategori "perikanan"/);
    expect(plan.reject[1]?.reason).toMatch(/memerlukan OPD/);
    expect(plan.reject[2]?.reason).toMatch(/regionCode/);
  });

  it('classifies the JSON fixture: unknown type and a future arrival are rejected', () => {
    const rows = JSON.parse(fixture('complaints.json')) as unknown[];
    const plan = planComplaintImport(rows, context, 1);
    expect(plan.create.map((each) => each.row)).toEqual([1]);
    expect(plan.create[0]?.complaint.priority).toBe('sedang');
    expect(plan.reject.map((each) => each.row)).toEqual([2, 3]);
    expect(plan.reject[0]?.reason).toMatch(/type/);
    expect(plan.reject[1]?.reason).toMatch(/masa depan/);
  });

  it('rejects rows that are not objects, naming the row', () => {
    const plan = planComplaintImport(['teks', null, 42], context, 1);
    expect(plan.reject.map((each) => each.row)).toEqual([1, 2, 3]);
    expect(plan.create).toEqual([]);
  });
});

describe('imported tracking numbers must be of the instansi’s own form', () => {
  const base = {
    title: 'Jalan berlubang di depan pasar',
    body: 'Jalan berlubang.',
    type: 'pengaduan',
    channel: 'web',
    category: 'infrastruktur',
    status: 'belum_diverifikasi',
    regionCode: '64.72.01.1001',
    receivedAt: '2026-11-30T20:00:00+08:00',
  };
  it.each([
    ['KALTIM-2611-99999999999999999999', /5 sampai 7 angka/],
    ['KALTIM-2611-0042', /5 sampai 7 angka/],
    ['KALTIM-2611-00000', /tidak boleh 0/],
    ['SEMARANG-2611-00042', /diawali KALTIM-/],
    ['KALTIM-2612-00042', /bulan/],
    ['KALTIM-261-00042', /berbentuk KALTIM-2611-NNNNN/],
  ])('refuses %s naming the row and why', (trackingNumber, why) => {
    const plan = planComplaintImport([{ ...base, trackingNumber }], context, 2);
    expect(plan.create).toEqual([]);
    expect(plan.reject).toEqual([{ row: 2, trackingNumber, reason: expect.stringMatching(why) }]);
  });

  it('takes the month in the instansi’s time zone and serials of 5 to 7 digits', () => {
    const plan = planComplaintImport(
      [
        { ...base, trackingNumber: 'KALTIM-2611-00042' },
        { ...base, trackingNumber: 'KALTIM-2611-9999999' },
        // 23:30 UTC on 30 November is already December in WITA.
        { ...base, trackingNumber: 'KALTIM-2612-00043', receivedAt: '2026-11-30T23:30:00Z' },
      ],
      { ...context, now: Date.parse('2026-12-02T00:00:00Z') },
      1,
    );
    expect(plan.reject).toEqual([]);
    expect(plan.create.map((each) => each.row)).toEqual([1, 2, 3]);
  });
});
