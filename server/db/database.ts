/** Runs parameterised SQL. Every query in the server goes through this, never string-built SQL. */
export interface SqlExecutor {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends SqlExecutor {
  readonly kind: 'postgresql' | 'pglite';
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
}
