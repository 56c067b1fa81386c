import { describe, expect, it } from 'vitest';
import { computeRakordaFigures } from '../../../shared/reports/compute-rakorda-figures.ts';
import { rakordaTables } from '../../../shared/reports/report-tables.ts';
import { parseRegionCode, regencyCodeOf } from '../../../shared/regions/region-code.ts';
import { createPlaceLookup, placeText } from '../../../shared/regions/region-directory.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const wita = (local: string) => Date.parse(`${local}+08:00`);
const NOW = wita('2026-11-18T10:00');
const REGENCIES = [
  ['64.71', 'Kota Balikpapan'],
  ['64.72', 'Kota Samarinda'],
] as const;

function complaint(id: string, regionCode: string, change: Partial<Complaint> = {}): Complaint {
  return sampleComplaint({
    id,
    trackingNumber: `KALTIM-T-${id}`,
    regionCode,
    receivedAt: wita('2026-11-16T09:00'),
    ...change,
  });
}

function figures(complaints: Complaint[]) {
  return computeRakordaFigures({
    complaints,
    events: [],
    period: { from: '2026-11-01', to: '2026-11-30', unitIds: [] },
    calendar: { utcOffsetMinutes: 480, holidays: new Set() },
    slaRuleSets: [],
    units: [],
    categories: [],
    regencies: REGENCIES,
    now: NOW,
    dataAsOf: NOW,
  });
}

describe('region codes', () => {
  it('splits a village code into its province, regency and district', () => {
    expect(parseRegionCode('64.72.01.1001')).toEqual({
      province: '64',
      regency: '64.72',
      district: '64.72.01',
      village: '64.72.01.1001',
      regencyKind: 'kota',
    });
    expect(parseRegionCode('64.02.01.2001')?.regencyKind).toBe('kabupaten');
    for (const bad of ['64.72.01', '64-72-01-1001', ' 64.72.01.1001', '64.72.01.1001\n', ''])
      expect(parseRegionCode(bad), JSON.stringify(bad)).toBeNull();
    expect(regencyCodeOf('bukan kode')).toBe('');
  });

  it('names a village, its kecamatan and kabupaten/kota from a region directory', () => {
    const lookup = createPlaceLookup({
      region: '64',
      source: 'test',
      regencies: [['64.72', 'Kota Samarinda']],
      districts: [['64.72.01', 'Palaran']],
      villages: [['64.72.01.1001', 'Rawa Makmur']],
    });
    expect(placeText(lookup, '64.72.01.1001')).toBe('Rawa Makmur, Palaran, Kota Samarinda');
    expect(lookup.placeOf('64.72.01.1002')).toBeNull();
    expect(placeText(createPlaceLookup(null), '64.72.01.1001')).toBe('');
  });
});

describe('RAKORDA figures by kabupaten/kota', () => {
  it('counts each report under the kabupaten/kota of its village code, most reports first', () => {
    const result = figures([
      complaint('a', '64.71.01.1001', { status: 'selesai', unitId: 'unit-pupr' }),
      complaint('b', '64.72.01.1001', { status: 'ditindaklanjuti', unitId: 'unit-pupr' }),
      complaint('c', '64.72.02.1003', { status: 'didisposisi', unitId: 'unit-pupr' }),
      complaint('d', '64.72.01.1002', { status: 'diarsipkan', unitId: '' }),
      complaint('e', '63.01.01.2001', { status: 'belum_diverifikasi', unitId: '' }),
    ]);
    expect(
      result.regencies.map((row) => [row.regencyCode, row.name, row.received, row.base]),
    ).toEqual([
      ['64.72', 'Kota Samarinda', 3, 2],
      ['63.01', '63.01', 1, 1],
      ['64.71', 'Kota Balikpapan', 1, 1],
    ]);
    const samarinda = result.regencies[0]!;
    expect(samarinda.resolved).toBe(1);
    expect(samarinda.inProcess).toBe(1);
    expect(samarinda.handledRate.percent).toBe(100);
    expect(samarinda.completionRate.percent).toBe(50);
    // The regencies add up to the instansi.
    expect(result.regencies.reduce((sum, row) => sum + row.received, 0)).toBe(
      result.received.total,
    );
  });

  it('counts a report overdue under its kabupaten/kota as the instansi total does', () => {
    const result = figures([
      complaint('late', '64.71.01.1001', {
        status: 'belum_diverifikasi',
        unitId: '',
        dueAt: wita('2026-11-17T23:59'),
      }),
      complaint('fine', '64.72.01.1001', {
        status: 'belum_diverifikasi',
        unitId: '',
        dueAt: wita('2026-11-19T23:59'),
      }),
    ]);
    expect(result.regencies.map((row) => [row.regencyCode, row.overdue])).toEqual([
      ['64.71', 1],
      ['64.72', 0],
    ]);
    expect(result.overdue.total).toBe(1);
  });

  it('prints and exports the kabupaten/kota table with the same rows', () => {
    const result = figures([complaint('a', '64.72.01.1001', { status: 'selesai', unitId: 'x' })]);
    const table = rakordaTables(result).find((candidate) => candidate.id === 'regencies');
    expect(table?.rows).toEqual([['Kota Samarinda', '64.72', 1, 1, 0, 0, 100, 100, 0]]);
  });
});
