import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { toRxSchema } from '../../../renderer/src/db/to-rx-schema.ts';
import {
  categoryRxSchema,
  complaintEventRxSchema,
  complaintRxSchema,
  unitRxSchema,
} from '../../../renderer/src/db/replica-schemas.ts';
import { complaintSchema } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import {
  complaintEventMigrationStrategies,
  complaintMigrationStrategies,
} from '../../../renderer/src/db/rx-migrations.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { createFieldCipher, newReplicaKey } from '../../../renderer/src/db/field-cipher.ts';
import { fieldEncryptionStorage } from '../../../renderer/src/db/field-encryption-storage.ts';

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

  it('marks the reporter identity encrypted, and refuses to encrypt an indexed field', () => {
    expect(complaintRxSchema.encrypted).toEqual(['reporter']);
    const schema = z.object({ id: z.string().max(10), name: z.string().max(10) });
    expect(() =>
      toRxSchema(schema, {
        title: 't',
        version: 0,
        primaryKey: 'id',
        indexes: [['name']],
        encrypted: ['name'],
      }),
    ).toThrow(/cannot be indexed/);
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
    // Validation sees the documents as written; the identity is encrypted under it.
    const encrypting = fieldEncryptionStorage({
      storage: getRxStorageMemory(),
      cipher: await createFieldCipher(newReplicaKey()),
      replicatedFields: ['reporter'],
    });
    db = await createRxDatabase({
      name: `schema-test-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: encrypting }),
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

describe('a replica from before the follow-up event kinds and attachments', () => {
  it('opens its complaint_events at the current version and keeps the stored events', async () => {
    const name = `events-migration-test-${Date.now()}`;
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
    // The version 0 schema: without the kinds added since and without attachments.
    const kind = complaintEventRxSchema.properties.kind as { enum: string[] };
    const laterKinds = ['tindak_lanjut', 'catatan_internal', 'balasan_pelapor', 'penilaian'];
    const { attachments: _added, ...version0Properties } = complaintEventRxSchema.properties;
    const version0 = {
      ...complaintEventRxSchema,
      version: 0,
      required: complaintEventRxSchema.required?.filter((field) => field !== 'attachments'),
      properties: {
        ...version0Properties,
        kind: {
          ...kind,
          enum: kind.enum.filter(
            (value) => !laterKinds.includes(value) && value !== 'identitas_dibuka',
          ),
        },
      },
    };
    const event: Omit<ComplaintEvent, 'attachments'> = {
      id: 'e-1',
      complaintId: 'c-1',
      instansiId: 'pemprov-kaltim',
      kind: 'tunda',
      fromStatus: 'belum_diverifikasi',
      toStatus: 'ditunda',
      targetUnitId: '',
      reasonCode: '',
      reason: 'Mohon lengkapi alamat kejadian.',
      relatedComplaintId: '',
      anonim: false,
      rahasia: false,
      officerId: 'officer-admin-kaltim',
      officerName: 'Admin',
      officerRole: 'admin_instansi',
      deviceTime: 1_700_000_000_000,
      serverTime: 1_700_000_001_000,
      serverSeq: 7,
    };
    const before = await createRxDatabase<{
      complaint_events: RxCollection<Omit<ComplaintEvent, 'attachments'>>;
    }>({
      name,
      storage,
    });
    await before.addCollections({ complaint_events: { schema: version0 } });
    await before.complaint_events.insert(event);
    await before.close();

    const after = await createRxDatabase<{ complaint_events: RxCollection<ComplaintEvent> }>({
      name,
      storage,
    });
    await after.addCollections({
      complaint_events: {
        schema: complaintEventRxSchema,
        migrationStrategies: complaintEventMigrationStrategies,
      },
    });
    const stored = await after.complaint_events.findOne('e-1').exec();
    expect(stored?.toJSON()).toEqual({ ...event, attachments: [] });
    await after.remove();
  });
});
