import { COMPLAINT_STATUSES, type ComplaintStatus } from '../domain/complaint-status.ts';
import {
  CLOSED_RATE_FORMULA,
  COMPLETION_RATE_FORMULA,
  HANDLED_RATE_FORMULA,
} from './rakorda-definitions.ts';
import type { RakordaFigures, StatusFigures } from './rakorda-figures.ts';
import { rate } from './compute-rate.ts';

/** A count of 0 for each key. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const record = {} as Record<K, number>;
  for (const key of keys) record[key] = 0;
  return record;
}

/** The status groups of the briefing (resolved, in process, not yet processed …) from the counts. */
export function summariseStatuses(
  byStatus: Record<ComplaintStatus, number>,
  reopened: number,
): StatusFigures {
  const received = COMPLAINT_STATUSES.reduce((sum, key) => sum + byStatus[key], 0);
  return {
    byStatus,
    resolved: byStatus.ditindaklanjuti + byStatus.selesai,
    inProcess: byStatus.didisposisi,
    notYetProcessed: byStatus.belum_diverifikasi + byStatus.ditunda,
    onHold: byStatus.ditunda,
    archived: byStatus.diarsipkan,
    bukanWewenang: byStatus.bukan_wewenang,
    base: received - byStatus.diarsipkan - byStatus.bukan_wewenang,
    reopened,
  };
}

/** The headline rates: handled, completion and closed, each over the base. */
export function computeHeadlineRates(status: StatusFigures): RakordaFigures['rates'] {
  return {
    handled: rate(status.resolved + status.inProcess, status.base, HANDLED_RATE_FORMULA),
    completion: rate(status.resolved, status.base, COMPLETION_RATE_FORMULA),
    closed: rate(status.byStatus.selesai, status.base, CLOSED_RATE_FORMULA),
  };
}
