import { readServerConfig } from './config.ts';
import { startServer } from './start-server.ts';
import { DEMO_OFFICERS, DEMO_PASSWORD } from './seed/demo-instansi.ts';

const config = readServerConfig(process.env);
const server = await startServer(config);
const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;

console.log(`Lapor Workstation server: ${server.url}  (database: ${database})`);
if (server.seed?.seeded)
  console.log(
    `Demo instansi seeded with ${server.seed.complaints} complaints and ${server.seed.events} timeline events.`,
  );
if (config.seedDemo) {
  console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const officer of DEMO_OFFICERS)
    console.log(`  ${officer.username.padEnd(20)} ${officer.role}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.error(`${signal} again: stopping at once`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
