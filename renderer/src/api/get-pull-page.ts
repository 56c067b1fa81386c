import { recordMeasure } from '../timing/record-measure.ts';
import {
  PULL_PARTS_MEDIA_TYPE,
  type PullPart,
  type PullResponse,
} from '../../../shared/api/contract.ts';
import { errorFromResponse, offlineErrorOf, send } from './api-client.ts';

/** A pulled page, and whether the link cut it (it then holds the parts that arrived whole). */
export type PulledPage<T> = { page: PullResponse<T>; cut: boolean };

/**
 * Reads a pull answer sent in parts (see `PULL_PARTS_MEDIA_TYPE`) as its lines arrive. Cut
 * mid-body, it keeps the parts that arrived whole: the page they make ends at the last one's
 * checkpoint with more to follow. Cut before the first part, it throws an `offline` error.
 */
export async function readPullParts<T>(body: ReadableStream<Uint8Array>): Promise<PulledPage<T>> {
  const parts: PullPart<T>[] = [];
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let pending = '';
  // What is left of `pending` after its last line holds no line end: search only what came since.
  let searched = 0;
  let cut: unknown = null;
  const takeLines = () => {
    let end = pending.indexOf('\n', searched);
    while (end >= 0) {
      if (end > 0) parts.push(JSON.parse(pending.slice(0, end)) as PullPart<T>);
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
    searched = pending.length;
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      cut = error;
      break;
    }
    if (chunk.done) break;
    pending += decoder.decode(chunk.value, { stream: true });
    takeLines();
  }
  if (parts.length === 0)
    throw offlineErrorOf(cut ?? new Error('pull answer ended before its first part'));
  return pageOfParts(parts);
}

/**
 * The page the parts that arrived make. Only a page's last line carries `more`: without it the
 * answer ended early, with an error or without one (a proxy closing it cleanly).
 */
export function pageOfParts<T>(parts: readonly PullPart<T>[]): PulledPage<T> {
  const last = parts[parts.length - 1];
  if (!last) throw new Error('a pull page needs at least one part');
  const whole = last.more !== undefined;
  return {
    page: {
      documents: parts.flatMap((part) => part.documents),
      checkpoint: last.checkpoint,
      ...(last.remaining === undefined ? {} : { remaining: last.remaining }),
      more: last.more ?? true,
    },
    cut: !whole,
  };
}

/**
 * GETs a pull page, asking for it in parts; a server that answers plain JSON is read as before
 * (a cut answer then throws and is asked again whole).
 */
export async function getPullPage<T>(url: string, accessToken: string): Promise<PulledPage<T>> {
  const start = performance.now();
  const pulled = await fetchPullPage<T>(url, accessToken);
  // What each pull brought and when (`lapor:pull`; the poor-link bench reads it, since a throttled
  // streamed answer's own network record may end as cancelled).
  recordMeasure('lapor:pull', {
    start,
    detail: {
      path: new URL(url).pathname,
      documents: pulled.page.documents.length,
      more: pulled.page.more ?? null,
      openDone: pulled.page.checkpoint?.open?.done ?? null,
      cut: pulled.cut,
    },
  });
  return pulled;
}

async function fetchPullPage<T>(url: string, accessToken: string): Promise<PulledPage<T>> {
  const response = await send(url, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: `${PULL_PARTS_MEDIA_TYPE}, application/json;q=0.5`,
    },
  });
  if (!response.ok) throw await errorFromResponse(response);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith(PULL_PARTS_MEDIA_TYPE) || !response.body)
    return { page: (await response.json()) as PullResponse<T>, cut: false };
  return readPullParts<T>(response.body);
}
