import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PULL_PARTS_MEDIA_TYPE,
  type PullPart,
  type PullResponse,
  type ReplicationCheckpoint,
  type SessionResponse,
} from '../../../shared/api/contract.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150, app: { now: () => SEED_NOW } });
  admin = await server.login('admin.kaltim');
});
afterAll(() => server.close());

type Pull = {
  collection: 'complaints' | 'complaint_events';
  checkpoint: ReplicationCheckpoint;
  maxBytes?: number;
  priority?: boolean;
};

function pullRequest(pull: Pull, headers: Record<string, string>) {
  return server.app.inject({
    method: 'GET',
    url: `/api/replication/${pull.collection}/pull`,
    query: {
      checkpoint: JSON.stringify(pull.checkpoint),
      limit: '5000',
      maxBytes: String(pull.maxBytes ?? 64 * 1024),
      ...(pull.priority ? { priority: '1' } : {}),
    },
    headers: { ...bearer(admin), ...headers },
  });
}

async function pullParts(pull: Pull): Promise<PullPart<{ id: string }>[]> {
  const response = await pullRequest(pull, { accept: PULL_PARTS_MEDIA_TYPE });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  expect(response.body.endsWith('\n')).toBe(true);
  return response.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as PullPart<{ id: string }>);
}

async function pullWhole(pull: Pull): Promise<PullResponse<{ id: string }>> {
  const response = await pullRequest(pull, {});
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (documents: { id: string }[]) => documents.map((document) => document.id);

/**
 * A page in parts holds the same documents as the page whole, and each part's checkpoint
 * resumes exactly after it: what a device keeps of a page cut after that part.
 */
async function expectResumableParts(pull: Pull) {
  const parts = await pullParts(pull);
  const whole = await pullWhole(pull);
  expect(parts.length).toBeGreaterThan(3);
  expect(ids(parts.flatMap((part) => part.documents))).toEqual(ids(whole.documents));
  const last = parts[parts.length - 1]!;
  expect(last.checkpoint).toEqual(whole.checkpoint);
  expect(last.more).toBe(whole.more);
  for (const part of parts.slice(0, -1)) expect(part.more).toBeUndefined();
  for (let index = 0; index < parts.length - 1; index += 1) {
    const resumed = await pullWhole({ ...pull, checkpoint: parts[index]!.checkpoint! });
    const next = parts[index + 1]!.documents;
    expect(ids(resumed.documents).slice(0, next.length)).toEqual(ids(next));
  }
}

describe('a pull page sent in parts', () => {
  it('resumes after any part of a history page', async () => {
    await expectResumableParts({ collection: 'complaints', checkpoint: { seq: 0 } });
  });

  it('resumes after any part of the open phase, for complaints and their timelines', async () => {
    await expectResumableParts({
      collection: 'complaints',
      checkpoint: { seq: 0 },
      priority: true,
    });
    await expectResumableParts({
      collection: 'complaint_events',
      checkpoint: { seq: 0 },
      priority: true,
    });
  });

  it('resumes after any part of the history that follows the open phase', async () => {
    let checkpoint: ReplicationCheckpoint = { seq: 0 };
    while (!checkpoint.open?.done) {
      const page = await pullWhole({ collection: 'complaints', checkpoint, priority: true });
      checkpoint = page.checkpoint!;
    }
    const parts = await pullParts({ collection: 'complaints', checkpoint, priority: true });
    // Until it passes the sync's start the history's checkpoints carry the open phase.
    expect(parts[0]!.checkpoint?.open?.done).toBe(true);
    await expectResumableParts({ collection: 'complaints', checkpoint, priority: true });
  });

  it('ends parts after a sixteenth of the budget, not below 4 KB', async () => {
    const parts = await pullParts({
      collection: 'complaints',
      checkpoint: { seq: 0 },
      maxBytes: 256 * 1024,
    });
    const sizes = parts.slice(0, -1).map((part) => JSON.stringify(part.documents).length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16 * 1024);
    const small = await pullParts({
      collection: 'complaints',
      checkpoint: { seq: 0 },
      maxBytes: 16 * 1024,
    });
    for (const part of small.slice(0, -1))
      expect(JSON.stringify(part.documents).length).toBeGreaterThanOrEqual(4 * 1024);
  });

  it('is compressed like any JSON answer', async () => {
    const response = await pullRequest(
      { collection: 'complaints', checkpoint: { seq: 0 } },
      { accept: PULL_PARTS_MEDIA_TYPE, 'accept-encoding': 'gzip' },
    );
    expect(response.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(response.rawPayload).toString('utf8');
    expect(text.split('\n').length).toBeGreaterThan(3);
    expect(response.rawPayload.length).toBeLessThan(text.length / 3);
  });

  it('answers whole JSON to a device that does not ask for parts, or asks by count', async () => {
    const plain = await pullRequest({ collection: 'complaints', checkpoint: { seq: 0 } }, {});
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const byCount = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":0}', limit: '100' },
      headers: { ...bearer(admin), accept: PULL_PARTS_MEDIA_TYPE },
    });
    expect(byCount.headers['content-type']).toMatch(/^application\/json/);
    expect(byCount.json<PullResponse<unknown>>().documents).toHaveLength(100);
  });
});
