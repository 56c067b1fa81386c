import { expect } from 'vitest';

/** A live stream read in the background: its named events, and whether the server ended it. */
export async function openLiveStream(baseUrl: string, accessToken: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/replication/stream`, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: string[] = [];
  let endedAt: number | null = null;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const match of value.matchAll(/^event: (\w+)$/gm)) events.push(match[1]!);
      }
    } catch {
      // aborted by the test
    }
    endedAt = Date.now();
  })();
  return {
    events,
    /** Resolves with how long the stream took to end after `since`; throws after `withinMs`. */
    async ended(since: number, withinMs = 2000): Promise<number> {
      while (endedAt === null) {
        if (Date.now() - since > withinMs)
          throw new Error(`stream still open after ${withinMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return endedAt - since;
    },
    get open() {
      return endedAt === null;
    },
    close: () => controller.abort(),
  };
}
