import { describe, expect, it } from 'vitest';
import {
  computeRakordaFigures,
  type RakordaInput,
} from '../../../shared/reports/compute-rakorda-figures.ts';
import { rakordaTables, type ReportTable } from '../../../shared/reports/report-tables.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const wita = (local: string) => Date.parse(`${local}+08:00`);
const UNITS = [
  {
    id: 'unit-dkp3a',
    name: 'Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak',
    shortName: 'DKP3A',
    active: true,
  },
  { id: 'unit-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', active: true },
];

function figures(complaints: Complaint[]) {
  const input: RakordaInput = {
    complaints,
    events: [],
    period: { from: '2026-11-01', to: '2026-11-30', unitIds: [] },
    calendar: { utcOffsetMinutes: 480, holidays: new Set() },
    slaRuleSets: [],
    units: UNITS,
    categories: [{ id: 'cat-infrastruktur', name: 'Infrastruktur', active: true }],
    now: wita('2026-11-25T10:00'),
    dataAsOf: 0,
  };
  return computeRakordaFigures(input);
}

const tableOf = (tables: ReportTable[], id: string): ReportTable => {
  const table = tables.find((candidate) => candidate.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
const printedColumn = (table: ReportTable, label: string) =>
  table.columns.findIndex((column) => column.label === label && !column.exportOnly);

describe('rakordaTables', () => {
  const complaints = [
    sampleComplaint({ id: 'a', trackingNumber: 'KALTIM-2611-00001', unitId: 'unit-dkp3a' }),
    sampleComplaint({ id: 'b', trackingNumber: 'KALTIM-2611-00002', unitId: 'unit-dinkes' }),
    sampleComplaint({ id: 'c', status: 'diarsipkan', unitId: '', dueAt: 0 }),
  ];
  const tables = rakordaTables(figures(complaints));

  it('prints OPDs by short name, explains each in a legend and keeps the full name for exports', () => {
    const units = tableOf(tables, 'units');
    const opd = printedColumn(units, 'OPD');
    expect(units.rows.map((row) => row[opd])).toEqual(['DKP3A', 'Dinkes']);
    expect(units.columns[opd]?.wrap).toBe('never');
    const full = units.columns.findIndex((column) => column.exportOnly);
    expect(units.rows.map((row) => row[full])).toEqual([
      'Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak',
      'Dinas Kesehatan',
    ]);
    expect(units.legend).toEqual([
      {
        term: 'DKP3A',
        meaning: 'Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak',
      },
      { term: 'Dinkes', meaning: 'Dinas Kesehatan' },
    ]);
  });

  it('lists late complaints with unbroken tracking numbers and short OPD names on a wide page', () => {
    const overdue = tableOf(tables, 'overdue');
    expect(overdue.wide).toBe(true);
    const tracking = printedColumn(overdue, 'No. pelacakan');
    expect(overdue.columns[tracking]?.wrap).toBe('never');
    expect(overdue.rows.map((row) => row[tracking])).toEqual([
      'KALTIM-2611-00001',
      'KALTIM-2611-00002',
    ]);
    expect(overdue.rows.map((row) => row[printedColumn(overdue, 'OPD')])).toEqual([
      'DKP3A',
      'Dinkes',
    ]);
    expect(overdue.legend?.map((entry) => entry.term)).toEqual(['DKP3A', 'Dinkes']);
  });

  it('writes labels, never codes, in every text cell', () => {
    expect(tableOf(tables, 'archived').rows).toContainEqual(['Tidak tercatat', 1]);
    for (const table of tables)
      for (const row of table.rows)
        for (const cell of row)
          if (typeof cell === 'string') expect(cell).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });
});
