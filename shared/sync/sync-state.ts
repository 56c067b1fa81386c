/**
 * The workstation's sync state as an explicit state machine: a pure reducer over what the
 * device observes (network, live connection, session, first-copy progress, server clock), and
 * the phase and reason the status bar shows. Time comes in with the events, never from a clock.
 */

export type SyncPhase = 'offline' | 'connecting' | 'initial_sync' | 'live' | 'paused' | 'error';

export type SyncProblem =
  /** The server ended the session (password changed or account disabled): sign in again. */
  | { kind: 'session_revoked' }
  | { kind: 'session_expired' }
  | { kind: 'server_unreachable'; sinceMs: number }
  /** Device clock minus server clock. */
  | { kind: 'clock_skew'; offsetMs: number };

export type InitialSync = {
  pulled: number;
  total: number | null;
  /** Documents already on the device when this run started (a resumed first copy). */
  resumedFrom: number;
  startedAt: number;
};

export type SyncMachineState = {
  phase: SyncPhase;
  problem: SyncProblem | null;
  network: 'online' | 'offline';
  stream: 'connecting' | 'connected' | 'disconnected';
  auth: 'valid' | 'expired' | 'revoked';
  paused: boolean;
  initial: InitialSync | null;
  /** When the live connection last dropped while the network was up. */
  disconnectedAt: number | null;
  /** Server clock minus device clock. */
  clockOffsetMs: number;
  now: number;
};

export type SyncEvent =
  | { type: 'NETWORK'; online: boolean; at: number }
  | { type: 'STREAM'; state: SyncMachineState['stream']; at: number }
  | { type: 'AUTH'; state: SyncMachineState['auth']; at: number }
  | { type: 'INITIAL_START'; alreadyPulled: number; at: number }
  | { type: 'INITIAL_PROGRESS'; pulled: number; total: number | null; at: number }
  | { type: 'INITIAL_DONE'; at: number }
  | { type: 'PAUSE'; at: number }
  | { type: 'RESUME'; at: number }
  | { type: 'CLOCK'; serverMinusDeviceMs: number; at: number }
  | { type: 'TICK'; at: number };

/** A dropped connection counts as "server unreachable" once reconnecting has failed this long. */
export const UNREACHABLE_AFTER_MS = 20_000;
/** A device clock this far from the server's is reported (deadlines and timestamps go wrong). */
export const CLOCK_SKEW_LIMIT_MS = 10 * 60_000;

export function initialSyncState(at: number, online = true): SyncMachineState {
  return derive({
    phase: 'connecting',
    problem: null,
    network: online ? 'online' : 'offline',
    stream: 'connecting',
    auth: 'valid',
    paused: false,
    initial: null,
    disconnectedAt: null,
    clockOffsetMs: 0,
    now: at,
  });
}

function problemOf(state: SyncMachineState): SyncProblem | null {
  if (state.auth === 'revoked') return { kind: 'session_revoked' };
  if (state.auth === 'expired') return { kind: 'session_expired' };
  if (
    state.network === 'online' &&
    state.stream !== 'connected' &&
    state.disconnectedAt !== null &&
    state.now - state.disconnectedAt >= UNREACHABLE_AFTER_MS
  ) {
    return { kind: 'server_unreachable', sinceMs: state.disconnectedAt };
  }
  if (Math.abs(state.clockOffsetMs) >= CLOCK_SKEW_LIMIT_MS)
    return { kind: 'clock_skew', offsetMs: -state.clockOffsetMs };
  return null;
}

function derive(state: SyncMachineState): SyncMachineState {
  const problem = problemOf(state);
  let phase: SyncPhase;
  if (state.paused) phase = 'paused';
  else if (state.network === 'offline') phase = 'offline';
  else if (problem) phase = 'error';
  else if (state.stream !== 'connected') phase = 'connecting';
  else if (state.initial) phase = 'initial_sync';
  else phase = 'live';
  return { ...state, phase, problem };
}

export function reduceSyncState(state: SyncMachineState, event: SyncEvent): SyncMachineState {
  const next: SyncMachineState = { ...state, now: Math.max(state.now, event.at) };
  switch (event.type) {
    case 'NETWORK':
      next.network = event.online ? 'online' : 'offline';
      // Offline is its own phase, not an unreachable server; the clock restarts when back.
      next.disconnectedAt = event.online && state.stream !== 'connected' ? event.at : null;
      break;
    case 'STREAM':
      next.stream = event.state;
      if (event.state === 'connected') next.disconnectedAt = null;
      else if (state.disconnectedAt === null && state.network === 'online')
        next.disconnectedAt = event.at;
      break;
    case 'AUTH':
      next.auth = event.state;
      break;
    case 'INITIAL_START':
      next.initial = {
        pulled: event.alreadyPulled,
        total: null,
        resumedFrom: event.alreadyPulled,
        startedAt: event.at,
      };
      break;
    case 'INITIAL_PROGRESS':
      if (state.initial) {
        next.initial = {
          ...state.initial,
          pulled: state.initial.resumedFrom + event.pulled,
          total: event.total === null ? null : state.initial.resumedFrom + event.total,
        };
      }
      break;
    case 'INITIAL_DONE':
      next.initial = null;
      break;
    case 'PAUSE':
      next.paused = true;
      break;
    case 'RESUME':
      next.paused = false;
      break;
    case 'CLOCK':
      next.clockOffsetMs = event.serverMinusDeviceMs;
      break;
    case 'TICK':
      break;
  }
  return derive(next);
}

/** Estimated time left for the first copy, from the rate of this run; null until measurable. */
export function estimateRemainingMs(initial: InitialSync, now: number): number | null {
  if (initial.total === null) return null;
  const done = initial.pulled - initial.resumedFrom;
  const elapsed = now - initial.startedAt;
  if (done <= 0 || elapsed <= 0) return null;
  return Math.max(0, Math.round(((initial.total - initial.pulled) * elapsed) / done));
}

/** Share of the first copy on the device, 0–1; null while the total is unknown. */
export function initialSyncFraction(initial: InitialSync): number | null {
  if (initial.total === null || initial.total === 0) return initial.total === 0 ? 1 : null;
  return Math.min(1, initial.pulled / initial.total);
}
