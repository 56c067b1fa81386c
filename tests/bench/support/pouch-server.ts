import { createServer } from 'node:http';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

export type PouchServer = { url: string; databaseUrl: string; stop(): Promise<void> };

/**
 * A CouchDB-protocol server (express-pouchdb on PouchDB's in-memory adapter) holding the given
 * documents in one database, for PouchDB in the browser to replicate from.
 */
export async function startPouchServer(options: {
  port: number;
  allowedOrigin: string;
  documents: readonly Record<string, unknown>[];
}): Promise<PouchServer> {
  const MemoryPouch = PouchDB.plugin(memoryAdapter)
    .plugin(mapReduce)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const pouchApp = expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', options.allowedOrigin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
    response.setHeader(
      'Access-Control-Allow-Headers',
      'accept, authorization, content-type, origin, referer',
    );
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    pouchApp(request, response);
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  const url = `http://127.0.0.1:${options.port}`;
  // Created and filled over HTTP, so the server knows the database as a client made it.
  const databaseUrl = `${url}/complaints`;
  const created = await fetch(databaseUrl, { method: 'PUT' });
  if (!created.ok) throw new Error(`PouchDB server: PUT ${databaseUrl}: HTTP ${created.status}`);
  for (let start = 0; start < options.documents.length; start += 1000) {
    const docs = options.documents.slice(start, start + 1000).map((document) => {
      const { id, _deleted: _ignored, ...rest } = document;
      return { ...rest, _id: String(id) };
    });
    const response = await fetch(`${databaseUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!response.ok) throw new Error(`PouchDB server: _bulk_docs: HTTP ${response.status}`);
  }
  const info = (await (await fetch(databaseUrl)).json()) as { doc_count?: number };
  if (info.doc_count !== options.documents.length)
    throw new Error(`PouchDB server holds ${info.doc_count} of ${options.documents.length}`);
  return {
    url,
    databaseUrl,
    async stop() {
      await fetch(databaseUrl, { method: 'DELETE' }).catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
