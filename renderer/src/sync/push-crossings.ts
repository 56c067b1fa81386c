/**
 * Which documents were pushed while a pull was on its way: the pull may bring the server's
 * state of a write whose push has not been answered yet.
 */
export class PushCrossings {
  private readonly watching = new Set<Set<string>>();
  private readonly inFlight = new Map<string, number>();

  /**
   * Starts a pull's watch: the ids of pushes on their way now or started before `unwatch` are
   * in the set it returns.
   */
  watch(): Set<string> {
    const crossed = new Set<string>(this.inFlight.keys());
    this.watching.add(crossed);
    return crossed;
  }

  unwatch(crossed: Set<string>): void {
    this.watching.delete(crossed);
  }

  /** A push of `ids` starts; call what it returns when its answer is in. */
  pushing(ids: readonly string[]): () => void {
    for (const id of ids) this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
    for (const crossed of this.watching) for (const id of ids) crossed.add(id);
    return () => {
      for (const id of ids) {
        const left = (this.inFlight.get(id) ?? 1) - 1;
        if (left > 0) this.inFlight.set(id, left);
        else this.inFlight.delete(id);
      }
    };
  }
}
