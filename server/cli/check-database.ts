import { readServerConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { decideDatabaseHealth } from '../maintenance/decide-database-health.ts';
import { readDatabaseFacts } from '../maintenance/read-database-facts.ts';

/**
 * `npm run server:check`: prints the rows per table, the last change number and the migrations
 * of the server's database (DATABASE_URL, or the embedded one in LAPOR_DATA_DIR, which must not be
 * open in a running server at the same time), and exits 1 when something is wrong. Writes nothing:
 * run it on a restored database before a server starts on it.
 */
const config = readServerConfig(process.env);
const db = await openDatabase(config.databaseUrl, config.dataDir);
try {
  const facts = await readDatabaseFacts(db);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Database: ${where}`);
  console.log(`Last change number: ${facts.changeCounter ?? 'none'}`);
  const applied = facts.appliedMigrations;
  console.log(
    `Migrations applied: ${applied.length} (last ${applied.at(-1)?.id ?? 'none'}${applied.at(-1) ? ` ${applied.at(-1)?.name}` : ''}); this server knows ${facts.knownMigrations.length}`,
  );
  console.log('Rows per table:');
  const width = Math.max(...facts.tables.map((table) => table.name.length));
  for (const table of facts.tables)
    console.log(
      `  ${table.name.padEnd(width)} ${String(table.rows).padStart(9)}${table.maxSeq === null ? '' : `   last change ${table.maxSeq}`}`,
    );
  const { problems } = decideDatabaseHealth(facts);
  if (problems.length === 0) console.log('OK');
  else {
    for (const problem of problems) console.log(`PROBLEM: ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
