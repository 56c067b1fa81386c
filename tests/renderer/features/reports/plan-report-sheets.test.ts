import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  planReportSheets,
  sheetNames,
  SHEET_TITLE_ROWS,
} from '../../../../renderer/src/features/reports/plan-report-sheets.ts';
import { computeRakordaFigures } from '../../../../shared/reports/compute-rakorda-figures.ts';
import { rakordaTables } from '../../../../shared/reports/report-tables.ts';
import { sampleComplaint } from '../../../support/sample-complaint.ts';

const wita = (local: string) => Date.parse(`${local}+08:00`);
const LONG_NAME = 'Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak';

const figures = computeRakordaFigures({
  complaints: [
    sampleComplaint({
      id: 'a',
      trackingNumber: 'KALTIM-2611-00001',
      unitId: 'unit-dkp3a',
      dueAt: wita('2026-11-10T23:59:59.999'),
    }),
    sampleComplaint({ id: 'b', trackingNumber: 'KALTIM-2611-00002', unitId: 'unit-dinkes' }),
  ],
  events: [],
  period: { from: '2026-11-01', to: '2026-11-30', unitIds: [] },
  calendar: { utcOffsetMinutes: 480, holidays: new Set() },
  slaRuleSets: [],
  units: [
    { id: 'unit-dkp3a', name: LONG_NAME, shortName: 'DKP3A', active: true },
    { id: 'unit-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', active: true },
  ],
  categories: [{ id: 'cat-infrastruktur', name: 'Infrastruktur', active: true }],
  now: wita('2026-11-25T10:00'),
  dataAsOf: 0,
});
const tables = rakordaTables(figures);
const CONTEXT = {
  instansiName: 'Pemerintah Provinsi Kalimantan Timur',
  period: { from: '2026-11-01', to: '2026-11-30' },
  scope: 'Seluruh OPD',
  utcOffsetMinutes: 480,
};
const sheets = planReportSheets(tables, CONTEXT);
const sheetOf = (id: string) => sheets[tables.findIndex((table) => table.id === id)]!;
type CellObject = { value?: unknown; type?: unknown; format?: string };
const cellAt = (id: string, row: number, column: number) =>
  sheetOf(id).data[SHEET_TITLE_ROWS + 1 + row]?.[column] as CellObject;

describe('sheetNames', () => {
  it('cuts long titles at a word end, with no trailing space', () => {
    expect(sheetNames(['Laporan diterima menurut jenis dan kanal'])).toEqual([
      'Laporan diterima menurut jenis',
    ]);
  });

  it('keeps names unique (case-insensitively) and at most 31 characters', () => {
    const names = sheetNames([
      'Laporan terlambat per OPD dan tahap penanganan',
      'Laporan terlambat per OPD dan tahap penanganan',
      'laporan terlambat per opd dan tahap penanganan',
      'Tren: bulanan [a/b]?',
    ]);
    expect(names).toEqual([
      'Laporan terlambat per OPD dan',
      'Laporan terlambat per OPD (2)',
      'laporan terlambat per opd (3)',
      'Tren bulanan a b',
    ]);
  });
});

describe('planReportSheets', () => {
  it('names every sheet within Excel’s rules: trimmed, ≤ 31 characters, unique', () => {
    const names = sheets.map((sheet) => sheet.sheet);
    for (const name of names) {
      expect(name).toBe(name.trim());
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(names).toContain('Laporan diterima menurut jenis');
  });

  it('heads every sheet with the instansi, the table, the period and the scope', () => {
    for (const [index, sheet] of sheets.entries()) {
      const heading = sheet.data
        .slice(0, SHEET_TITLE_ROWS)
        .map((row) => (row[0] as CellObject | undefined)?.value)
        .join('\n');
      expect(heading).toContain('Pemerintah Provinsi Kalimantan Timur');
      expect(heading).toContain(tables[index]!.title);
      expect(heading).toContain('Periode 1 November 2026 – 30 November 2026 · Seluruh OPD');
      expect(sheet.data[SHEET_TITLE_ROWS]!.map((cell) => (cell as CellObject).value)).toEqual(
        tables[index]!.columns.map((column) => column.label),
      );
      expect(sheet.stickyRowsCount).toBe(SHEET_TITLE_ROWS + 1);
    }
  });

  it('gives every column a width that fits its longest value', () => {
    const units = sheetOf('units');
    const unitsTable = tables.find((table) => table.id === 'units')!;
    expect(units.columns).toHaveLength(unitsTable.columns.length);
    const fullName = unitsTable.columns.findIndex((column) => column.label === 'Nama OPD');
    expect(units.columns[fullName]!.width).toBeGreaterThanOrEqual(LONG_NAME.length);
    for (const column of units.columns) expect(column.width).toBeGreaterThanOrEqual(6);
  });

  it('stores dates as Date cells at the instansi’s wall-clock time, numbers as formatted numbers', () => {
    const due = cellAt('overdue', 0, 4);
    expect(due.type).toBe(Date);
    expect(due.value).toBeInstanceOf(Date);
    // 10 Nov 2026 23:59 WITA, as Excel (which has no time zones) should show it.
    expect((due.value as Date).toISOString().slice(0, 16)).toBe('2026-11-10T23:59');
    expect(due.format).toBe('dd/mm/yyyy hh:mm');
    const received = cellAt('units', 0, 2);
    expect(received).toMatchObject({ value: 1, type: Number, format: '#,##0' });
    expect(cellAt('units', 0, 5)).toMatchObject({ value: 0, type: Number, format: '0.0' });
  });

  it('is accepted by the workbook writer', async () => {
    const bytes = await writeXlsxFile(sheets).toBuffer();
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
