import { describe, expect, it } from 'vitest';
import {
  crashLoopQuestion,
  decideAfterRendererGone,
  MAX_RELOADS,
  RELOAD_WINDOW_MS,
} from '../../../electron/main/crash-recovery.ts';

describe('after the page process is gone', () => {
  it('reloads after a crash', () => {
    expect(decideAfterRendererGone('crashed', [], 1_000)).toEqual({
      decision: { action: 'reload' },
      recentCrashes: [1_000],
    });
    expect(decideAfterRendererGone('oom', [], 1_000).decision).toEqual({ action: 'reload' });
  });

  it('does nothing when the page closed normally', () => {
    expect(decideAfterRendererGone('clean-exit', [500], 1_000).decision).toEqual({
      action: 'ignore',
    });
  });

  it('asks instead of reloading once crashes repeat quickly (no reload loop)', () => {
    let crashes: number[] = [];
    const actions: string[] = [];
    for (let i = 0; i < MAX_RELOADS + 2; i += 1) {
      const outcome = decideAfterRendererGone('crashed', crashes, 10_000 + i * 1_000);
      crashes = outcome.recentCrashes;
      actions.push(outcome.decision.action);
    }
    expect(actions).toEqual(['reload', 'reload', 'reload', 'ask', 'ask']);
  });

  it('forgets crashes older than the window', () => {
    const old = [0, 1_000, 2_000];
    const outcome = decideAfterRendererGone('crashed', old, 2_000 + RELOAD_WINDOW_MS);
    expect(outcome.decision).toEqual({ action: 'reload' });
    expect(outcome.recentCrashes).toEqual([2_000 + RELOAD_WINDOW_MS]);
  });

  it('asks in Indonesian, offering to reload or close', () => {
    const question = crashLoopQuestion('crashed');
    expect(question.buttons).toEqual(['Muat ulang', 'Tutup aplikasi']);
    expect(question.detail).toContain('crashed');
  });
});
