/** The modification times `npm start` compares before building the workstation. */
export type BuildTimes = {
  /** Each build output's marker file; null when missing. */
  outputsMs: readonly (number | null)[];
  /** The newest file among the build's sources and configuration. */
  newestSourceMs: number;
};

export type WebBuildDecision = { build: true; reason: string } | { build: false };

/**
 * Build again unless every output exists and is newer than every source. A checkout or a pull
 * touches the files it changes, so new sources always rebuild; an unchanged restart does not.
 */
export function decideWebBuild(times: BuildTimes): WebBuildDecision {
  if (times.outputsMs.length === 0 || times.outputsMs.some((ms) => ms === null))
    return { build: true, reason: 'no earlier build' };
  const oldestOutput = Math.min(...(times.outputsMs as number[]));
  if (times.newestSourceMs >= oldestOutput)
    return { build: true, reason: 'sources changed since the last build' };
  return { build: false };
}
