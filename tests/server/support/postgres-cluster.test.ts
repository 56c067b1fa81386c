import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  processesNaming,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './postgres-cluster.ts';

/** The postmaster and the processes it started, as the frozen-database test stops them. */
function clusterPids(root: string): number[] {
  const postmaster = Number(
    readFileSync(join(root, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
    encoding: 'utf8',
  })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '?';
}

let cluster: ThrowawayPostgres | undefined;

afterEach(async () => {
  // A failed run's leftovers are ended by the global teardown.
  await cluster?.stop().catch(() => undefined);
  cluster = undefined;
});

describe.skipIf(!findPostgresBinaries())('a throwaway PostgreSQL cluster', () => {
  it('leaves no process behind once stopped', async () => {
    cluster = await startThrowawayPostgres();
    expect(processesNaming(cluster.root)).not.toEqual([]);
    await cluster.stop();
    expect(processesNaming(cluster.root)).toEqual([]);
  }, 60_000);

  it('leaves no stopped or unreaped process behind after being frozen, thawed and restarted', async () => {
    cluster = await startThrowawayPostgres();
    const pids = clusterPids(cluster.root);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    await expect.poll(() => state(pids[0]!)).toBe('T');
    // Whatever watches the postmaster has seen it stop before it goes on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const pid of pids) process.kill(pid, 'SIGCONT');
    await cluster.restart();
    await cluster.stop();
    expect(processesNaming(cluster.root)).toEqual([]);
  }, 60_000);
});
