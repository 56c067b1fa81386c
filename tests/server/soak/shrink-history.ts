import type { SoakHistory } from './plan-soak-history.ts';

/**
 * The shortest prefix of a failing history that still fails, by binary search on its length
 * (assumes a failure, once reached, stays: faults are healed at the end of every prefix).
 * `fails` replays a history on a fresh database; `budget` caps the replays.
 */
export async function shrinkToFailingPrefix(
  history: SoakHistory,
  fails: (candidate: SoakHistory) => Promise<boolean>,
  budget = 8,
): Promise<{ history: SoakHistory; replays: number }> {
  let low = 0; // known to pass (the empty history is the seed data alone)
  let high = history.steps.length; // known to fail
  let replays = 0;
  while (high - low > 1 && replays < budget) {
    const middle = Math.floor((low + high) / 2);
    replays += 1;
    if (await fails({ ...history, steps: history.steps.slice(0, middle) })) high = middle;
    else low = middle;
  }
  return { history: { ...history, steps: history.steps.slice(0, high) }, replays };
}
