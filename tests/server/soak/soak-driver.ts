import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import type { Database, SqlExecutor } from '../../../server/db/database.ts';
import {
  loadSlaRuleSets,
  loadWorkingCalendar,
} from '../../../server/calendar/working-calendar-repository.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import { planFollowUp } from '../../../shared/domain/follow-up.ts';
import {
  availableTriageActions,
  planTriageAction,
  type TriageActionInput,
} from '../../../shared/domain/plan-triage-action.ts';
import { ARCHIVE_REASONS } from '../../../shared/domain/triage.ts';
import { computeRakordaReport } from '../../../shared/reports/compute-rakorda-figures.ts';
import { regionDirectorySchema } from '../../../shared/regions/region-directory.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { FlakyLink, type LinkAction } from '../support/flaky-link.ts';
import { pullAll } from '../support/replication-client.ts';
import {
  openRemoteReplica,
  openRemoteWindow,
  openReplicaRealms,
  type RemoteReplica,
  type ReplicaRealm,
} from './replica-realms.ts';
import { SOAK_OFFICER_PASSWORD, SOAK_OFFICERS } from './soak-devices.ts';
import {
  checkSoakConvergence,
  type AuditEntry,
  type DeviceAction,
  type DeviceObservation,
  type ServerObservation,
} from './check-soak-convergence.ts';
import { hostOf, type LinkFault, type SoakHistory, type SoakStep } from './plan-soak-history.ts';

/** Where the soak's servers keep their data: one database, one pool per server process. */
export type SoakEnvironment = {
  kind: 'postgresql' | 'pglite';
  /** Migrated and seeded; the checker reads the audit log through it. */
  db: Database;
  /** A connection pool of its own for one server process (the same database on PGlite). */
  openServerDatabase(): Promise<Database>;
  /** Stops and starts the database server (PostgreSQL only). */
  restartDatabase?: () => Promise<void>;
};

export type SoakFigures = {
  seed: number;
  steps: number;
  operations: number;
  /** Operations per device, by name. */
  operationsByDevice: Record<string, number>;
  refusedLocally: number;
  faults: Record<string, number>;
  convergeMs: number;
  convergeRounds: number;
  runMs: number;
};

export type SoakResult = { violations: string[]; figures: SoakFigures; actions: DeviceAction[] };

/** The report period the RAKORDA comparison uses: it covers the demo seed's span. */
const REPORT_FROM = '2026-06-01';
const REPORT_TO = '2026-11-30';
/** Longest any one step may take before the run reports it as hung. */
const STEP_TIMEOUT_MS = 90_000;
/** Operations pick among this many complaints of the device's scope, so officers collide. */
const HOT_SET = 24;

type ServerSlot = {
  app: FastifyInstance | null;
  url: string;
  pool: Database;
  crashArmed: boolean;
};

type Device = {
  name: string;
  session: SessionResponse;
  /** The device this one runs on: itself, or for a second window the device holding its replica. */
  host: Device;
  /** The device's link (its host's, for a window). */
  link: FlakyLink;
  /** In a replica realm (a worker thread); a window's is its host's replica, seen by the window. */
  replica: RemoteReplica;
  online: boolean;
  faults: LinkFault[];
  skewMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Longest the check or one clean-up wait may take before the run names it as stuck. */
const PHASE_TIMEOUT_MS = 120_000;

/** `work`, or an error naming `what` once it has waited `ms`: a run never waits silently. */
export async function withinTime<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
/** JSON as it travels: drops undefined fields so documents compare by value. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const withoutDeleted = <T>(documents: readonly (T & { _deleted?: boolean })[]): T[] =>
  documents
    .filter((document) => !document._deleted)
    .map(({ _deleted, ...rest }) => {
      void _deleted;
      return plain(rest as T);
    });

/** A transaction wrapper that can die before its commit, the way a killed process does. */
function killableDatabase(slot: () => ServerSlot): Database {
  return {
    get kind() {
      return slot().pool.kind;
    },
    query: <Row>(sql: string, params?: readonly unknown[]) => slot().pool.query<Row>(sql, params),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return slot().pool.transaction(async (tx) => {
        const result = await work(tx);
        const current = slot();
        if (current.crashArmed && current.app) {
          current.crashArmed = false;
          killNow(current);
          throw new Error('server process killed');
        }
        return result;
      });
    },
    execScript: (sql) => slot().pool.execScript(sql),
    close: async () => undefined,
  };
}

/** Connections drop at once; nothing in flight finishes. */
function killNow(slot: ServerSlot): void {
  const app = slot.app;
  slot.app = null;
  if (!app) return;
  app.server.closeAllConnections();
  void app.close().catch(() => undefined);
}

/**
 * Runs one soak history against real servers and real workstation replicas, heals every fault,
 * waits for convergence and checks the result. Replicas are the workstation's own replication
 * code (tests/server/support/test-replica.ts) on RxDB's memory storage in this process.
 */
export async function runSoak(
  history: SoakHistory,
  environment: SoakEnvironment,
  log: (line: string) => void = () => undefined,
): Promise<SoakResult> {
  const started = performance.now();
  const startedAt = Date.now();
  const faults: Record<string, number> = {};
  const count = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);
  const actions: DeviceAction[] = [];
  let operations = 0;
  const operationsByDevice: Record<string, number> = {};
  let refusedLocally = 0;

  const slots: ServerSlot[] = [];
  for (let index = 0; index < history.servers; index++) {
    slots.push({
      app: null,
      url: '',
      pool: await environment.openServerDatabase(),
      crashArmed: false,
    });
  }
  const startServer = async (index: number) => {
    const slot = slots[index]!;
    const app = await buildApp({
      db: killableDatabase(() => slot),
      loginAttemptsPerMinute: 10_000,
      shutdownTimeoutMs: 200,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    slot.app = app;
    slot.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  };
  for (let index = 0; index < slots.length; index++) await startServer(index);
  const liveApp = () => {
    const slot = slots.find((candidate) => candidate.app);
    if (!slot) throw new Error('no server is running');
    return slot.app!;
  };

  const passwordOf = (username: string) =>
    SOAK_OFFICERS.some((officer) => officer.username === username)
      ? SOAK_OFFICER_PASSWORD
      : DEMO_PASSWORD;
  const login = async (username: string, deviceId: string) => {
    const response = await liveApp().inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: passwordOf(username), deviceId },
    });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
    return response.json<SessionResponse>();
  };

  const admin = await login(
    history.devices.find((device) => device.role === 'admin_instansi')?.username ?? 'admin.kaltim',
    'soak-checker',
  );
  const units = withoutDeleted<Unit>(
    (await pullAll<Unit>(liveApp(), admin, 'units', 500)).documents,
  );
  const categories = withoutDeleted<Category>(
    (await pullAll<Category>(liveApp(), admin, 'categories', 500)).documents,
  );
  const activeUnitIds = units
    .filter((unit) => unit.active)
    .map((unit) => unit.id)
    .sort();
  const activeCategoryIds = categories
    .filter((category) => category.active)
    .map((category) => category.id)
    .sort();

  // The officers the devices need beyond the demo's, created as an admin creates them.
  for (const officer of SOAK_OFFICERS) {
    if (!history.devices.some((device) => device.username === officer.username)) continue;
    const unitId = officer.unitCode
      ? units.find((unit) => unit.code === officer.unitCode && unit.active)?.id
      : '';
    if (unitId === undefined) throw new Error(`no active unit ${officer.unitCode}`);
    const response = await liveApp().inject({
      method: 'POST',
      url: '/api/admin/officers',
      headers: { authorization: `Bearer ${admin.accessToken}` },
      payload: {
        username: officer.username,
        displayName: officer.displayName,
        role: officer.role,
        unitId,
        password: SOAK_OFFICER_PASSWORD,
      },
    });
    if (response.statusCode !== 201)
      throw new Error(`creating officer ${officer.username}: ${response.body}`);
  }

  let requestCounter = 0;
  const devices: Device[] = [];
  const realms: ReplicaRealm[] = openReplicaRealms(
    history.devices.filter((device) => !device.windowOf).length,
  );
  // Hosts first, so every window finds its device open.
  const order = [...history.devices.keys()].sort(
    (a, b) => Number(hostOf(history.devices, a) !== a) - Number(hostOf(history.devices, b) !== b),
  );
  const opened = new Map<number, Device>();
  const openDevices = async () => {
    for (const index of order) {
      const spec = history.devices[index]!;
      const hostIndex = hostOf(history.devices, index);
      if (hostIndex !== index) {
        // A second window: the officer's session and the device's link, replica and clock.
        const host = opened.get(hostIndex)!;
        if (host.session.officer.username !== spec.username)
          throw new Error(`${spec.name} is a window of another officer's device`);
        opened.set(index, {
          ...host,
          name: spec.name,
          host,
          replica: await openRemoteWindow(host.replica, spec.name),
        });
        continue;
      }
      const session = await login(spec.username, `soak-${spec.name}`);
      const link = new FlakyLink();
      await link.start(slots[0]!.url);
      const device: Device = {
        name: spec.name,
        session,
        host: null as unknown as Device,
        link,
        replica: null as unknown as RemoteReplica,
        online: true,
        faults: [],
        skewMs: history.clockSkewMs[index] ?? 0,
      };
      device.host = device;
      // A load balancer in front of the server processes, and the device's own bad link.
      link.decide = (): LinkAction => {
        const live = slots.filter((slot) => slot.app);
        if (live.length === 0) return { kind: 'cut-before' };
        link.target = live[requestCounter++ % live.length]!.url;
        const fault = device.faults.shift();
        if (!fault) return { kind: 'pass' };
        if (fault === 'reorder') return { kind: 'pass', delayMs: 20 + (requestCounter % 7) * 40 };
        if (fault === 'cut-mid-answer') return { kind: 'cut-mid-body', fraction: 0.5 };
        return { kind: fault };
      };
      device.replica = await openRemoteReplica(realms, spec.name, {
        serverUrl: link.url,
        session,
        skewMs: device.skewMs,
      });
      opened.set(index, device);
    }
  };
  /** The devices that sync: every one but a second window. */
  const hosts: Device[] = [];
  try {
    await openDevices();
    devices.push(...history.devices.map((_spec, index) => opened.get(index)!));
    hosts.push(...devices.filter((device) => device.host === device));
    await Promise.all(hosts.map((device) => device.replica.sync(120_000)));
  } catch (error) {
    // Nothing of a history that could not start stays open: threads, links, servers.
    for (const realm of realms) await realm.terminate();
    for (const device of opened.values()) if (device.host === device) await device.link.stop();
    for (const slot of slots) await slot.app?.close();
    throw error;
  }
  log(
    `soak seed ${history.seed}: ${devices.length} devices in sync, ${history.steps.length} steps`,
  );

  const hotSet = async (device: Device) => {
    const all = await device.replica.complaints();
    return all.sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, HOT_SET);
  };
  const target = async (device: Device, pick: number) => {
    const candidates = await hotSet(device);
    return candidates.length ? candidates[pick % candidates.length]! : null;
  };
  const write = async (
    step: number,
    device: Device,
    complaintId: string,
    patch: Partial<Complaint>,
  ) => {
    await device.replica.edit(complaintId, patch);
    actions.push({
      kind: 'write',
      step,
      device: device.name,
      deviceId: `soak-${device.host.name}`,
      officerId: device.session.officer.id,
      complaintId,
      patch,
    });
  };
  const insertEvents = async (step: number, device: Device, events: ComplaintEvent[]) => {
    await device.replica.insertEvents(events);
    for (const event of events)
      actions.push({ kind: 'event', step, device: device.name, officerId: event.officerId, event });
  };

  const triageInput = async (
    device: Device,
    complaint: Complaint,
    choice: number,
    tag: string,
  ): Promise<TriageActionInput | null> => {
    const offered = availableTriageActions(complaint, device.session.officer);
    if (offered.length === 0) return null;
    const kind = offered[choice % offered.length]!;
    const unit = activeUnitIds[choice % activeUnitIds.length]!;
    const text = `Soak ${tag}: tindakan acak untuk pengujian`;
    switch (kind) {
      case 'verify_dispose':
        return {
          kind,
          unitId: unit,
          instruction: text,
          privacyConfirmed: true,
          anonim: choice % 3 === 0 ? !complaint.anonim : complaint.anonim,
          rahasia: choice % 5 === 0 ? !complaint.rahasia : complaint.rahasia,
        };
      case 'redispose': {
        const other = activeUnitIds.find((id) => id !== complaint.unitId) ?? unit;
        return { kind, unitId: choice % 2 ? unit : other, instruction: text };
      }
      case 'hold':
        return { kind, missingDetails: text };
      case 'archive':
        return { kind, reasonCode: ARCHIVE_REASONS[choice % ARCHIVE_REASONS.length]!, note: text };
      case 'not_authority':
        return { kind, reason: text };
      case 'mark_duplicate': {
        const others = (await hotSet(device)).filter((other) => other.id !== complaint.id);
        if (!others.length) return null;
        return { kind, duplicateOfId: others[choice % others.length]!.id, note: text };
      }
      case 'close': {
        const events = await device.replica.events(complaint.id);
        if (!events.some((event) => event.kind === 'tindak_lanjut')) return null;
        return { kind, note: text };
      }
      case 'reopen':
        return { kind, reason: text };
    }
  };

  const run = async (step: SoakStep, index: number) => {
    const tag = `s${history.seed}-${index}`;
    switch (step.kind) {
      case 'edit':
      case 'privacy':
      case 'triage':
      case 'follow-up': {
        const device = devices[step.device]!;
        const complaint = await target(device, step.pick);
        if (!complaint) return;
        operations += 1;
        operationsByDevice[device.name] = (operationsByDevice[device.name] ?? 0) + 1;
        const officer = device.session.officer;
        const now = Date.now() + device.skewMs;
        if (step.kind === 'edit') {
          if (step.field === 'priority') {
            const priority =
              PRIORITIES[
                (PRIORITIES.indexOf(complaint.priority) +
                  1 +
                  (step.choice % (PRIORITIES.length - 1))) %
                  PRIORITIES.length
              ]!;
            await write(index, device, complaint.id, { priority });
          } else {
            const others = activeCategoryIds.filter((id) => id !== complaint.categoryId);
            await write(index, device, complaint.id, {
              categoryId: others[step.choice % others.length]!,
            });
          }
        } else if (step.kind === 'privacy') {
          await write(index, device, complaint.id, { [step.flag]: !complaint[step.flag] });
        } else if (step.kind === 'triage') {
          const input = await triageInput(device, complaint, step.choice, tag);
          let counter = 0;
          const plan = input
            ? planTriageAction(
                complaint,
                input,
                { officer, now, newId: () => `${tag}-t${counter++}` },
                { activeUnitIds: new Set(activeUnitIds) },
              )
            : null;
          if (!plan?.ok) {
            refusedLocally += 1;
            return;
          }
          // As the workstation does: the events first, then the complaint's move.
          await insertEvents(index, device, plan.events);
          await write(index, device, complaint.id, plan.patch);
        } else {
          const kind = step.answer ? 'tindak_lanjut' : 'catatan_internal';
          const plan = planFollowUp(
            complaint,
            {
              kind,
              content: `Soak ${tag}: tindak lanjut acak dari ${device.name} untuk pengujian konvergensi`,
              attachments: step.attach
                ? [{ id: `${tag}-f`, name: `foto-${tag}.jpg`, type: 'image/jpeg', size: 2048 }]
                : [],
            },
            { officer, now, eventId: `${tag}-e` },
          );
          if (!plan.ok) {
            refusedLocally += 1;
            return;
          }
          await insertEvents(index, device, [plan.event]);
          if (plan.patch.status) await write(index, device, complaint.id, plan.patch);
        }
        return;
      }
      case 'offline': {
        const device = devices[step.device]!.host;
        if (!device.online) return;
        count('offline');
        device.online = false;
        await device.replica.pause();
        return;
      }
      case 'online': {
        const device = devices[step.device]!.host;
        if (device.online) return;
        device.online = true;
        await device.replica.resume();
        return;
      }
      case 'link-fault':
        count(`link:${step.fault}`);
        devices[step.device]!.host.faults.push(
          ...Array.from({ length: step.requests }, () => step.fault),
        );
        return;
      case 'kill-server': {
        const slot = slots[step.server];
        if (!slot?.app) return;
        count('kill-server');
        // The process dies inside its next write transaction, before commit.
        slot.crashArmed = true;
        return;
      }
      case 'restart-server': {
        const slot = slots[step.server];
        if (!slot) return;
        if (slot.app) killNow(slot); // never got a write: killed while idle
        slot.crashArmed = false;
        await startServer(step.server);
        return;
      }
      case 'restart-database':
        if (!environment.restartDatabase) return;
        count('restart-database');
        await environment.restartDatabase();
        return;
      case 'settle': {
        const online = hosts.filter((device) => device.online);
        await Promise.race([
          Promise.allSettled(online.map((device) => device.replica.sync(step.ms + 2_000))),
          sleep(step.ms),
        ]);
        return;
      }
    }
  };

  try {
    for (const [index, step] of history.steps.entries()) {
      log(`step ${index} ${JSON.stringify(step)}`);
      // A step that never ends is a finding too: say which one.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        run(step, index),
        new Promise((_resolve, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `step ${index} (${JSON.stringify(step)}) did not finish in ${STEP_TIMEOUT_MS} ms`,
                ),
              ),
            STEP_TIMEOUT_MS,
          );
        }),
      ]).finally(() => clearTimeout(timer));
    }

    // Heal: links clean, every device online, every server process up.
    log('heal');
    const converging = performance.now();
    for (const device of hosts) {
      device.faults = [];
      if (!device.online) {
        device.online = true;
        await device.replica.resume();
      }
    }
    for (const [index, slot] of slots.entries()) {
      slot.crashArmed = false;
      if (!slot.app) await startServer(index);
    }
    const counter = async () =>
      Number(
        (await environment.db.query<{ value: number }>('SELECT value FROM change_counter'))[0]
          ?.value,
      );
    let rounds = 0;
    let before = await counter();
    for (;;) {
      rounds += 1;
      log(`converge round ${rounds}`);
      for (const device of hosts) {
        await device.replica.sync(60_000).catch(async (error: unknown) => {
          const where = await Promise.all([device.replica.describe(), device.replica.pending()]);
          throw new Error(
            `heal round ${rounds}: ${device.name}: ${error instanceof Error ? error.message : String(error)} ` +
              `(${where[0]}; pending ${where[1].count})`,
          );
        });
      }
      const after = await counter();
      let pending = 0;
      for (const device of devices) pending += (await device.replica.pending()).count;
      if (after === before && pending === 0) break;
      if (rounds >= 12) break;
      before = after;
    }
    const convergeMs = performance.now() - converging;

    log('observe');
    const observed = await withinTime(
      'reading the devices and the server',
      PHASE_TIMEOUT_MS,
      observe(devices, liveApp(), environment, admin, units, categories),
    );
    observed.server.since = startedAt;
    const violations = checkSoakConvergence(actions, observed.devices, observed.server);
    return {
      violations,
      actions,
      figures: {
        seed: history.seed,
        steps: history.steps.length,
        operations,
        operationsByDevice,
        refusedLocally,
        faults,
        convergeMs: Math.round(convergeMs),
        convergeRounds: rounds,
        runMs: Math.round(performance.now() - started),
      },
    };
  } finally {
    log('close');
    // A clean-up that hangs is reported, not waited on for ever (a hung run hid its own error).
    const closing = (what: string, work: () => Promise<unknown>) =>
      withinTime(what, PHASE_TIMEOUT_MS, work()).catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('did not finish')) log(error.message);
      });
    // Windows first, then the replicas; a realm that does not close its replicas in time is
    // ended with them, so nothing stays open for the next history.
    for (const device of [...devices]
      .reverse()
      .sort((a, b) => Number(a.host === a) - Number(b.host === b))) {
      await closing(`closing replica ${device.name}`, () => device.replica.close());
      if (device.host === device)
        await closing(`stopping the link of ${device.name}`, () => device.link.stop());
    }
    for (const realm of realms)
      await closing(`ending realm ${realm.index}`, () => realm.terminate());
    for (const [index, slot] of slots.entries()) {
      if (slot.app) await closing(`closing server ${index}`, () => slot.app!.close());
      if (slot.pool !== environment.db)
        await closing(`closing the pool of server ${index}`, () => slot.pool.close());
    }
  }
}

async function rakordaOf(app: FastifyInstance, session: SessionResponse) {
  const unit = session.officer.role === 'penghubung' ? `&unit=${session.officer.unitId}` : '';
  const response = await app.inject({
    method: 'GET',
    url: `/api/reports/rakorda?from=${REPORT_FROM}&to=${REPORT_TO}${unit}`,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  if (response.statusCode !== 200)
    throw new Error(`rakorda ${response.statusCode}: ${response.body}`);
  return response.json<{ current: { generatedAt: number; dataAsOf: number } }>();
}

/** The region's place names as a device fetches them (the RAKORDA names its kab/kota with them). */
async function regionDirectoryOf(app: FastifyInstance, session: SessionResponse) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/regions/directory',
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  if (response.statusCode !== 200)
    throw new Error(`region directory ${response.statusCode}: ${response.body}`);
  return regionDirectorySchema.parse(response.json());
}

/** Reads every device and the server after convergence, for the checker. */
async function observe(
  devices: readonly Device[],
  app: FastifyInstance,
  environment: SoakEnvironment,
  admin: SessionResponse,
  units: readonly Unit[],
  categories: readonly Category[],
): Promise<{ devices: DeviceObservation[]; server: ServerObservation }> {
  const instansiId = admin.officer.instansiId;
  const calendar = await loadWorkingCalendar(environment.db, instansiId);
  const slaRuleSets = await loadSlaRuleSets(environment.db, instansiId);
  const scopes: ServerObservation['scopes'] = {};
  const sessions = new Map(devices.map((device) => [device.session.officer.id, device.session]));
  sessions.set(admin.officer.id, admin);
  for (const [officerId, session] of sessions) {
    scopes[officerId] = {
      complaints: withoutDeleted<Complaint>(
        (await pullAll<Complaint>(app, session, 'complaints', 500)).documents,
      ),
      events: withoutDeleted<ComplaintEvent>(
        (await pullAll<ComplaintEvent>(app, session, 'complaint_events', 500)).documents,
      ),
      rejections: withoutDeleted<SyncRejection>(
        (await pullAll<SyncRejection>(app, session, 'sync_rejections', 500)).documents,
      ),
      rakorda: await rakordaOf(app, session),
    };
  }
  const adminScope = scopes[admin.officer.id]!;
  const audit = (
    await environment.db.query<{
      action: string;
      officer_id: string | null;
      device_id: string | null;
      document_id: string | null;
      details: unknown;
    }>(
      `SELECT action, officer_id, device_id, document_id, details FROM audit_log
        WHERE action IN ('write_accepted', 'write_refused', 'event_appended', 'identity_revealed')`,
    )
  ).map((row): AuditEntry => {
    const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as {
      fields?: string[];
    } | null;
    return {
      action: row.action,
      officerId: row.officer_id,
      deviceId: row.device_id,
      documentId: row.document_id,
      fields: details?.fields ?? [],
    };
  });

  const observations: DeviceObservation[] = [];
  for (const device of devices) {
    const { officer } = device.session;
    const complaints = plain(await device.replica.complaints());
    const events = plain(await device.replica.events());
    const rejections = plain(await device.replica.rejections());
    const server = scopes[officer.id]!.rakorda as { current: { generatedAt: number } };
    const { regencies } = await regionDirectoryOf(app, device.session);
    const rakorda = computeRakordaReport({
      regencies,
      complaints,
      events,
      period: {
        from: REPORT_FROM,
        to: REPORT_TO,
        unitIds: officer.role === 'penghubung' ? [officer.unitId] : [],
      },
      calendar,
      slaRuleSets,
      units: units.map((unit) => ({
        id: unit.id,
        name: unit.name,
        shortName: unit.shortName,
        active: unit.active,
      })),
      categories: categories.map((category) => ({
        id: category.id,
        name: category.name,
        active: category.active,
      })),
      now: server.current.generatedAt,
      dataAsOf: server.current.generatedAt,
    });
    const pendingKeys = (await device.replica.pending()).keys;
    // Said beside the checker's "writes still pending", to tell an edit never pushed from a
    // count never settled.
    if (pendingKeys.length > 0)
      for (const line of await device.replica.explainPending())
        console.log(`${device.name} pending: ${line}`);
    observations.push({
      device: device.name,
      officerId: officer.id,
      role: officer.role,
      unitId: officer.unitId,
      complaints,
      events,
      rejections,
      conflicts: await device.replica.conflicts(),
      pending: pendingKeys,
      rakorda: plain(rakorda),
    });
  }
  return {
    devices: observations,
    server: {
      complaints: adminScope.complaints,
      events: adminScope.events,
      audit,
      scopes,
      since: 0,
    },
  };
}
