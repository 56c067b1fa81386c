import type { ComplaintStatus } from '../domain/complaint-status.ts';
import {
  FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
  UNIT_COMPLETION_RATE_FORMULA,
} from './rakorda-definitions.ts';
import type { UnitFigures } from './rakorda-figures.ts';
import type { RakordaUnit } from './rakorda-input.ts';
import type { OnTimeTally } from './tally-deadlines.ts';
import { compareText } from './compare-text.ts';
import { nearestRankPercentile, rate } from './compute-rate.ts';

export type UnitTally = {
  received: number;
  resolved: number;
  inProcess: number;
  overdue: number;
  /** Time to first follow-up of the OPD's complaints. */
  firstFollowUp: OnTimeTally;
};

/** Counts a complaint into its OPD's tally; answers that tally (undefined with no OPD). */
export function tallyUnit(
  tallies: Map<string, UnitTally>,
  unitId: string,
  status: ComplaintStatus,
): UnitTally | undefined {
  if (!unitId) return undefined;
  let unit = tallies.get(unitId);
  if (!unit) {
    unit = {
      received: 0,
      resolved: 0,
      inProcess: 0,
      overdue: 0,
      firstFollowUp: { days: [], onTime: 0, judged: 0 },
    };
    tallies.set(unitId, unit);
  }
  unit.received += 1;
  if (status === 'ditindaklanjuti' || status === 'selesai') unit.resolved += 1;
  if (status === 'didisposisi') unit.inProcess += 1;
  return unit;
}

/**
 * The per-OPD table: the chosen units, or every active unit plus any other unit that has
 * reports in the period; ranked by completion rate, then fewer overdue, then more received,
 * then name; units with no report follow, by name.
 */
export function rankUnits(
  units: readonly RakordaUnit[],
  unitFilter: ReadonlySet<string> | null,
  chosen: readonly string[],
  tallies: ReadonlyMap<string, UnitTally>,
): UnitFigures[] {
  const known = new Map(units.map((unit) => [unit.id, unit]));
  const ids = unitFilter
    ? [...chosen]
    : [
        ...units.filter((unit) => unit.active).map((unit) => unit.id),
        ...[...tallies.keys()].filter((id) => !known.get(id)?.active),
      ];
  const rows = ids.map((unitId): UnitFigures => {
    const unit = known.get(unitId);
    const acc = tallies.get(unitId);
    const responseDays = Float64Array.from(acc?.firstFollowUp.days ?? []).sort();
    return {
      rank: null,
      unitId,
      name: unit?.name ?? unitId,
      shortName: unit?.shortName ?? unitId,
      active: unit?.active ?? false,
      received: acc?.received ?? 0,
      resolved: acc?.resolved ?? 0,
      inProcess: acc?.inProcess ?? 0,
      completionRate: rate(acc?.resolved ?? 0, acc?.received ?? 0, UNIT_COMPLETION_RATE_FORMULA),
      firstFollowUpWithinDeadline: rate(
        acc?.firstFollowUp.onTime ?? 0,
        acc?.firstFollowUp.judged ?? 0,
        FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
      ),
      medianResponseDays: nearestRankPercentile(responseDays, 50),
      overdue: acc?.overdue ?? 0,
    };
  });
  const byName = (a: UnitFigures, b: UnitFigures) =>
    compareText(a.name, b.name) || compareText(a.unitId, b.unitId);
  const ranked = rows
    .filter((row) => row.received > 0)
    .sort(
      (a, b) =>
        (b.completionRate.value ?? 0) - (a.completionRate.value ?? 0) ||
        a.overdue - b.overdue ||
        b.received - a.received ||
        byName(a, b),
    );
  ranked.forEach((row, index) => {
    row.rank = index + 1;
  });
  const empty = rows.filter((row) => row.received === 0).sort(byName);
  return [...ranked, ...empty];
}
