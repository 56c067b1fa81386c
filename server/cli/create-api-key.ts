import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CHANNELS } from '../../shared/domain/complaint-status.ts';
import { readServerConfig } from '../config.ts';
import { runMigrations } from '../db/migrations.ts';
import { openDatabase } from '../db/open-database.ts';
import { createIntakeApiKey } from '../open311/intake-api-keys.ts';

/**
 * `npm run server:create-api-key -- <channel> [--instansi <id>] [--label <text>]`
 * Creates an Open311 intake key for one channel and prints it once; only its hash is stored.
 * Uses the server's configuration (DATABASE_URL, or the embedded database in LAPOR_DATA_DIR,
 * which must not be open in a running server at the same time).
 */
const argsSchema = z.object({
  channel: z.enum(CHANNELS),
  instansi: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  label: z.string().trim().min(1).max(120).optional(),
});

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { instansi: { type: 'string' }, label: { type: 'string' } },
});
const parsed = argsSchema.safeParse({ channel: positionals[0], ...values });
if (!parsed.success) {
  console.error(
    `Usage: npm run server:create-api-key -- <${CHANNELS.join('|')}> [--instansi <id>] [--label <text>]`,
  );
  process.exit(2);
}

const config = readServerConfig(process.env);
const db = await openDatabase(config.databaseUrl, config.dataDir, config.databaseTimeouts);
try {
  await runMigrations(db);
  const instansi = await db.query<{ id: string }>(
    parsed.data.instansi ? 'SELECT id FROM instansi WHERE id = $1' : 'SELECT id FROM instansi',
    parsed.data.instansi ? [parsed.data.instansi] : [],
  );
  if (instansi.length !== 1 || !instansi[0]) {
    console.error(
      instansi.length === 0
        ? 'No such instansi in this database.'
        : 'This database holds several instansi: name one with --instansi <id>.',
    );
    process.exitCode = 1;
  } else {
    const created = await createIntakeApiKey(
      db,
      {
        instansiId: instansi[0].id,
        channel: parsed.data.channel,
        label: parsed.data.label ?? parsed.data.channel,
      },
      Date.now(),
    );
    console.log(`API key ${created.id} for channel ${parsed.data.channel} of ${instansi[0].id}:`);
    console.log(created.key);
    console.log('It is shown only now; the server keeps only its hash.');
  }
} finally {
  await db.close();
}
