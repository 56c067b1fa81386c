import type { StreamEnd } from './change-feed.ts';

/** One live stream as the registry knows it: whose it is, and how to end it. */
export type OpenStream = { officerId: string; sessionId: string; close(): void };

/**
 * The live streams of this process, per officer in the order they opened. An officer holds at
 * most `maxPerOfficer` at once: a new one ends the oldest (a workstation needs one stream, a
 * few windows or a reconnect racing its predecessor a few more), so one token cannot tie up the
 * server with hundreds of streams each pulling after every write.
 */
export class OpenStreams {
  private readonly byOfficer = new Map<string, Set<OpenStream>>();
  private readonly maxPerOfficer: number;

  constructor(maxPerOfficer: number) {
    this.maxPerOfficer = maxPerOfficer;
  }

  add(stream: OpenStream): void {
    let mine = this.byOfficer.get(stream.officerId);
    if (!mine) {
      mine = new Set();
      this.byOfficer.set(stream.officerId, mine);
    }
    mine.add(stream);
    for (const oldest of mine) {
      if (mine.size <= this.maxPerOfficer) break;
      this.delete(oldest);
      oldest.close();
    }
  }

  delete(stream: OpenStream): void {
    const mine = this.byOfficer.get(stream.officerId);
    if (!mine) return;
    mine.delete(stream);
    if (mine.size === 0) this.byOfficer.delete(stream.officerId);
  }

  /** Ends the streams of an officer or of one session; says how many it ended. */
  end(end: StreamEnd): number {
    const matching =
      'officerId' in end
        ? [...(this.byOfficer.get(end.officerId) ?? [])]
        : [...this.byOfficer.values()].flatMap((mine) =>
            [...mine].filter((stream) => stream.sessionId === end.sessionId),
          );
    for (const stream of matching) stream.close();
    return matching.length;
  }

  countFor(officerId: string): number {
    return this.byOfficer.get(officerId)?.size ?? 0;
  }

  closeAll(): void {
    for (const mine of [...this.byOfficer.values()]) for (const stream of [...mine]) stream.close();
  }
}
