import { describe, expect, it } from 'vitest';
import { PagePrefetch } from '../../../renderer/src/sync/page-prefetch.ts';

describe('PagePrefetch', () => {
  it('hands the page fetched ahead to the request for exactly its checkpoint and size, once', async () => {
    const prefetch = new PagePrefetch<string>();
    let fetches = 0;
    prefetch.start({ seq: 1000 }, 1000, () => {
      fetches += 1;
      return Promise.resolve('page after 1000');
    });
    expect(await prefetch.take({ seq: 1000 }, 1000)).toBe('page after 1000');
    expect(await prefetch.take({ seq: 1000 }, 1000)).toBeNull();
    expect(fetches).toBe(1);
  });

  it('gives nothing for another checkpoint or size, so the caller fetches it itself', async () => {
    const prefetch = new PagePrefetch<string>();
    prefetch.start({ seq: 1000 }, 1000, () => Promise.resolve('page after 1000'));
    expect(await prefetch.take({ seq: 0 }, 1000)).toBeNull();
    prefetch.start({ seq: 1000 }, 1000, () => Promise.resolve('page after 1000'));
    expect(await prefetch.take({ seq: 1000 }, 100)).toBeNull();
  });

  it('drops a fetch ahead that failed instead of failing the pull', async () => {
    const prefetch = new PagePrefetch<string>();
    prefetch.start({ seq: 1000 }, 1000, () => Promise.reject(new Error('offline')));
    expect(await prefetch.take({ seq: 1000 }, 1000)).toBeNull();
  });
});
