import { describe, expect, it } from 'vitest';
import {
  adjustEdits,
  forgetEdits,
  pendingKey,
  settleEdits,
} from '../../../shared/sync/pending-edits.ts';

describe('pending edit counts', () => {
  it('counts each write of a document and takes a failed one back', () => {
    const once = adjustEdits({}, 'complaints', ['a', 'b'], 1);
    const twice = adjustEdits(once, 'complaints', ['a'], 1);
    expect(twice).toEqual({ 'complaints/a': 2, 'complaints/b': 1 });
    expect(adjustEdits(twice, 'complaints', ['a', 'b'], -1)).toEqual({ 'complaints/a': 1 });
    expect(once).toEqual({ 'complaints/a': 1, 'complaints/b': 1 }); // inputs are not changed
  });

  it('keeps the same id of two collections apart', () => {
    const edits = adjustEdits(adjustEdits({}, 'units', ['x'], 1), 'categories', ['x'], 1);
    expect(Object.keys(edits).sort()).toEqual([pendingKey('categories', 'x'), 'units/x']);
  });

  it('settles only documents not written again since the push started', () => {
    const atPush = { 'complaints/a': 1, 'complaints/b': 1 };
    const snapshot = new Map(Object.entries(atPush));
    // `b` was written again while the push was in flight.
    const now = { ...atPush, 'complaints/b': 2, 'units/u': 1 };
    expect(settleEdits(now, snapshot)).toEqual({ 'complaints/b': 2, 'units/u': 1 });
  });

  it('says when a push settled nothing, so nothing is written', () => {
    expect(settleEdits({ 'complaints/a': 3 }, new Map([['complaints/a', 2]]))).toBeNull();
    expect(settleEdits({}, new Map([['complaints/a', 1]]))).toBeNull();
  });

  it('applied by two windows in either order, counts end the same', () => {
    const windowA = (edits: Record<string, number>) => adjustEdits(edits, 'complaints', ['a'], 1);
    const windowB = (edits: Record<string, number>) => adjustEdits(edits, 'holidays', ['h'], 1);
    expect(windowA(windowB({}))).toEqual(windowB(windowA({})));
  });

  it('forgets a document back at the server state whatever its count, and only it', () => {
    const edits = { 'complaints/a': 3, 'complaints/b': 1, 'units/a': 1 };
    expect(forgetEdits(edits, 'complaints', ['a'])).toEqual({ 'complaints/b': 1, 'units/a': 1 });
    expect(forgetEdits(edits, 'complaints', ['c'])).toBeNull();
  });
});
