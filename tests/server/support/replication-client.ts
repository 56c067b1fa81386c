import type { FastifyInstance } from 'fastify';
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
