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

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const complaints = Number(process.env.LAPOR_PROFILE_COMPLAINTS ?? 10_000);
const server = await startLaporServer({
  port: 8793,
  complaints,
  corsOrigins: [],
  webRoot: 'out/renderer',
});
try {
  let profile: Profile | null = null;
  const { run } = await appInitialSync(server.url, complaints, false, {
    async started(page) {
      const session = await page.context().newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 500 });
      await session.send('Profiler.start');
      return async () => {
        profile = ((await session.send('Profiler.stop')) as { profile: Profile }).profile;
      };
    },
  });
  console.log(
    `first sync of ${complaints} complaints: ${(run.ms / 1000).toFixed(1)} s to the end of the bar, ${(run.withTimelinesMs / 1000).toFixed(1)} s with timelines`,
  );
  if (profile) summarise(profile);
} finally {
  await server.stop();
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = functionName.startsWith('(')
      ? functionName
      : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  console.log(`profiled ${(total / 1000).toFixed(1)} s; self time, top 25:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s  ${key}`);
}
