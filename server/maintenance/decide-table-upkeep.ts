/** A table's counters as `pg_stat_user_tables` has them. */
export type TableActivity = {
  name: string;
  liveRows: number;
  deadRows: number;
  changedSinceAnalyze: number;
  /** Whether the planner has statistics of it at all (`pg_class.reltuples` ≥ 0). */
  analyzed: boolean;
  /** Its size on disk: the counters above start at zero with each process, the size does not. */
  storedBytes: number;
  /** Its size on disk when it was last analyzed or vacuumed (`pg_class.relpages`). */
  analyzedBytes: number;
};

export type TableUpkeep = { name: string; vacuum: boolean };

/** Growth on disk that is not worth an analysis however small the table (8 pages). */
const GROWN_SLACK_BYTES = 8 * 8192;

/**
 * The tables the embedded database (PGlite, which has no autovacuum) should vacuum or analyze
 * now, by PostgreSQL's own autovacuum thresholds: analyze when more than 50 + 10% of the rows
 * changed since the last analysis (or it never had one and is not empty), vacuum when more than
 * 50 + 20% are dead. The change counters start at zero with each process, so a server restarted
 * more often than that much changes would never analyze again: a table grown on disk by more
 * than 10% since its last analysis is analyzed too. Without statistics the planner guesses a
 * few dozen rows for every table: a timeline page of 207 events then read all 28,000 of the
 * instansi's events and sorted them (251 ms); analyzed, it walks the (instansi, change number)
 * index and stops (20 ms).
 */
export function decideTableUpkeep(tables: readonly TableActivity[]): TableUpkeep[] {
  const due: TableUpkeep[] = [];
  for (const table of tables) {
    const rows = Math.max(table.liveRows, 0);
    const vacuum = table.deadRows > 50 + 0.2 * rows;
    const analyze =
      (!table.analyzed && table.storedBytes > 0) ||
      table.changedSinceAnalyze > 50 + 0.1 * rows ||
      table.storedBytes > GROWN_SLACK_BYTES + 1.1 * table.analyzedBytes;
    if (vacuum || analyze) due.push({ name: table.name, vacuum });
  }
  return due;
}
