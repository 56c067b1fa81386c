/** What the reference page (page/bench-page.ts) offers the suite as `window.laporBench`. */
export type LaporBenchApi = {
  loadDocuments(server: string, token: string, count: number): Promise<number>;
  rawBulkPut(name: string): Promise<number>;
  rawIndexedGetPut(name: string): Promise<number>;
  replicaBulkWrite(officerId: string): Promise<number>;
  fetchAndPut(
    server: string,
    token: string,
    collections: readonly string[],
    limit: number,
    name: string,
  ): Promise<{ ms: number; complaints: number; documents: number }>;
  pouchReplicate(remoteUrl: string, name: string): Promise<{ ms: number; docs: number }>;
  prepareIndexedQuery(server: string, token: string, name: string): Promise<number>;
  indexedQuery(name: string, field: string, value: string): Promise<{ ms: number; rows: number }>;
  dropDatabase(name: string): Promise<void>;
  documentCount(): number;
  clearDocuments(): void;
};

declare global {
  interface Window {
    laporBench: LaporBenchApi;
  }
}
