/** What `npm run server:check` reads from a database, e.g. one just restored from a backup. */
export type DatabaseFacts = {
  tables: readonly { name: string; rows: number; maxSeq: number | null }[];
  /** The last change number handed out; null when the counter row is missing. */
  changeCounter: number | null;
  appliedMigrations: readonly { id: number; name: string }[];
  knownMigrations: readonly { id: number; name: string }[];
};

export type DatabaseHealth = { problems: string[] };

/**
 * The problems that would stop a server or mislead devices: migrations missing or unknown, a
 * missing change counter, a row whose change number is above it (devices whose checkpoint passed
 * that number would never receive later changes numbered below), and an instansi-less database.
 */
export function decideDatabaseHealth(facts: DatabaseFacts): DatabaseHealth {
  const problems: string[] = [];
  const applied = new Map(facts.appliedMigrations.map((m) => [m.id, m.name]));
  const known = new Map(facts.knownMigrations.map((m) => [m.id, m.name]));
  for (const migration of facts.knownMigrations)
    if (!applied.has(migration.id))
      problems.push(
        `migration ${migration.id} (${migration.name}) not applied: the server applies it when it starts`,
      );
  for (const migration of facts.appliedMigrations)
    if (known.get(migration.id) !== migration.name)
      problems.push(
        `migration ${migration.id} (${migration.name}) is unknown to this server version: a newer version migrated this database`,
      );
  if (facts.changeCounter === null) problems.push('change_counter row missing');
  else
    for (const table of facts.tables)
      if (table.maxSeq !== null && table.maxSeq > facts.changeCounter)
        problems.push(
          `${table.name} holds change number ${table.maxSeq}, above the counter ${facts.changeCounter}`,
        );
  const instansi = facts.tables.find((table) => table.name === 'instansi');
  if (instansi && instansi.rows === 0)
    problems.push('no instansi: create one with npm run server:setup');
  return { problems };
}
