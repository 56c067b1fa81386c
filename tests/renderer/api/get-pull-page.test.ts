import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../renderer/src/api/api-client.ts';
import { readPullParts } from '../../../renderer/src/api/get-pull-page.ts';

const part = (ids: string[], seq: number, last?: { more: boolean; remaining?: number }) =>
  `${JSON.stringify({ documents: ids.map((id) => ({ id, _deleted: false })), checkpoint: { seq }, ...last })}\n`;

/** A body that delivers `text` in chunks of `chunkBytes`, then fails as a dropped link does. */
function bodyOf(text: string, options: { chunkBytes?: number; failAfter?: number } = {}) {
  const bytes = new TextEncoder().encode(text);
  const end = options.failAfter ?? bytes.length;
  const size = options.chunkBytes ?? 7;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= end) {
        if (options.failAfter === undefined) controller.close();
        else controller.error(new TypeError('network error'));
        return;
      }
      controller.enqueue(bytes.subarray(at, Math.min(end, at + size)));
      at += size;
    },
  });
}

const page =
  part(['a', 'b'], 2) + part(['c'], 3) + part(['d', 'é'], 5, { more: true, remaining: 9 });

describe('readPullParts', () => {
  it('reads a whole answer as one page with its last line’s checkpoint, more and remaining', async () => {
    const read = await readPullParts<{ id: string }>(bodyOf(page));
    expect(read.cut).toBe(false);
    expect(read.page.documents.map((document) => document.id)).toEqual(['a', 'b', 'c', 'd', 'é']);
    expect(read.page).toMatchObject({ checkpoint: { seq: 5 }, more: true, remaining: 9 });
  });

  it('keeps the parts that arrived whole when the link drops mid-part', async () => {
    const cutAt = new TextEncoder().encode(part(['a', 'b'], 2) + part(['c'], 3)).length + 10;
    const read = await readPullParts<{ id: string }>(bodyOf(page, { failAfter: cutAt }));
    expect(read.cut).toBe(true);
    expect(read.page.documents.map((document) => document.id)).toEqual(['a', 'b', 'c']);
    expect(read.page.checkpoint).toEqual({ seq: 3 });
    expect(read.page.more).toBe(true);
    expect(read.page.remaining).toBeUndefined();
  });

  it('counts an answer that ends before its last line as cut, even without an error', async () => {
    const read = await readPullParts<{ id: string }>(bodyOf(part(['a'], 1) + part(['b'], 2)));
    expect(read.cut).toBe(true);
    expect(read.page).toMatchObject({ checkpoint: { seq: 2 }, more: true });
  });

  it('throws an offline error when the link drops before the first part is whole', async () => {
    const reading = readPullParts(bodyOf(page, { failAfter: 20 }));
    await expect(reading).rejects.toBeInstanceOf(ApiRequestError);
    await expect(readPullParts(bodyOf(page, { failAfter: 20 }))).rejects.toMatchObject({
      kind: 'offline',
    });
  });
});
