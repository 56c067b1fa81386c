import type { Complaint } from '../schemas/complaint.ts';

type ClockStartInput = Pick<Complaint, 'status' | 'unitId' | 'statusChangedAt'>;

/**
 * When the running clock of a complaint starts after a write: now when the status moves, and
 * also when a disposed complaint is re-disposed to another OPD (it stays `didisposisi`, but the
 * new OPD gets its full follow-up period from the re-disposition); otherwise unchanged.
 * The device and the server both apply it, so their due dates agree.
 */
export function decideClockStart(
  before: ClockStartInput,
  after: Pick<Complaint, 'status' | 'unitId'>,
  now: number,
): number {
  if (after.status !== before.status) return now;
  if (after.status === 'didisposisi' && after.unitId !== before.unitId) return now;
  return before.statusChangedAt;
}
