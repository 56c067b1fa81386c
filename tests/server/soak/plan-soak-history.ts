import type { Role } from '../../../shared/domain/roles.ts';
import { createPrng } from './prng.ts';

/** A faulty link's next few requests; `cut-mid-answer` drops the link halfway through the body. */
export type LinkFault = 'cut-before' | 'cut-after' | 'cut-mid-answer' | 'duplicate' | 'reorder';

/** One thing that happens during a soak run. `pick` and `choice` are resolved against the device's replica. */
export type SoakStep =
  | { kind: 'edit'; device: number; pick: number; field: 'priority' | 'categoryId'; choice: number }
  | { kind: 'privacy'; device: number; pick: number; flag: 'anonim' | 'rahasia' }
  | { kind: 'triage'; device: number; pick: number; choice: number }
  | { kind: 'follow-up'; device: number; pick: number; answer: boolean; attach: boolean }
  | { kind: 'offline'; device: number }
  | { kind: 'online'; device: number }
  | { kind: 'link-fault'; device: number; fault: LinkFault; requests: number }
  | { kind: 'kill-server'; server: number }
  | { kind: 'restart-server'; server: number }
  | { kind: 'restart-database' }
  | { kind: 'settle'; ms: number };

export type FaultKind =
  'offline' | 'link' | 'kill-server' | 'clock-skew' | 'restart-database' | 'second-server';

export const CORE_FAULTS: readonly FaultKind[] = ['offline', 'link', 'kill-server'];
export const ALL_FAULTS: readonly FaultKind[] = [
  ...CORE_FAULTS,
  'clock-skew',
  'restart-database',
  'second-server',
];

export type SoakDevice = {
  username: string;
  role: Role;
  name: string;
  /** A second window of the officer on the device named here: it writes, that device syncs. */
  windowOf?: string;
};

/** The index of the device whose link and replica `device` uses (its own, or its window's). */
export function hostOf(devices: readonly SoakDevice[], device: number): number {
  const { windowOf } = devices[device]!;
  if (!windowOf) return device;
  const host = devices.findIndex((candidate) => candidate.name === windowOf);
  if (host < 0 || devices[host]!.windowOf)
    throw new Error(`no device ${windowOf} to open a window on`);
  return host;
}

export type SoakPlanOptions = {
  seed: number;
  steps: number;
  devices: readonly SoakDevice[];
  faults: readonly FaultKind[];
  /** Most server kills in one history (each followed by a restart a few steps later). */
  maxKills?: number;
  maxDatabaseRestarts?: number;
};

export type SoakHistory = {
  seed: number;
  devices: readonly SoakDevice[];
  servers: number;
  /** Each device's clock error, within ±3 h (all 0 without the clock-skew fault). */
  clockSkewMs: number[];
  steps: SoakStep[];
};

const THREE_HOURS = 3 * 3_600_000;

/** The operations a role's officer would try; a read-only role sometimes forges a write. */
function planOperation(
  random: ReturnType<typeof createPrng>,
  device: number,
  role: Role,
): SoakStep {
  const pick = random.int(1_000_000);
  const roll = random.next();
  const edit = (): SoakStep => ({
    kind: 'edit',
    device,
    pick,
    field: random.chance(0.5) ? 'priority' : 'categoryId',
    choice: random.int(1000),
  });
  if (role === 'koordinator') return edit();
  if (role === 'penghubung') {
    if (roll < 0.85)
      return {
        kind: 'follow-up',
        device,
        pick,
        answer: random.chance(0.6),
        attach: random.chance(0.3),
      };
    return edit();
  }
  if (roll < 0.3) return edit();
  if (roll < 0.4)
    return { kind: 'privacy', device, pick, flag: random.chance(0.5) ? 'anonim' : 'rahasia' };
  if (roll < 0.75) return { kind: 'triage', device, pick, choice: random.int(1000) };
  return {
    kind: 'follow-up',
    device,
    pick,
    answer: random.chance(0.5),
    attach: random.chance(0.3),
  };
}

/**
 * A random history of officers' work and faults, from a seed alone (pure): the same seed plans
 * the same steps. Every fault it starts it also ends (a device back online, a killed server
 * restarted), though a prefix may stop in the middle: the driver heals what is left at the end.
 */
export function planSoakHistory(options: SoakPlanOptions): SoakHistory {
  const random = createPrng(options.seed);
  const has = (fault: FaultKind) => options.faults.includes(fault);
  const servers = has('second-server') ? 2 : 1;
  const clockSkewMs = options.devices.map(() =>
    has('clock-skew') ? Math.round((random.next() * 2 - 1) * THREE_HOURS) : 0,
  );
  const steps: SoakStep[] = [];
  const offlineUntil = options.devices.map((): number => -1);
  const serverDownUntil = Array.from({ length: servers }, (): number => -1);
  let kills = 0;
  let databaseRestarts = 0;
  const maxKills = options.maxKills ?? 2;
  const maxDatabaseRestarts = options.maxDatabaseRestarts ?? 1;

  for (let index = 0; steps.length < options.steps; index++) {
    // Faults that end now end first.
    offlineUntil.forEach((until, device) => {
      if (until === index) {
        steps.push({ kind: 'online', device });
        offlineUntil[device] = -1;
      }
    });
    serverDownUntil.forEach((until, server) => {
      if (until === index) {
        steps.push({ kind: 'restart-server', server });
        serverDownUntil[server] = -1;
      }
    });
    const picked = random.int(options.devices.length);
    const roll = random.next();
    // A window's officer works in it; the network and the device's state are its device's.
    const device = hostOf(options.devices, picked);
    if (roll < 0.62) {
      steps.push(planOperation(random, picked, options.devices[picked]!.role));
    } else if (roll < 0.7 && has('offline') && offlineUntil[device] === -1) {
      steps.push({ kind: 'offline', device });
      offlineUntil[device] = index + 2 + random.int(10);
    } else if (roll < 0.8 && has('link')) {
      const fault = random.pick<LinkFault>([
        'cut-before',
        'cut-after',
        'cut-mid-answer',
        'duplicate',
        'reorder',
      ]);
      steps.push({ kind: 'link-fault', device, fault, requests: 1 + random.int(4) });
    } else if (
      roll < 0.83 &&
      has('kill-server') &&
      kills < maxKills &&
      !serverDownUntil.some((until) => until !== -1)
    ) {
      const server = random.int(servers);
      steps.push({ kind: 'kill-server', server });
      serverDownUntil[server] = index + 2 + random.int(5);
      kills += 1;
    } else if (
      roll < 0.845 &&
      has('restart-database') &&
      databaseRestarts < maxDatabaseRestarts &&
      index > options.steps / 3
    ) {
      steps.push({ kind: 'restart-database' });
      databaseRestarts += 1;
    } else {
      steps.push({ kind: 'settle', ms: 50 + random.int(400) });
    }
  }
  return {
    seed: options.seed,
    devices: options.devices,
    servers,
    clockSkewMs,
    steps: steps.slice(0, options.steps),
  };
}
