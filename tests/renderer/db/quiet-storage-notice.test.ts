import { describe, expect, it } from 'vitest';
import { quietStorageNotice } from '../../../renderer/src/db/quiet-storage-notice.ts';

function recordingConsole() {
  const printed: unknown[][] = [];
  return { printed, target: { warn: (...args: unknown[]) => void printed.push(args) } };
}

const NOTICE = [
  '-------------- RxDB Open Core RxStorage -------------------------------',
  'You are using the free Dexie.js based RxStorage implementation from RxDB',
].join('\n');

describe('quietStorageNotice', () => {
  it("drops the Dexie storage's premium notice and lets every other warning through", () => {
    const { printed, target } = recordingConsole();
    quietStorageNotice(target);
    target.warn(NOTICE);
    target.warn('Replikasi gagal', 42);
    target.warn({ notice: NOTICE });
    expect(printed).toEqual([['Replikasi gagal', 42], [{ notice: NOTICE }]]);
  });

  it('wraps a console once however many replicas open', () => {
    const { printed, target } = recordingConsole();
    quietStorageNotice(target);
    quietStorageNotice(target);
    target.warn('sekali');
    expect(printed).toEqual([['sekali']]);
  });
});
