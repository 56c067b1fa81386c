import {
  META_INSTANCE_SCHEMA_TITLE,
  wrapRxStorageInstance,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import {
  BehaviorSubject,
  concatMap,
  filter,
  firstValueFrom,
  Subject,
  tap,
  type Observable,
} from 'rxjs';
import type { FieldCipher } from './field-cipher.ts';

type Row = Record<string, unknown>;
/** Values kept between a write and its change event; more is dropped (and decrypted again). */
const JUST_WRITTEN_LIMIT = 20_000;
/** The parts of a schema this storage reads or rewrites. */
type SchemaShape = { title?: string; encrypted?: readonly string[]; properties: Row };

/** What a reader that bypasses RxDB needs to turn a stored row back into the document. */
export type StoredRowReader = {
  readonly originalStorageInstance: unknown;
  readStoredRow(row: Row): Promise<Row>;
};

export function isStoredRowReader(instance: unknown): instance is StoredRowReader {
  return typeof instance === 'object' && instance !== null && 'readStoredRow' in instance;
}

/** Paths of the fields to encrypt in documents of this schema, dot-separated. */
function encryptedPathsOf(schema: SchemaShape, replicatedFields: readonly string[]): string[] {
  // Replication metadata keeps a copy of each replicated document (its assumed master state)
  // under docData: the same fields are encrypted there.
  if (schema.title === META_INSTANCE_SCHEMA_TITLE) {
    const docData = schema.properties.docData as { properties?: Row } | undefined;
    const copied = Object.keys(docData?.properties ?? {});
    return replicatedFields.filter((field) => copied.includes(field)).map((f) => `docData.${f}`);
  }
  return [...(schema.encrypted ?? [])];
}

function withoutEncryption(schema: SchemaShape, paths: readonly string[]): SchemaShape {
  const { encrypted: _handled, ...rest } = schema;
  const properties = structuredClone(rest.properties) as Record<string, Row>;
  for (const path of paths) {
    const parts = path.split('.');
    let level: Record<string, Row> = properties;
    for (const part of parts.slice(0, -1)) {
      level = (level[part]?.properties ?? {}) as Record<string, Row>;
    }
    // What the storage keeps there is ciphertext text.
    level[parts.at(-1) ?? ''] = { type: 'string' };
  }
  return { ...rest, properties };
}

/** A copy of `row` with the value at `parts` replaced; the row itself is left untouched. */
function replaced(row: Row, parts: readonly string[], value: unknown): Row {
  const [head = '', ...rest] = parts;
  if (rest.length === 0) return { ...row, [head]: value };
  return { ...row, [head]: replaced((row[head] ?? {}) as Row, rest, value) };
}

function valueAt(row: Row, parts: readonly string[]): unknown {
  let value: unknown = row;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Row)[part];
  }
  return value;
}

/**
 * An RxDB storage that keeps the fields a schema lists in `encrypted` as AES-GCM ciphertext,
 * the same fields inside the replication metadata's copies of replicated documents
 * (`replicatedFields`), and everything else as it is.
 *
 * It plays the part of RxDB's encryption plugin (same schema `encrypted` list, same
 * `wrapRxStorageInstance` mechanism) with two differences: the key comes from the caller (the
 * OS key store or the officer's password) instead of the database password, and a document
 * without an encrypted field passes through without a copy, so officers whose replica holds no
 * identity pay nothing.
 */
export function fieldEncryptionStorage<Internals, InstanceCreationOptions>(options: {
  storage: RxStorage<Internals, InstanceCreationOptions>;
  cipher: FieldCipher;
  replicatedFields: readonly string[];
}): RxStorage<Internals, InstanceCreationOptions> {
  const { storage, cipher } = options;
  return {
    ...storage,
    name: `field-encryption-${storage.name}`,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, InstanceCreationOptions>,
    ): Promise<RxStorageInstance<RxDocType, Internals, InstanceCreationOptions>> {
      const schema = params.schema as unknown as SchemaShape;
      const paths = encryptedPathsOf(schema, options.replicatedFields);
      if (paths.length === 0 && !schema.encrypted) {
        return storage.createStorageInstance(params);
      }
      const instance = await storage.createStorageInstance({
        ...params,
        schema: withoutEncryption(schema, paths) as unknown as RxJsonSchema<
          RxDocumentData<RxDocType>
        >,
      });
      const split = paths.map((path) => path.split('.'));

      async function transform(row: Row, change: (value: unknown) => Promise<unknown>) {
        let result = row;
        for (const parts of split) {
          const value = valueAt(result, parts);
          if (value === undefined) continue;
          result = replaced(result, parts, await change(value));
        }
        return result;
      }
      // Every write comes back at once as a change event to decrypt: the values just encrypted
      // are kept until then, so a write costs one encryption, not an encryption and a decryption.
      const justWritten = new Map<string, unknown>();
      const toStorage = (row: Row) =>
        transform(row, async (value) => {
          const sealed = await cipher.encrypt(value);
          if (justWritten.size >= JUST_WRITTEN_LIMIT) justWritten.clear();
          justWritten.set(sealed, value);
          return sealed;
        });
      const fromStorage = (row: Row) =>
        transform(row, (value) => {
          if (typeof value === 'string' && justWritten.has(value)) {
            const plain = justWritten.get(value);
            justWritten.delete(value);
            return Promise.resolve(plain);
          }
          return cipher.decrypt(value);
        });

      const wrapped = wrapRxStorageInstance(
        params.schema,
        instance,
        toStorage as never,
        fromStorage as never,
      );
      const changes = decryptChangesInOrder(instance, fromStorage);
      const wrappedBulkWrite = wrapped.bulkWrite.bind(wrapped);
      const wrappedClose = wrapped.close.bind(wrapped);
      const wrappedRemove = wrapped.remove.bind(wrapped);
      const reader: StoredRowReader = {
        originalStorageInstance: instance,
        readStoredRow: fromStorage,
      };
      return Object.assign(wrapped, reader, {
        changeStream: () => changes.stream$,
        async bulkWrite(...args: Parameters<typeof wrapped.bulkWrite>) {
          const result = await wrappedBulkWrite(...args);
          // As RxDB expects of a storage: the write's change event is out before it returns.
          await changes.drained();
          return result;
        },
        async close() {
          changes.stop();
          return wrappedClose();
        },
        async remove() {
          changes.stop();
          return wrappedRemove();
        },
      });
    },
  };
}

type ChangeBulk = { events: Array<Row & { documentData?: Row; previousDocumentData?: Row }> };

/**
 * One decrypting pass over a storage's change events, handed on in the order they were written
 * to every listener. RxDB's `wrapRxStorageInstance` decrypts per listener with `mergeMap`: a slow
 * decryption lets a later event overtake an earlier one, and a listener leaving while one of its
 * events is being decrypted leaves the count its writes wait on above zero, so every later write
 * to the storage waits for ever (a replication cancelled mid-sync did that).
 */
function decryptChangesInOrder(
  instance: { changeStream(): Observable<unknown> },
  fromStorage: (row: Row) => Promise<Row>,
) {
  const stream$ = new Subject<ChangeBulk>();
  const processing$ = new BehaviorSubject(0);
  const decrypt = (row: Row | undefined) => (row ? fromStorage(row) : Promise.resolve(row));
  const subscription = instance
    .changeStream()
    .pipe(
      tap(() => processing$.next(processing$.value + 1)),
      concatMap(async (value) => {
        const bulk = value as ChangeBulk;
        const events = await Promise.all(
          bulk.events.map(async (event) => ({
            ...event,
            documentData: await decrypt(event.documentData),
            previousDocumentData: await decrypt(event.previousDocumentData),
            isLocal: false,
          })),
        );
        return { ...bulk, events };
      }),
    )
    .subscribe({
      next: (bulk) => {
        stream$.next(bulk);
        processing$.next(processing$.value - 1);
      },
      error: (error: unknown) => {
        processing$.next(0);
        stream$.error(error);
      },
      complete: () => {
        processing$.next(0);
        stream$.complete();
      },
    });
  return {
    stream$: stream$.asObservable(),
    drained: () => firstValueFrom(processing$.pipe(filter((count) => count === 0))),
    stop: () => {
      subscription.unsubscribe();
      processing$.next(0);
    },
  };
}
