import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLOCK_SKEW_LIMIT_MS,
  estimateRemainingMs,
  initialSyncFraction,
  initialSyncState,
  reduceSyncState,
  UNREACHABLE_AFTER_MS,
  type SyncEvent,
  type SyncMachineState,
} from '../../../shared/sync/sync-state.ts';

const T0 = 1_800_000_000_000;
const run = (events: SyncEvent[], start: SyncMachineState = initialSyncState(T0)) =>
  events.reduce(reduceSyncState, start);

describe('sync state machine', () => {
  it('goes connecting → initial sync with progress → live', () => {
    let state = run([{ type: 'INITIAL_START', alreadyPulled: 0, at: T0 }]);
    expect(state.phase).toBe('connecting');
    state = run([{ type: 'STREAM', state: 'connected', at: T0 + 100 }], state);
    expect(state.phase).toBe('initial_sync');
    state = run([{ type: 'INITIAL_PROGRESS', pulled: 1000, total: 4000, at: T0 + 2_100 }], state);
    expect(state.initial).toMatchObject({ pulled: 1000, total: 4000 });
    expect(initialSyncFraction(state.initial!)).toBe(0.25);
    // 1000 documents in 2.1 s → 3000 more take 6.3 s.
    expect(estimateRemainingMs(state.initial!, T0 + 2_100)).toBe(6_300);
    state = run([{ type: 'INITIAL_DONE', at: T0 + 9_000 }], state);
    expect(state.phase).toBe('live');
    expect(state.problem).toBeNull();
  });

  it('resumes a first copy from what the device already holds', () => {
    const state = run([
      { type: 'INITIAL_START', alreadyPulled: 2500, at: T0 },
      { type: 'STREAM', state: 'connected', at: T0 },
      { type: 'INITIAL_PROGRESS', pulled: 500, total: 1500, at: T0 + 1000 },
    ]);
    expect(state.initial).toMatchObject({ pulled: 3000, total: 4000, resumedFrom: 2500 });
    // The rate counts only this run's 500 documents: 1000 more take 2 s.
    expect(estimateRemainingMs(state.initial!, T0 + 1000)).toBe(2000);
  });

  it('is offline when the network is down, and never reports the server unreachable then', () => {
    const state = run([
      { type: 'STREAM', state: 'connected', at: T0 },
      { type: 'NETWORK', online: false, at: T0 + 1 },
      { type: 'STREAM', state: 'disconnected', at: T0 + 2 },
      { type: 'TICK', at: T0 + 10 * UNREACHABLE_AFTER_MS },
    ]);
    expect(state.phase).toBe('offline');
    expect(state.problem).toBeNull();
  });

  it('reports the server unreachable only after reconnecting failed for a while', () => {
    let state = run([
      { type: 'STREAM', state: 'connected', at: T0 },
      { type: 'STREAM', state: 'disconnected', at: T0 + 1000 },
    ]);
    expect(state.phase).toBe('connecting');
    state = run([{ type: 'TICK', at: T0 + 1000 + UNREACHABLE_AFTER_MS }], state);
    expect(state.phase).toBe('error');
    expect(state.problem).toEqual({ kind: 'server_unreachable', sinceMs: T0 + 1000 });
    state = run([{ type: 'STREAM', state: 'connected', at: T0 + 60_000 }], state);
    expect(state.phase).toBe('live');
  });

  it('names why the session ended, before any other problem', () => {
    const revoked = run([
      { type: 'STREAM', state: 'disconnected', at: T0 },
      { type: 'CLOCK', serverMinusDeviceMs: -3 * 3_600_000, at: T0 },
      { type: 'AUTH', state: 'revoked', at: T0 + 1 },
      { type: 'TICK', at: T0 + 2 * UNREACHABLE_AFTER_MS },
    ]);
    expect(revoked.phase).toBe('error');
    expect(revoked.problem).toEqual({ kind: 'session_revoked' });
    const expired = run([{ type: 'AUTH', state: 'expired', at: T0 }], revoked);
    expect(expired.problem).toEqual({ kind: 'session_expired' });
    const back = run([{ type: 'AUTH', state: 'valid', at: T0 }], expired);
    expect(back.problem).not.toEqual({ kind: 'session_expired' });
  });

  it('reports a device clock hours off, with its sign', () => {
    const ahead = run([
      { type: 'STREAM', state: 'connected', at: T0 },
      { type: 'CLOCK', serverMinusDeviceMs: -2 * 3_600_000, at: T0 },
    ]);
    expect(ahead.phase).toBe('error');
    expect(ahead.problem).toEqual({ kind: 'clock_skew', offsetMs: 2 * 3_600_000 });
    const fine = run(
      [{ type: 'CLOCK', serverMinusDeviceMs: CLOCK_SKEW_LIMIT_MS - 1, at: T0 }],
      ahead,
    );
    expect(fine.phase).toBe('live');
  });

  it('stays paused whatever happens until resumed', () => {
    let state = run([
      { type: 'STREAM', state: 'connected', at: T0 },
      { type: 'PAUSE', at: T0 },
      { type: 'NETWORK', online: false, at: T0 },
      { type: 'AUTH', state: 'expired', at: T0 },
    ]);
    expect(state.phase).toBe('paused');
    state = run([{ type: 'RESUME', at: T0 }], state);
    expect(state.phase).toBe('offline');
  });

  it('always lands in a phase consistent with its inputs (random event sequences)', () => {
    const at = fc.integer({ min: 0, max: 120_000 }).map((offset) => T0 + offset);
    const event: fc.Arbitrary<SyncEvent> = fc.oneof(
      fc.record({ type: fc.constant('NETWORK' as const), online: fc.boolean(), at }),
      fc.record({
        type: fc.constant('STREAM' as const),
        state: fc.constantFrom(
          'connecting' as const,
          'connected' as const,
          'disconnected' as const,
        ),
        at,
      }),
      fc.record({
        type: fc.constant('AUTH' as const),
        state: fc.constantFrom('valid' as const, 'expired' as const, 'revoked' as const),
        at,
      }),
      fc.record({
        type: fc.constantFrom('PAUSE' as const, 'RESUME' as const, 'TICK' as const),
        at,
      }),
      fc.record({
        type: fc.constant('CLOCK' as const),
        serverMinusDeviceMs: fc.integer({ min: -5 * 3_600_000, max: 5 * 3_600_000 }),
        at,
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const state = run(events);
        if (state.paused) expect(state.phase).toBe('paused');
        else if (state.network === 'offline') expect(state.phase).toBe('offline');
        else if (state.auth !== 'valid') expect(state.phase).toBe('error');
        if (state.phase === 'live') {
          expect(state.stream).toBe('connected');
          expect(state.problem).toBeNull();
        }
        if (state.phase === 'error') expect(state.problem).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
