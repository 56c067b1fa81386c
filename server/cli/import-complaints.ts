import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { csvRecords } from '../../shared/import/parse-csv.ts';
import { readServerConfig } from '../config.ts';
import { runMigrations } from '../db/migrations.ts';
import { openDatabase } from '../db/open-database.ts';
import { importComplaints } from '../import/import-complaints.ts';

/**
 * `npm run server:import -- <file.csv|file.json> [--instansi <id>] [--apply]`
 * Without --apply it is a dry run: prints what would be created, skipped and rejected.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { instansi: { type: 'string' }, apply: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file || !/\.(csv|json)$/i.test(file)) {
  console.error('Usage: npm run server:import -- <file.csv|file.json> [--instansi <id>] [--apply]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const isCsv = /\.csv$/i.test(file);
const rows: unknown[] = isCsv ? csvRecords(text) : z.array(z.unknown()).parse(JSON.parse(text));

const config = readServerConfig(process.env);
const db = await openDatabase(config.databaseUrl, config.dataDir, config.databaseTimeouts);
try {
  await runMigrations(db);
  const instansi = await db.query<{ id: string }>(
    values.instansi ? 'SELECT id FROM instansi WHERE id = $1' : 'SELECT id FROM instansi',
    values.instansi ? [values.instansi] : [],
  );
  if (instansi.length !== 1 || !instansi[0]) {
    console.error(
      instansi.length === 0
        ? 'No such instansi in this database.'
        : 'Several instansi: name one with --instansi <id>.',
    );
    process.exitCode = 1;
  } else {
    const report = await importComplaints(
      db,
      {
        instansiId: instansi[0].id,
        rows,
        firstRowNumber: isCsv ? 2 : 1,
        dryRun: !values.apply,
        officerId: null,
        deviceId: 'import-cli',
      },
      Date.now(),
    );
    const verb = report.dryRun ? 'would create' : 'created';
    console.log(
      `${report.rows} rows: ${verb} ${report.create.length}, skipped ${report.skip.length}, rejected ${report.reject.length}`,
    );
    for (const skip of report.skip)
      console.log(`  skip   row ${skip.row} ${skip.trackingNumber}: ${skip.reason}`);
    for (const reject of report.reject)
      console.log(`  reject row ${reject.row} ${reject.trackingNumber}: ${reject.reason}`);
    if (report.dryRun) console.log('Dry run: nothing written. Add --apply to import.');
    if (report.reject.length > 0) process.exitCode = 1;
  }
} finally {
  await db.close();
}
