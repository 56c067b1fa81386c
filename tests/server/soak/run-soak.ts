import { parseArgs } from 'node:util';
import { findPostgresBinaries, startThrowawayPostgres } from '../support/postgres-cluster.ts';
import { ALL_FAULTS, planSoakHistory, type SoakHistory } from './plan-soak-history.ts';
import { runSoak, withinTime, type SoakFigures } from './soak-driver.ts';
import { openSoakEnvironment } from './soak-environment.ts';
import { SOAK_DEVICES } from './soak-devices.ts';
import { shrinkToFailingPrefix } from './shrink-history.ts';

/**
 * `npm run soak -- --seed N --minutes M [--steps S] [--pglite]`: runs seeded soak histories
 * (seed N, N+1, …) of S steps each, each on a fresh database, until M minutes have passed, on a
 * throwaway PostgreSQL cluster (restarted by the histories) or on PGlite. A failing history
 * prints its seed and the shortest failing prefix, and the run exits with 1.
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    minutes: { type: 'string', default: '10' },
    steps: { type: 'string', default: '300' },
    pglite: { type: 'boolean', default: false },
  },
});
const firstSeed = Number(values.seed);
const deadline = Date.now() + Number(values.minutes) * 60_000;
const steps = Number(values.steps);
const usePostgres = !values.pglite && findPostgresBinaries() !== null;
const cluster = usePostgres ? await startThrowawayPostgres() : null;
console.log(
  `soak on ${cluster ? `a throwaway PostgreSQL at 127.0.0.1:${cluster.port}` : 'PGlite'}, ` +
    `seed ${firstSeed}, ${steps} steps a history, ${values.minutes} min`,
);

/**
 * Where the run is, for a stall report: a history that stops moving for a minute prints its
 * phase and what the process still waits on (LAPOR_SOAK_TRACE=1 prints every phase).
 */
const progress = { phase: 'start', at: Date.now(), seed: firstSeed };
// A replica that cannot be closed ends with its realm (worker thread): the next history opens
// its replicas in new realms.
const trace = (phase: string) => {
  if (phase.includes('did not finish')) console.log(phase);
  progress.phase = phase;
  progress.at = Date.now();
  if (process.env.LAPOR_SOAK_TRACE) console.log(`${new Date().toISOString()} ${phase}`);
};
setInterval(() => {
  const idle = Date.now() - progress.at;
  if (idle < 60_000) return;
  const waiting = process.getActiveResourcesInfo().reduce<Record<string, number>>((all, kind) => {
    all[kind] = (all[kind] ?? 0) + 1;
    return all;
  }, {});
  console.log(
    `[stall] seed ${progress.seed}: "${progress.phase.slice(0, 160)}" for ${Math.round(idle / 1000)} s; ` +
      `waiting on ${JSON.stringify(waiting)}`,
  );
}, 30_000).unref();

const replay = async (history: SoakHistory) => {
  progress.seed = history.seed;
  trace(`seed ${history.seed}: open`);
  const environment = await openSoakEnvironment(
    cluster?.url ?? null,
    cluster ? { restartDatabase: () => cluster.restart() } : {},
  );
  try {
    return await runSoak(history, environment, trace);
  } finally {
    trace(`seed ${history.seed}: drop`);
    await withinTime('dropping the database', 120_000, environment.drop());
  }
};

const totals = {
  histories: 0,
  operations: 0,
  faults: {} as Record<string, number>,
  convergeMs: [] as number[],
};
const failedSeeds: number[] = [];
try {
  for (let seed = firstSeed; seed === firstSeed || Date.now() < deadline; seed++) {
    const history = planSoakHistory({ seed, steps, devices: SOAK_DEVICES, faults: ALL_FAULTS });
    let result: Awaited<ReturnType<typeof replay>>;
    try {
      result = await replay(history);
    } catch (error) {
      // A step or a wait that never ended: the history is a failure with its seed, not a crash.
      failedSeeds.push(seed);
      console.log(`seed ${seed} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      console.log(`replay: npm run soak -- --seed ${seed} --steps ${steps} --minutes 0`);
      continue;
    }
    const figures: SoakFigures = result.figures;
    totals.histories += 1;
    totals.operations += figures.operations;
    totals.convergeMs.push(figures.convergeMs);
    for (const [kind, count] of Object.entries(figures.faults))
      totals.faults[kind] = (totals.faults[kind] ?? 0) + count;
    console.log(JSON.stringify(figures));
    if (result.violations.length > 0) {
      failedSeeds.push(seed);
      console.log(`seed ${seed} FAILED:\n  ${result.violations.join('\n  ')}`);
      // A shorter replay that throws (a step or a wait that never ended) fails too.
      const fails = async (candidate: SoakHistory) => {
        try {
          return (await replay(candidate)).violations.length > 0;
        } catch {
          return true;
        }
      };
      let shrunk: Awaited<ReturnType<typeof shrinkToFailingPrefix>>;
      try {
        shrunk = await shrinkToFailingPrefix(history, fails, 4);
      } catch (error) {
        console.log(`shrinking stopped: ${error instanceof Error ? error.message : String(error)}`);
        console.log(`replay: npm run soak -- --seed ${seed} --steps ${steps} --minutes 0`);
        continue;
      }
      console.log(
        `smallest failing prefix found: ${shrunk.history.steps.length} of ${steps} steps ` +
          `(${shrunk.replays} replays); replay: npm run soak -- --seed ${seed} --steps ${shrunk.history.steps.length} --minutes 0`,
      );
    }
  }
} finally {
  await cluster?.stop();
}
const sorted = [...totals.convergeMs].sort((a, b) => a - b);
console.log(
  `soak ${failedSeeds.length ? `FAILED (seeds ${failedSeeds.join(', ')})` : 'passed'}: ${totals.histories} histories, ${totals.operations} operations, ` +
    `faults ${JSON.stringify(totals.faults)}, time to converge median ${sorted[Math.floor(sorted.length / 2)] ?? 0} ms, ` +
    `max ${sorted.at(-1) ?? 0} ms`,
);
process.exit(failedSeeds.length ? 1 : 0);
