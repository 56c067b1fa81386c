import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/config.ts';
import { startServer } from '../../../server/start-server.ts';

describe('a server on the embedded database', () => {
  it('has its tables analyzed by the time it listens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lapor-upkeep-'));
    const running = await startServer(
      readServerConfig({
        LAPOR_DATA_DIR: dataDir,
        PORT: '0',
        LAPOR_DEMO_COMPLAINTS: '150',
        LOG_LEVEL: 'silent',
      }),
    );
    try {
      const estimates = await running.db.query<{ name: string; rows: number }>(
        `SELECT relname AS name, reltuples::float8 AS rows FROM pg_class
          WHERE relname IN ('complaints', 'complaint_events') ORDER BY relname`,
      );
      const held = await running.db.query<{ count: number }>(
        'SELECT count(*)::integer AS count FROM complaints',
      );
      expect(estimates.map((table) => table.name)).toEqual(['complaint_events', 'complaints']);
      // Never analyzed, a table's estimate is -1.
      expect(estimates.every((table) => table.rows > 0)).toBe(true);
      expect(estimates.find((table) => table.name === 'complaints')!.rows).toBe(held[0]!.count);
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
