/**
 * A CPU profile of the workstation's first sync (not part of `npm run bench`): starts the central
 * server on the bench's 10,000-complaint database (seeding it once if missing), signs in in a
 * fresh Chromium profile with the Profiler of DevTools running, and prints where the renderer's
 * time went until the complaints and their timelines are in: self time by function, and idle.
 *
 *   node tests/bench/profile-first-sync.ts            (LAPOR_PROFILE_COMPLAINTS=… to change)
 */
import { appInitialSync } from './figures/sync-figures.ts';
import { startLaporServer } from './support/lapor-server.ts';
import { printSelfTime, type CpuProfile } from './support/cpu-profile.ts';

const complaints = Number(process.env.LAPOR_PROFILE_COMPLAINTS ?? 10_000);
const server = await startLaporServer({
  port: 8793,
  complaints,
  corsOrigins: [],
  webRoot: 'out/renderer',
});
try {
  let profile: CpuProfile | null = null;
  const { run } = await appInitialSync(server.url, complaints, false, {
    async started(page) {
      const session = await page.context().newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 500 });
      await session.send('Profiler.start');
      return async () => {
        profile = ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile;
      };
    },
  });
  console.log(
    `first sync of ${complaints} complaints: ${(run.ms / 1000).toFixed(1)} s to the end of the bar, ${(run.withTimelinesMs / 1000).toFixed(1)} s with timelines`,
  );
  if (profile) printSelfTime(profile, 25);
} finally {
  await server.stop();
}
