import { writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { planSoakHistory, ALL_FAULTS, type SoakHistory } from './plan-soak-history.ts';
import { runSoak } from './soak-driver.ts';
import { openSoakEnvironment } from './soak-environment.ts';
import { soakDevices } from './soak-devices.ts';
import { shrinkToFailingPrefix } from './shrink-history.ts';

/**
 * A short seeded soak (npm run soak runs the long one): six officers of three roles on ten
 * devices work through random, overlapping faults; after healing, every write is applied or
 * refused to its officer and every device equals the server within its scope (see
 * check-soak-convergence). `LAPOR_SOAK_DEVICES=n` runs the first n devices only.
 */
const SEED = Number(process.env.LAPOR_SOAK_SEED ?? 20261206);
const STEPS = Number(process.env.LAPOR_SOAK_STEPS ?? 120);
const DEVICES = soakDevices(Number(process.env.LAPOR_SOAK_DEVICES ?? 10));

async function replay(history: SoakHistory) {
  const clusterUrl = inject('databaseKind') === 'postgresql' ? inject('databaseUrl') : null;
  const environment = await openSoakEnvironment(clusterUrl);
  try {
    // LAPOR_SOAK_TRACE=1 prints each phase with its time, to see where a slow run waits.
    const trace = process.env.LAPOR_SOAK_TRACE
      ? (line: string) => console.log(`${new Date().toISOString()} ${line}`)
      : undefined;
    return await runSoak(history, environment, trace);
  } finally {
    await environment.drop();
  }
}

describe('soak: convergence under random faults', () => {
  it(`loses no write and converges every device (seed ${SEED}, ${STEPS} steps, ${DEVICES.length} devices)`, async () => {
    const history = planSoakHistory({
      seed: SEED,
      steps: STEPS,
      devices: DEVICES,
      faults: ALL_FAULTS.filter((fault) => fault !== 'restart-database'),
    });
    const result = await replay(history);
    console.log(`soak ${JSON.stringify(result.figures)}`);
    if (result.violations.length > 0) {
      console.log(result.violations.join('\n'));
      if (process.env.LAPOR_SOAK_DUMP)
        writeFileSync(process.env.LAPOR_SOAK_DUMP, JSON.stringify(result.actions, null, 1));
      const shrunk = await shrinkToFailingPrefix(
        history,
        async (candidate) => (await replay(candidate)).violations.length > 0,
        3,
      );
      console.log(
        `soak seed ${SEED} failed; smallest failing prefix found: ${shrunk.history.steps.length} steps ` +
          `(LAPOR_SOAK_SEED=${SEED} LAPOR_SOAK_STEPS=${shrunk.history.steps.length})`,
      );
    }
    expect(result.violations).toEqual([]);
    expect(result.figures.operations).toBeGreaterThan(STEPS / 3);
  }, 240_000);
});
