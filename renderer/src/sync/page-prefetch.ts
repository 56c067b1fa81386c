/**
 * One pull page fetched ahead, while the replication writes the page before it. It is used only
 * when the replication then asks for exactly that checkpoint and size; a failed fetch ahead is
 * dropped, and the page is fetched again in the normal way.
 */
export class PagePrefetch<Page> {
  private ahead: { key: string; page: Promise<Page | null> } | null = null;

  start(checkpoint: unknown, batchSize: number, fetch: () => Promise<Page>): void {
    this.ahead = {
      key: keyOf(checkpoint, batchSize),
      page: fetch().catch(() => null),
    };
  }

  /** The page fetched ahead for this request, or null (none, another request, or it failed). */
  async take(checkpoint: unknown, batchSize: number): Promise<Page | null> {
    const ahead = this.ahead;
    this.ahead = null;
    if (!ahead || ahead.key !== keyOf(checkpoint, batchSize)) return null;
    return ahead.page;
  }
}

function keyOf(checkpoint: unknown, batchSize: number): string {
  return `${batchSize}:${JSON.stringify(checkpoint ?? null)}`;
}
