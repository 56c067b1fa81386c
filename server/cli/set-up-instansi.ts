import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readServerConfig } from '../config.ts';
import { runMigrations } from '../db/migrations.ts';
import { openDatabase } from '../db/open-database.ts';
import { setUpInstansi } from '../setup/set-up-instansi.ts';
import { readHiddenLine } from './read-hidden-line.ts';

/**
 * `npm run server:setup -- --code <id> --name <text> --short-name <text> --time-zone WIB|WITA|WIT
 *   --region <pp|pp.kk> --admin <username> --admin-name <text> [--address <text>]
 *   [--password-file <path>]`
 * Creates an instansi with the national categories and its first Admin Instansi. The password is
 * asked for at a hidden prompt (twice), or read from the first line of --password-file; never taken
 * on the command line. Uses the server's configuration (DATABASE_URL, or the embedded database in
 * LAPOR_DATA_DIR, which must not be open in a running server at the same time).
 */
const USAGE = `Usage: npm run server:setup -- --code <kode> --name "<nama instansi>" --short-name "<nama singkat>"
  --time-zone WIB|WITA|WIT --region <pp|pp.kk> --admin <username> --admin-name "<nama lengkap>"
  [--address "<alamat>"] [--password-file <path>]`;

const OPTIONS = {
  code: { type: 'string' },
  name: { type: 'string' },
  'short-name': { type: 'string' },
  'time-zone': { type: 'string' },
  region: { type: 'string' },
  address: { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  'password-file': { type: 'string' },
} as const;

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
}
const values = parseOptions();

async function readPassword(): Promise<string> {
  const file = values['password-file'];
  if (file) return (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  const first = await readHiddenLine(`Kata sandi untuk ${values.admin ?? 'admin'}: `);
  const second = await readHiddenLine('Ulangi kata sandi: ');
  if (first !== second) throw new Error('Kedua kata sandi tidak sama');
  return first;
}

let password: string;
try {
  password = await readPassword();
} catch (error) {
  console.error(
    `Kata sandi tidak terbaca: ${error instanceof Error ? error.message : String(error)}. ` +
      'Jalankan di terminal, atau beri --password-file <path>.',
  );
  process.exit(2);
}

const config = readServerConfig(process.env);
const db = await openDatabase(config.databaseUrl, config.dataDir);
try {
  await runMigrations(db);
  const decision = await setUpInstansi(
    db,
    {
      code: values.code ?? '',
      name: values.name ?? '',
      shortName: values['short-name'] ?? '',
      timeZone: (values['time-zone'] ?? '').toUpperCase(),
      regionCode: values.region ?? '',
      address: values.address ?? '',
      adminUsername: values.admin ?? '',
      adminDisplayName: values['admin-name'] ?? '',
      password,
    },
    Date.now(),
  );
  if (!decision.ok) {
    for (const error of decision.errors) console.error(`- ${error}`);
    console.error(USAGE);
    process.exitCode = 1;
  } else {
    const { instansi, admin, categories, trackingPrefix } = decision.plan;
    console.log(
      `Instansi ${instansi.id} (${instansi.name}) dibuat dengan ${categories.length} kategori nasional; ` +
        `nomor tiket ${trackingPrefix}-YYMM-NNNNN.`,
    );
    console.log(
      `Admin Instansi ${admin.username} dapat masuk sekarang dan menambah OPD, petugas, hari libur dan aturan SLA di workstation.`,
    );
  }
} finally {
  await db.close();
}
