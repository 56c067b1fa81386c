// A minimal declaration of pouchdb-browser: the published @types packages declare a global
// Buffer that clashes with Node's.
declare module 'pouchdb-browser' {
  type PouchDatabase = {
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
  };
  type PouchConstructor = {
    new (name: string): PouchDatabase;
    replicate(
      source: string | PouchDatabase,
      target: string | PouchDatabase,
      options?: { batch_size?: number; batches_limit?: number },
    ): Promise<{ ok: boolean; docs_written: number; errors: unknown[] }>;
  };
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
