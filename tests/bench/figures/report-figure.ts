import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round } from '../support/stats.ts';
import { checked, type Figure } from './figure.ts';

const run = promisify(execFile);

/**
 * B6: the RAKORDA figures over 100,000 complaints and their timelines, computed by the same
 * shared function the report page and the server use (scripts/measure-rakorda-figures.ts,
 * which times repeated runs and prints their median).
 */
export async function measureRakordaFigures(): Promise<Figure> {
  const { stdout } = await run(process.execPath, ['scripts/measure-rakorda-figures.ts'], {
    maxBuffer: 4 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const line = (label: string) => {
    const match = stdout
      .split('\n')
      .find((text) => text.startsWith(label))
      ?.match(/median ([\d.]+) ms, worst ([\d.]+) ms/);
    if (!match) throw new Error(`no "${label}" line in:\n${stdout}`);
    return { median: Number(match[1]), worst: Number(match[2]) };
  };
  const year = line('one year, whole instansi (computeRakordaFigures)');
  const report = line('one year and the year before');
  return checked(
    {
      id: 'B6',
      what: 'RAKORDA figures over 100,000 complaints and their timelines (one year, whole instansi)',
      target: '≤ 500 ms',
      value: round(year.median),
      unit: 'ms median',
      details: {
        worstMs: round(year.worst),
        yearAndPreviousYearMedianMs: round(report.median),
        yearAndPreviousYearWorstMs: round(report.worst),
      },
    },
    year.median <= 500,
  );
}
