import { describe, expect, it } from 'vitest';
import {
  decideTableUpkeep,
  type TableActivity,
} from '../../../server/maintenance/decide-table-upkeep.ts';

const table = (overrides: Partial<TableActivity>): TableActivity => ({
  name: 'complaints',
  liveRows: 10_000,
  deadRows: 0,
  changedSinceAnalyze: 0,
  analyzed: true,
  storedBytes: 800 * 8192,
  analyzedBytes: 800 * 8192,
  ...overrides,
});

describe('decideTableUpkeep', () => {
  it('analyzes a table that is not empty and was never analyzed', () => {
    // The row counters start at zero with each process.
    expect(decideTableUpkeep([table({ analyzed: false, liveRows: 0 })])).toEqual([
      { name: 'complaints', vacuum: false },
    ]);
    expect(decideTableUpkeep([table({ analyzed: false, liveRows: 0, storedBytes: 0 })])).toEqual(
      [],
    );
  });

  it('analyzes past 50 + 10% of its rows changed, not before', () => {
    expect(decideTableUpkeep([table({ changedSinceAnalyze: 1_050 })])).toEqual([]);
    expect(decideTableUpkeep([table({ changedSinceAnalyze: 1_051 })])).toEqual([
      { name: 'complaints', vacuum: false },
    ]);
    expect(decideTableUpkeep([table({ liveRows: 0, changedSinceAnalyze: 51 })])).toHaveLength(1);
  });

  it('analyzes a table grown on disk past 10% since its last analysis (counters lost in a restart)', () => {
    expect(decideTableUpkeep([table({ storedBytes: 880 * 8192 + 8 * 8192 })])).toEqual([]);
    expect(decideTableUpkeep([table({ storedBytes: 890 * 8192 })])).toEqual([
      { name: 'complaints', vacuum: false },
    ]);
    // A small table's growth by a few pages is not worth it.
    expect(decideTableUpkeep([table({ storedBytes: 6 * 8192, analyzedBytes: 1 * 8192 })])).toEqual(
      [],
    );
  });

  it('vacuums past 50 + 20% of its rows dead', () => {
    expect(decideTableUpkeep([table({ deadRows: 2_050 })])).toEqual([]);
    expect(decideTableUpkeep([table({ deadRows: 2_051 })])).toEqual([
      { name: 'complaints', vacuum: true },
    ]);
  });

  it('leaves quiet tables alone and names only the ones due', () => {
    const due = decideTableUpkeep([
      table({ name: 'units', liveRows: 40 }),
      table({ name: 'complaint_events', analyzed: false }),
      table({ name: 'sessions', liveRows: 100, deadRows: 400 }),
    ]);
    expect(due).toEqual([
      { name: 'complaint_events', vacuum: false },
      { name: 'sessions', vacuum: true },
    ]);
  });
});
