// Minimal declarations for the CouchDB-protocol peer and PouchDB: the published @types
// packages declare a global Buffer that clashes with Node's.
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  /** An Express 4 application: a plain Node request listener. */
  export default function expressPouchDB(
    pouch: unknown,
    options?: { mode?: string; inMemoryConfig?: boolean },
  ): (request: IncomingMessage, response: ServerResponse) => void;
}

declare module 'pouchdb-core' {
  type PouchDatabase = {
    bulkDocs(documents: readonly Record<string, unknown>[]): Promise<unknown>;
    destroy(): Promise<unknown>;
  };
  type PouchConstructor = {
    new (name: string): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: Record<string, unknown>): PouchConstructor;
  };
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
