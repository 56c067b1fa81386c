import type { ComplaintStatus } from '../domain/complaint-status.ts';
import { regencyCodeOf } from '../regions/region-code.ts';
import { COMPLETION_RATE_FORMULA, HANDLED_RATE_FORMULA } from './rakorda-definitions.ts';
import { rate as rateOf } from './compute-rate.ts';
import type { RakordaRate } from './rakorda-figures.ts';

/** The figures of the reports from one kabupaten/kota (by the village code of the report). */
export type RegencyFigures = {
  /** `pp.kk`; '' for reports whose code names no regency. */
  regencyCode: string;
  /** The official name; the code when the directory does not know it. */
  name: string;
  received: number;
  /** ditindaklanjuti + selesai */
  resolved: number;
  /** didisposisi */
  inProcess: number;
  /** belum_diverifikasi + ditunda */
  notYetProcessed: number;
  /** received − archived − bukan wewenang */
  base: number;
  handledRate: RakordaRate;
  completionRate: RakordaRate;
  overdue: number;
};

type Tally = Omit<RegencyFigures, 'regencyCode' | 'name' | 'handledRate' | 'completionRate'>;

/** Counts reports per kabupaten/kota, one `add` a report, as the RAKORDA figures pass over them. */
export function createRegencyTally() {
  const tallies = new Map<string, Tally>();
  return {
    add(regionCode: string, status: ComplaintStatus, overdue: boolean): void {
      const code = regencyCodeOf(regionCode);
      let tally = tallies.get(code);
      if (!tally) {
        tally = { received: 0, resolved: 0, inProcess: 0, notYetProcessed: 0, base: 0, overdue: 0 };
        tallies.set(code, tally);
      }
      tally.received += 1;
      if (status === 'ditindaklanjuti' || status === 'selesai') tally.resolved += 1;
      else if (status === 'didisposisi') tally.inProcess += 1;
      else if (status === 'belum_diverifikasi' || status === 'ditunda') tally.notYetProcessed += 1;
      if (status !== 'diarsipkan' && status !== 'bukan_wewenang') tally.base += 1;
      if (overdue) tally.overdue += 1;
    },
    /** Most reports first, then by code; names from `regencyNames` (`pp.kk` → name). */
    figures(regencyNames: ReadonlyMap<string, string>): RegencyFigures[] {
      return [...tallies]
        .map(([regencyCode, tally]) => ({
          regencyCode,
          name: regencyNames.get(regencyCode) ?? (regencyCode || 'Tidak diketahui'),
          ...tally,
          handledRate: rateOf(tally.resolved + tally.inProcess, tally.base, HANDLED_RATE_FORMULA),
          completionRate: rateOf(tally.resolved, tally.base, COMPLETION_RATE_FORMULA),
        }))
        .sort(
          (a, b) =>
            b.received - a.received ||
            (a.regencyCode < b.regencyCode ? -1 : a.regencyCode > b.regencyCode ? 1 : 0),
        );
    },
  };
}
