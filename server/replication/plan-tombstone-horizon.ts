import type { ReplicationCheckpoint } from '../../shared/api/contract.ts';

/** A pull from change number 0 with no start recorded yet: a replica's first pull begins. */
export function startsFirstPull(checkpoint: ReplicationCheckpoint): boolean {
  return checkpoint.seq === 0 && checkpoint.firstPullHead === undefined;
}

/**
 * Which tombstones a pull from `checkpoint` carries, and the checkpoint its page hands back.
 *
 * A replica pulling from change number 0 holds nothing: whatever had left the officer's scope
 * before that first pull began (at change number `head`, read before the page), it never held,
 * so no tombstone of it is sent. The start rides in the checkpoint until the pull has passed it.
 */
export function planTombstoneHorizon(
  checkpoint: ReplicationCheckpoint,
  head: number,
): { tombstonesAfter: number; pageCheckpoint: (seq: number) => ReplicationCheckpoint } {
  const start = checkpoint.firstPullHead ?? (startsFirstPull(checkpoint) ? head : 0);
  return {
    tombstonesAfter: Math.max(checkpoint.seq, start),
    pageCheckpoint: (seq) => (seq < start ? { seq, firstPullHead: start } : { seq }),
  };
}
