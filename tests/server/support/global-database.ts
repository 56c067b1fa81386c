import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import {
  findPostgresBinaries,
  processesOfThisRun,
  startThrowawayPostgres,
} from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
    databaseKind: 'postgresql' | 'pglite';
  }
}

/**
 * Server tests run against a real PostgreSQL server started for the run, or the embedded PGlite
 * when PostgreSQL is not installed (or LAPOR_TEST_DATABASE=pglite). The run says which.
 */
export default async function setup(project: TestProject) {
  // Names the folders of every cluster this run starts, here and in the test workers.
  process.env.LAPOR_TEST_RUN_ID = randomBytes(4).toString('hex');
  const forced = process.env.LAPOR_TEST_DATABASE === 'pglite';
  const binaries = findPostgresBinaries();
  if (forced || !binaries) {
    console.log(
      `server tests: embedded PGlite (${forced ? 'LAPOR_TEST_DATABASE=pglite' : 'PostgreSQL is not installed'})`,
    );
    project.provide('databaseKind', 'pglite');
    project.provide('databaseUrl', null);
    return noLeftovers;
  }
  // With binaries present a failure to start is a broken machine, not a reason to fall back.
  const cluster = await startThrowawayPostgres();
  console.log(`server tests: real PostgreSQL server at 127.0.0.1:${cluster.port} (${binaries})`);
  project.provide('databaseKind', 'postgresql');
  project.provide('databaseUrl', cluster.url);
  return async () => {
    await cluster.stop();
    noLeftovers();
  };
}

/**
 * Fails the run if any process of its PostgreSQL clusters outlived it (a server not stopped, a
 * wrapper left stopped), after ending them so they do not pile up on the machine.
 */
function noLeftovers(): void {
  const leftovers = processesOfThisRun();
  if (leftovers.length === 0) return;
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, or a zombie its parent's end will reap.
    }
  }
  throw new Error(
    `server tests left PostgreSQL processes running:\n${leftovers
      .map(({ pid, state, command }) => `  ${pid} [${state}] ${command}`)
      .join('\n')}`,
  );
}
