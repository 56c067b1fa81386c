import { describe, expect, it } from 'vitest';
import {
  planRegionalBriefing,
  type BriefingInstansi,
} from '../../../shared/reports/plan-regional-briefing.ts';
import type { RakordaFigures } from '../../../shared/reports/compute-rakorda-figures.ts';
import { regionalBriefingTables } from '../../../shared/reports/regional-briefing-tables.ts';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
  percent: denominator ? Math.round((numerator / denominator) * 1000) / 10 : null,
  formula: '',
});

function instansi(
  id: string,
  counts: { received: number; resolved: number; inProcess: number; overdue: number },
  staffing: Partial<BriefingInstansi['staffing']> = {},
): BriefingInstansi {
  const base = counts.received;
  const figures = {
    received: { total: counts.received },
    status: { resolved: counts.resolved, inProcess: counts.inProcess, notYetProcessed: 0, base },
    rates: {
      handled: rate(counts.resolved + counts.inProcess, base),
      completion: rate(counts.resolved, base),
    },
    withinDeadline: { verification: rate(1, 2), firstFollowUp: rate(1, 4) },
    overdue: { total: counts.overdue, items: [{ trackingNumber: 'X-1', title: 'rahasia' }] },
  } as unknown as RakordaFigures; // only the fields the briefing reads
  return {
    id,
    name: `Pemerintah ${id}`,
    shortName: id,
    figures,
    staffing: { activeAdmins: 1, activeUnits: 3, unitsWithoutPenghubung: [], ...staffing },
  };
}

const PERIOD = { from: '2026-01-01', to: '2026-06-30', unitIds: [] };

describe('planRegionalBriefing', () => {
  it('ranks the kabupaten/kota by completion, then fewest overdue, with the province apart', () => {
    const briefing = planRegionalBriefing({
      period: PERIOD,
      generatedAt: 0,
      province: instansi('prov', { received: 59, resolved: 53, inProcess: 2, overdue: 4 }),
      members: [
        instansi('a', { received: 10, resolved: 5, inProcess: 1, overdue: 0 }),
        instansi('b', { received: 20, resolved: 10, inProcess: 0, overdue: 3 }),
        instansi('c', { received: 4, resolved: 4, inProcess: 0, overdue: 0 }),
        instansi('d', { received: 0, resolved: 0, inProcess: 0, overdue: 0 }),
      ],
    });
    expect(briefing.members.map((row) => [row.instansiId, row.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['d', null],
    ]);
    expect(briefing.province.rank).toBeNull();
    // The Kaltim 2020 figures: 55 of 59 handled, 53 of 59 completed.
    expect(briefing.province.handledRate.percent).toBe(93.2);
    expect(briefing.province.completionRate.percent).toBe(89.8);
    expect(briefing.total.received).toBe(93);
    expect(briefing.total.completionRate.percent).toBe(77.4);
    expect(briefing.total.verificationWithinDeadline).toMatchObject({
      numerator: 5,
      denominator: 10,
    });
  });

  it('marks an instansi without an active admin or with an OPD lacking a penghubung', () => {
    const briefing = planRegionalBriefing({
      period: PERIOD,
      generatedAt: 0,
      province: instansi('prov', { received: 1, resolved: 1, inProcess: 0, overdue: 0 }),
      members: [
        instansi('a', { received: 1, resolved: 1, inProcess: 0, overdue: 0 }, { activeAdmins: 0 }),
        instansi(
          'b',
          { received: 1, resolved: 0, inProcess: 0, overdue: 0 },
          { unitsWithoutPenghubung: ['Dinkes'] },
        ),
      ],
    });
    const byId = new Map(briefing.members.map((row) => [row.instansiId, row]));
    expect(byId.get('a')).toMatchObject({ hasActiveAdmin: false, staffed: false });
    expect(byId.get('b')).toMatchObject({ unitsWithoutPenghubung: ['Dinkes'], staffed: false });
    expect(briefing.province.staffed).toBe(true);
    expect(briefing.total.staffed).toBe(false);
  });

  it('keeps no complaint of the figures: only counts and rates leave', () => {
    const briefing = planRegionalBriefing({
      period: PERIOD,
      generatedAt: 0,
      province: instansi('prov', { received: 3, resolved: 1, inProcess: 1, overdue: 1 }),
      members: [],
    });
    const text = JSON.stringify([briefing, regionalBriefingTables(briefing)]);
    expect(text).not.toContain('X-1');
    expect(text).not.toContain('rahasia');
  });
});
