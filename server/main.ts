import { readServerConfig } from './config.ts';
import { onParentExit } from './on-parent-exit.ts';
import { isPortInUse, portInUseMessage } from './port-in-use.ts';
import { startServer } from './start-server.ts';
import { DEMO_OFFICERS, DEMO_PASSWORD } from './seed/demo-instansi.ts';

const config = readServerConfig(process.env);
if (await isPortInUse(config.port, config.host)) {
  console.error(portInUseMessage(config.port, config.host));
  process.exit(1);
}
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

let stoppingOn: string | null = null;
function stop(reason: string): void {
  // Ctrl-C reaches both `npm start` and this process, which then also gets its SIGTERM: only the
  // same signal twice means "stop at once".
  if (stoppingOn === reason) {
    console.error(`${reason} again: stopping at once`);
    process.exit(1);
  }
  if (stoppingOn) return;
  stoppingOn = reason;
  console.log(`${reason}: finishing requests in flight, then stopping`);
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
onParentExit(() => stop('parent process gone'));
