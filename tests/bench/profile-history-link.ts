/**
 * Where the renderer's main thread goes while a first sync's history downloads over the emulated
 * rural link (not part of `npm run bench`): signs the Admin Instansi in on the bench's
 * 10,000-complaint database, and once the open queue is workable records a CPU profile and the
 * long tasks (over 50 ms) for `LAPOR_PROFILE_SECONDS` (default 12). Prints self time by
 * function and the long tasks with the page writes (`lapor:write:`) they overlap. Build first
 * (`npm run build`); an unminified build reads better.
 *
 *   node tests/bench/profile-history-link.ts
 */
import { RURAL_LINK } from '../support/emulated-link.ts';
import { serverFacts, signInOverLink } from './figures/poor-link-figures.ts';
import { BENCH_USER, login, startLaporServer } from './support/lapor-server.ts';
import { printSelfTime, type CpuProfile } from './support/cpu-profile.ts';

const seconds = Number(process.env.LAPOR_PROFILE_SECONDS ?? 12);
const server = await startLaporServer({
  port: 8794,
  complaints: 10_000,
  corsOrigins: [],
  webRoot: 'out/renderer',
});
try {
  const facts = await serverFacts(server.url, await login(server.url, 'profile-facts'));
  let profile: CpuProfile | null = null;
  let longTasks: { at: number; ms: number }[] = [];
  let writes: { name: string; at: number; ms: number }[] = [];
  await signInOverLink({
    serverUrl: server.url,
    officer: BENCH_USER,
    link: RURAL_LINK,
    facts,
    waitForAll: false,
    async whileHistory(page) {
      const session = await page.context().newCDPSession(page);
      await page.evaluate(() => {
        const seen: { at: number; ms: number }[] = [];
        (window as unknown as { laporLongTasks: typeof seen }).laporLongTasks = seen;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            seen.push({ at: Math.round(entry.startTime), ms: Math.round(entry.duration) });
        }).observe({ type: 'longtask' });
      });
      const from = await page.evaluate(() => performance.now());
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 500 });
      await session.send('Profiler.start');
      await page.waitForTimeout(seconds * 1000);
      profile = ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile;
      longTasks = await page.evaluate(
        () =>
          (window as unknown as { laporLongTasks: { at: number; ms: number }[] }).laporLongTasks,
      );
      writes = await page.evaluate(
        (since) =>
          performance
            .getEntriesByType('measure')
            .filter((entry) => entry.name.startsWith('lapor:write:') && entry.startTime >= since)
            .map((entry) => ({
              name: entry.name.slice(12),
              at: Math.round(entry.startTime),
              ms: Math.round(entry.duration),
            })),
        from,
      );
      longTasks = longTasks.map((task) => ({ ...task, at: task.at - Math.round(from) }));
      writes = writes.map((write) => ({ ...write, at: write.at - Math.round(from) }));
      return { latencies: [], steps: [] };
    },
  });
  const total = longTasks.reduce((sum, task) => sum + task.ms, 0);
  console.log(
    `${longTasks.length} long tasks in ${seconds} s, ${total} ms in all, longest ${Math.max(0, ...longTasks.map((task) => task.ms))} ms`,
  );
  console.log('long tasks (ms from start: duration):');
  console.log(`  ${longTasks.map((task) => `${task.at}:${task.ms}`).join('  ')}`);
  console.log('page writes (ms from start: duration):');
  console.log(`  ${writes.map((write) => `${write.name}@${write.at}:${write.ms}`).join('  ')}`);
  if (profile) printSelfTime(profile, 30);
} finally {
  await server.stop();
}
