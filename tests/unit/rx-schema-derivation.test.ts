import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { toRxSchema } from '../../shared/schemas/to-rx-schema.ts';
import {
  categoryRxSchema,
  complaintRxSchema,
  unitRxSchema,
} from '../../shared/schemas/rx-schemas.ts';
import { complaintSchema } from '../../shared/schemas/complaint.ts';
import { complaintMigrationStrategies } from '../../shared/schemas/rx-migrations.ts';
import { sampleComplaint } from './support/sample-complaint.ts';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

describe('RxDB schemas derived from the zod schemas', () => {
  it('carries every zod field into the RxDB schema with the same required list', () => {
    expect(Object.keys(complaintRxSchema.properties).sort()).toEqual(
      Object.keys(complaintSchema.shape).sort(),
    );
    expect(complaintRxSchema.required).not.toContain('reporter');
    expect(complaintRxSchema.required).toContain('dueAt');
    expect(complaintRxSchema).not.toHaveProperty('$schema');
  });

  it('adds what RxDB needs on indexed fields', () => {
    const properties = complaintRxSchema.properties as Record<
      string,
      { maxLength?: number; multipleOf?: number }
    >;
    expect(properties.status?.maxLength).toBe('belum_diverifikasi'.length);
    expect(properties.dueAt?.multipleOf).toBe(1);
  });

  it('refuses an index on an optional field', () => {
    const schema = z.object({ id: z.string().max(10), note: z.string().max(10).optional() });
    expect(() =>
      toRxSchema(schema, { title: 't', version: 0, primaryKey: 'id', indexes: [['note']] }),
    ).toThrow(/must be required/);
  });

  it('refuses an index on an unbounded string', () => {
    const schema = z.object({ id: z.string().max(10), name: z.string() });
    expect(() =>
      toRxSchema(schema, { title: 't', version: 0, primaryKey: 'id', indexes: [['name']] }),
    ).toThrow(/needs a maxLength/);
  });
});

describe('the derived schemas in a real RxDB database (dev-mode checks on)', () => {
  let db: RxDatabase<{ complaints: RxCollection<Complaint> }>;
  beforeAll(async () => {
    db = await createRxDatabase({
      name: `schema-test-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
    await db.addCollections({
      complaints: { schema: complaintRxSchema, migrationStrategies: complaintMigrationStrategies },
      units: { schema: unitRxSchema },
      categories: { schema: categoryRxSchema },
    });
  });
  afterAll(() => db.close());

  it('stores a valid complaint and finds it through the status and due-date index', async () => {
    await db.complaints.insert(sampleComplaint());
    const found = await db.complaints
      .find({ selector: { status: 'didisposisi' }, sort: [{ dueAt: 'asc' }] })
      .exec();
    expect(found.map((doc) => doc.primary)).toEqual(['c-1']);
  });

  it('rejects a complaint the zod schema would reject', async () => {
    await expect(
      db.complaints.insert(sampleComplaint({ id: 'c-2', status: 'dibuka' as never })),
    ).rejects.toThrow();
  });
});
