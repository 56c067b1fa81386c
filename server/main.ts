import { readServerConfig } from './config.ts';
import { startServer } from './start-server.ts';
import { DEMO_OFFICERS, DEMO_PASSWORD } from './seed/demo-instansi.ts';

const config = readServerConfig(process.env);
const server = await startServer(config);
const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;

console.log(`Lapor Workstation server: ${server.url}  (database: ${database})`);
if (server.seed?.seeded)
  console.log(`Demo instansi seeded with ${server.seed.complaints} complaints.`);
if (config.seedDemo) {
  console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const officer of DEMO_OFFICERS)
    console.log(`  ${officer.username.padEnd(20)} ${officer.role}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
