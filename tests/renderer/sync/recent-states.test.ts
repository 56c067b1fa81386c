import { describe, expect, it } from 'vitest';
import type { RxDocumentData } from 'rxdb';
import { RecentStates } from '../../../renderer/src/sync/recent-states.ts';

type Doc = { id: string; title: string };
const state = (id: string, title: string) =>
  ({ id, title, _rev: `1-${title}` }) as unknown as RxDocumentData<Doc>;

describe('RecentStates', () => {
  it('gives the last state written of a document', () => {
    const recent = new RecentStates<Doc>(10);
    recent.remember([state('a', 'first'), state('b', 'first')]);
    recent.remember([state('a', 'second')]);
    expect(recent.stateOf('a')?.title).toBe('second');
    expect(recent.stateOf('b')?.title).toBe('first');
    expect(recent.stateOf('c')).toBeUndefined();
  });

  it('keeps the first documents written, each in its last state, once full', () => {
    const recent = new RecentStates<Doc>(2);
    recent.remember([state('a', '1'), state('b', '1')]);
    // Full: a later document is not remembered, one remembered still gets its new state.
    recent.remember([state('c', '1'), state('a', '2')]);
    expect(recent.stateOf('c')).toBeUndefined();
    expect(recent.stateOf('a')?.title).toBe('2');
    expect(recent.stateOf('b')?.title).toBe('1');
  });

  it('follows later writes of the documents it remembers, and only those', () => {
    const recent = new RecentStates<Doc>(10);
    recent.remember([state('a', 'copied')]);
    recent.follow([state('a', 'edited'), state('b', 'edited')]);
    expect(recent.stateOf('a')?.title).toBe('edited');
    expect(recent.stateOf('b')).toBeUndefined();
  });
});
