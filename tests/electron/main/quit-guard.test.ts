import { describe, expect, it } from 'vitest';
import { createQuitGuard, QUIT_ANYWAY, quitQuestion } from '../../../electron/main/quit-guard.ts';

describe('quitting with unsynced changes', () => {
  it('lets the window close when nothing is waiting', () => {
    expect(quitQuestion(0)).toBeNull();
    expect(createQuitGuard().onCloseRequested()).toBeNull();
  });

  it('asks, naming the count, in Indonesian, with "stay" as the default', () => {
    const question = quitQuestion(3);
    expect(question?.message).toBe('3 perubahan belum tersinkron ke server pusat');
    expect(question?.buttons).toEqual(['Tetap buka', 'Keluar']);
    expect(question?.defaultId).toBe(0);
    expect(question?.cancelId).toBe(0);
    expect(question?.buttons[QUIT_ANYWAY]).toBe('Keluar');
  });

  it('uses the count the page reported last and closes once the officer says quit', () => {
    const guard = createQuitGuard();
    guard.setPendingChanges(5);
    guard.setPendingChanges(2);
    expect(guard.onCloseRequested()?.message).toMatch(/^2 perubahan/);
    expect(guard.answered(0)).toBe(false);
    expect(guard.onCloseRequested()).not.toBeNull();
    expect(guard.answered(QUIT_ANYWAY)).toBe(true);
    expect(guard.onCloseRequested()).toBeNull();
  });

  it('stops asking when the changes reach the server', () => {
    const guard = createQuitGuard();
    guard.setPendingChanges(1);
    guard.setPendingChanges(0);
    expect(guard.onCloseRequested()).toBeNull();
  });
});
