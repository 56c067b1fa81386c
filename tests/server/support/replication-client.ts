import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { MERGEABLE_COMPLAINT_FIELDS } from '../../../shared/sync/merge-complaint.ts';
import type { PullResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';

/** Pulls a collection page by page, the way the workstation does. */
export async function pullAll<T>(
  app: FastifyInstance,
  session: SessionResponse,
  collection: string,
  limit = 50,
): Promise<{ documents: WireDocument<T>[]; pages: number; checkpoint: { seq: number } }> {
  const documents: WireDocument<T>[] = [];
  let checkpoint = { seq: 0 };
  let pages = 0;
  for (;;) {
    const page = await pull<T>(app, session, collection, checkpoint, limit);
    pages += 1;
    documents.push(...page.documents);
    checkpoint = page.checkpoint ?? checkpoint;
    if (page.documents.length < limit) return { documents, pages, checkpoint };
  }
}

export async function pull<T>(
  app: FastifyInstance,
  session: SessionResponse,
  collection: string,
  checkpoint: { seq: number },
  limit: number,
): Promise<PullResponse<T>> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/replication/${collection}/pull`,
    query: { checkpoint: JSON.stringify(checkpoint), limit: String(limit) },
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  if (response.statusCode !== 200) throw new Error(`pull ${response.statusCode}: ${response.body}`);
  return response.json<PullResponse<T>>();
}

export async function pushComplaints(
  app: FastifyInstance,
  session: SessionResponse,
  rows: {
    assumedMasterState?: WireDocument<Complaint>;
    newDocumentState: WireDocument<Complaint>;
  }[],
) {
  return app.inject({
    method: 'POST',
    url: '/api/replication/complaints/push',
    payload: rows,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
}

export async function changeCounter(db: { query<R>(sql: string): Promise<R[]> }): Promise<number> {
  const rows = await db.query<{ value: number }>('SELECT value FROM change_counter');
  return Number(rows[0]?.value);
}

/**
 * The answer to a complaint push whose writes were all accepted: each stored complaint, holding
 * the officer-set fields pushed and a change number newer than the pushed one (see
 * answersAcceptedWriteWithStored). A refusal or a conflict answers the master instead.
 */
export function acceptedAnswerFor(pushed: readonly WireDocument<Complaint>[]): unknown[] {
  return pushed.map((state) =>
    expect.objectContaining({
      id: state.id,
      ...Object.fromEntries(
        MERGEABLE_COMPLAINT_FIELDS.filter((field) => state[field] !== undefined).map((field) => [
          field,
          state[field],
        ]),
      ),
      serverSeq: expect.toSatisfy(
        (seq: unknown) => typeof seq === 'number' && seq > state.serverSeq,
        'a newer change number',
      ),
    }),
  );
}
