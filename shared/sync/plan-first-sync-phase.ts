import type { ComplaintStatus } from '../domain/complaint-status.ts';

/**
 * A first sync brings what the officer works on first: the open complaints (every status but
 * these), overdue ones first, then newest received; the closed history follows in change order
 * and leaves out what the open phase already brought. Pure: the server pages by it, the device
 * reads its progress from it.
 */
export const CLOSED_STATUSES = [
  'selesai',
  'diarsipkan',
  'bukan_wewenang',
] as const satisfies readonly ComplaintStatus[];

export function isOpenStatus(status: ComplaintStatus): boolean {
  return !(CLOSED_STATUSES as readonly ComplaintStatus[]).includes(status);
}

/**
 * Where the open phase stands: the last complaint sent, in its order (o: overdue, r: received);
 * for a timeline, also the last event of that complaint sent (e), events of one complaint going
 * by id.
 */
export type OpenCursor = { o: 0 | 1; r: number; id: string; e?: string };

/** The open phase as it rides in the pull checkpoint (opaque to the device). */
export type OpenPhase = {
  /** The clock "overdue" is judged by, fixed when the first sync began so pages stay in order. */
  asOf: number;
  after: OpenCursor | null;
  done: boolean;
};

/** The order key of a complaint in the open phase. */
export function openCursorOf(
  complaint: { id: string; dueAt: number; receivedAt: number },
  asOf: number,
): OpenCursor {
  return {
    o: complaint.dueAt > 0 && complaint.dueAt < asOf ? 1 : 0,
    r: complaint.receivedAt,
    id: complaint.id,
  };
}

export type FirstSyncPhase = 'open' | 'history' | 'changes';

/**
 * Which phase a pull from this checkpoint serves: a first pull of a device that asked for the
 * open complaints first (or one under way) is in the open phase until it is done, then in the
 * history until it has passed the change number the first sync began at.
 */
export function planFirstSyncPhase(
  checkpoint: { seq: number; firstPullHead?: number; open?: OpenPhase },
  prioritise: boolean,
): FirstSyncPhase {
  if (checkpoint.open && !checkpoint.open.done) return 'open';
  if (checkpoint.open?.done) {
    return checkpoint.firstPullHead !== undefined && checkpoint.seq < checkpoint.firstPullHead
      ? 'history'
      : 'changes';
  }
  if (prioritise && checkpoint.seq === 0 && checkpoint.firstPullHead === undefined) return 'open';
  return 'changes';
}

/** The order key of a timeline event in the open phase: its complaint's, then its own id. */
export function openEventCursorOf(
  event: { id: string },
  complaint: { id: string; dueAt: number; receivedAt: number },
  asOf: number,
): OpenCursor {
  return { ...openCursorOf(complaint, asOf), e: event.id };
}

/** The closed history's share already on the device, 0–1, once the open phase is done. */
export function historyShare(
  pulled: number,
  total: number | null,
  openPulled: number,
): number | null {
  if (total === null) return null;
  const history = total - openPulled;
  if (history <= 0) return 1;
  return Math.min(1, Math.max(0, (pulled - openPulled) / history));
}
