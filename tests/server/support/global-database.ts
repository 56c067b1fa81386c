import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startThrowawayPostgres } from './postgres-cluster.ts';

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
  const forced = process.env.LAPOR_TEST_DATABASE === 'pglite';
  const binaries = findPostgresBinaries();
  if (forced || !binaries) {
    console.log(
      `server tests: embedded PGlite (${forced ? 'LAPOR_TEST_DATABASE=pglite' : 'PostgreSQL is not installed'})`,
    );
    project.provide('databaseKind', 'pglite');
    project.provide('databaseUrl', null);
    return;
  }
  // With binaries present a failure to start is a broken machine, not a reason to fall back.
  const cluster = await startThrowawayPostgres();
  console.log(`server tests: real PostgreSQL server at 127.0.0.1:${cluster.port} (${binaries})`);
  project.provide('databaseKind', 'postgresql');
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
