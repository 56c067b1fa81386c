import type { AddressInfo } from 'node:net';
import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationCheckpoint, SessionResponse } from '../../../shared/api/contract.ts';
import type { ReportIdentity } from '../../../shared/schemas/report-identity.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { AccessTokenProvider } from '../../../renderer/src/api/access-token-provider.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import {
  replicateCollection,
  type CollectionReplication,
} from '../../../renderer/src/sync/replicate-collection.ts';
import { saveReportIdentity } from '../../../renderer/src/features/reports/save-report-identity.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** A workstation replica syncing the letterhead and refusals with the workstation's own code. */
type Device = {
  replica: Replica;
  session: SessionResponse;
  pending: PendingChanges;
  online(): void;
  offline(): Promise<void>;
  sync(): Promise<void>;
  identity(): Promise<ReportIdentity | null>;
  close(): Promise<void>;
};

let server: TestServer;
let url = '';
let counter = 0;
const devices: Device[] = [];

async function openDevice(username: string): Promise<Device> {
  counter += 1;
  const session = await server.login(username, `device-${counter}`);
  const replica = await openReplica(`letterhead_${counter}_${Date.now()}`, getRxStorageMemory(), [
    'complaints',
    'report_identity',
    'sync_rejections',
  ]);
  const pending = new PendingChanges(replica.complaints);
  await pending.load();
  const tokens = new AccessTokenProvider({
    serverUrl: url,
    refreshToken: session.refreshToken,
    accessToken: session.accessToken,
    accessExpiresAt: session.accessTokenExpiresAt,
    serverTime: session.serverTime,
    onSession: () => undefined,
  });
  let replications: CollectionReplication<{ id: string }>[] = [];
  const stream = <T>() =>
    new Subject<RxReplicationPullStreamItem<T, ReplicationCheckpoint>>().asObservable();
  const online = () => {
    const common = { serverUrl: url, tokens, pending, retryTime: 50 };
    replications = [
      replicateCollection<ReportIdentity>({
        ...common,
        collection: replica.report_identity,
        name: 'report_identity',
        stream$: stream<ReportIdentity>(),
      }),
      replicateCollection<SyncRejection>({
        ...common,
        collection: replica.sync_rejections,
        name: 'sync_rejections',
        stream$: stream<SyncRejection>(),
      }),
    ] as unknown as CollectionReplication<{ id: string }>[];
  };
  const syncOnce = async () => {
    for (const replication of replications) replication.state.reSync();
    for (const replication of replications) await replication.state.awaitInSync();
  };
  online();
  const device: Device = {
    replica,
    session,
    pending,
    online,
    async offline() {
      await Promise.all(replications.map((replication) => replication.state.cancel()));
    },
    async sync() {
      await syncOnce();
      await syncOnce();
      await syncOnce();
    },
    async identity() {
      const document = await replica.report_identity.findOne(session.officer.instansiId).exec();
      return document ? document.toJSON() : null;
    },
    async close() {
      await Promise.all(replications.map((replication) => replication.state.cancel()));
      await replica.remove();
    },
  };
  devices.push(device);
  await device.sync();
  return device;
}

const writer = (device: Device) => ({
  replica: device.replica,
  sync: { pending: device.pending },
  officer: device.session.officer,
});

beforeAll(async () => {
  server = await startTestServer({ complaints: 5 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const device of devices) await device.close();
  await server?.close();
});

describe('the letterhead on devices', () => {
  it('two admins edit different fields offline; after both sync, every device holds both edits', async () => {
    const laptop = await openDevice('admin.kaltim');
    const desktop = await openDevice('admin.kaltim');
    const koordinator = await openDevice('koordinator.kaltim');
    expect((await koordinator.identity())?.letterheadName).toBe(
      'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
    );

    await laptop.offline();
    await desktop.offline();
    await saveReportIdentity(writer(laptop), { signerName: 'Dr. Siti Rahmawati' });
    await saveReportIdentity(writer(desktop), {
      signingCity: 'Samarinda',
      contact: 'Telp. (0541) 733333',
    });
    laptop.online();
    await laptop.sync();
    desktop.online();
    await desktop.sync();
    await laptop.sync();
    await koordinator.sync();

    for (const device of [laptop, desktop, koordinator]) {
      expect(await device.identity()).toMatchObject({
        signerName: 'Dr. Siti Rahmawati',
        signingCity: 'Samarinda',
        contact: 'Telp. (0541) 733333',
        updatedBy: laptop.session.officer.id,
      });
    }
    expect(laptop.pending.count$.value).toBe(0);
    expect(desktop.pending.count$.value).toBe(0);
  });

  it("a koordinator's edit made on its device is refused: the device returns to the instansi's letterhead and shows the refusal", async () => {
    const koordinator = await openDevice('koordinator.kaltim');
    const before = await koordinator.identity();
    await saveReportIdentity(writer(koordinator), { signerName: 'Bukan Admin' });
    await koordinator.sync();
    expect((await koordinator.identity())?.signerName).toBe(before?.signerName);
    const refusals = await koordinator.replica.sync_rejections.find().exec();
    expect(refusals.map((refusal) => refusal.targetCollection)).toContain('report_identity');
  });
});
