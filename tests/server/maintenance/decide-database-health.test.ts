import { describe, expect, it } from 'vitest';
import {
  decideDatabaseHealth,
  type DatabaseFacts,
} from '../../../server/maintenance/decide-database-health.ts';

const MIGRATIONS = [
  { id: 1, name: 'core' },
  { id: 2, name: 'triage' },
];
const HEALTHY: DatabaseFacts = {
  tables: [
    { name: 'instansi', rows: 1, maxSeq: null },
    { name: 'complaints', rows: 120, maxSeq: 300 },
    { name: 'complaint_events', rows: 200, maxSeq: 320 },
  ],
  changeCounter: 320,
  appliedMigrations: MIGRATIONS,
  knownMigrations: MIGRATIONS,
};

describe('decideDatabaseHealth', () => {
  it('finds nothing wrong with a consistent database', () => {
    expect(decideDatabaseHealth(HEALTHY)).toEqual({ problems: [] });
  });

  it('names a row numbered above the change counter (devices would skip later changes)', () => {
    expect(decideDatabaseHealth({ ...HEALTHY, changeCounter: 310 }).problems).toEqual([
      'complaint_events holds change number 320, above the counter 310',
    ]);
  });

  it('names a missing counter row', () => {
    expect(decideDatabaseHealth({ ...HEALTHY, changeCounter: null }).problems).toEqual([
      'change_counter row missing',
    ]);
  });

  it('names migrations not yet applied and migrations from a newer version', () => {
    const problems = decideDatabaseHealth({
      ...HEALTHY,
      appliedMigrations: [MIGRATIONS[0]!, { id: 3, name: 'from_the_future' }],
    }).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^migration 2 \(triage\) not applied/),
      expect.stringMatching(/^migration 3 \(from_the_future\) is unknown/),
    ]);
  });

  it('says how to create an instansi when there is none', () => {
    const tables = HEALTHY.tables.map((table) =>
      table.name === 'instansi' ? { ...table, rows: 0 } : table,
    );
    expect(decideDatabaseHealth({ ...HEALTHY, tables }).problems).toEqual([
      expect.stringContaining('npm run server:setup'),
    ]);
  });
});
