import { afterAll, describe, expect, it } from 'vitest';
import { replicaRequestSchema } from './replica-messages.ts';
import { REPLICAS_PER_REALM, ReplicaRealm, openReplicaRealms } from './replica-realms.ts';

describe('replica realms', () => {
  const realm = new ReplicaRealm(0);
  afterAll(() => realm.terminate());

  it('answers a request about a replica it does not hold with an error', async () => {
    await expect(realm.ask({ kind: 'complaints', handle: 'nobody' })).rejects.toThrow(
      /no replica nobody in this realm/,
    );
  });

  it('refuses a malformed request instead of acting on it', async () => {
    const forged = { kind: 'edit', handle: 'x', complaintId: '', patch: 'priority=tinggi' };
    expect(replicaRequestSchema.safeParse(forged).success).toBe(false);
    // As if a caller bypassed the types: the thread parses what it receives.
    await expect(realm.ask(forged as never)).rejects.toThrow(/malformed request/);
    await expect(
      realm.ask({
        kind: 'open',
        handle: 'a',
        serverUrl: 'not a url',
        session: {} as never,
        skewMs: 0,
      }),
    ).rejects.toThrow(/malformed request/);
  });

  it('holds at most four replicas a realm, and opens realms enough for ten', async () => {
    const fresh = openReplicaRealms(9);
    try {
      expect(fresh).toHaveLength(3);
      const first = fresh[0]!;
      for (let index = 0; index < REPLICAS_PER_REALM; index++) expect(first.reserve()).toBe(true);
      expect(first.reserve()).toBe(false);
    } finally {
      await Promise.all(fresh.map((each) => each.terminate()));
    }
  });

  it('fails what waits on a realm that has ended', async () => {
    const ending = new ReplicaRealm(9);
    await ending.terminate();
    await expect(ending.ask({ kind: 'describe', handle: 'a' })).rejects.toThrow(/realm 9 exited/);
  });
});
