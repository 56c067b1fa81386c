import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { FlakyLink } from './flaky-link.ts';
import { openTestReplica, type TestReplica } from './test-replica.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export type ServerBehindLink = {
  readonly server: TestServer;
  /** The server's own address; replicas opened on `link.url` go through the link. */
  readonly url: string;
  readonly link: FlakyLink;
  /** A replica of the officer's session, synced once, closed after the file's tests. */
  replicaOf(session: SessionResponse, serverUrl?: string): Promise<TestReplica>;
};

/**
 * For one test file: a test server with `complaints` seeded, listening on a port, and a
 * FlakyLink in front of it; both stopped after the file's tests, with every replica opened.
 */
export function serverBehindLink(complaints: number): ServerBehindLink {
  let server: TestServer | undefined;
  let url = '';
  const link = new FlakyLink();
  const replicas: TestReplica[] = [];
  beforeAll(async () => {
    server = await startTestServer({ complaints });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    await link.start(url);
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await link.stop();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get url() {
      return url;
    },
    link,
    async replicaOf(session, serverUrl = url) {
      const replica = await openTestReplica({ serverUrl, session });
      replicas.push(replica);
      await replica.sync(60_000);
      return replica;
    },
  };
}
