import {
  addConnectedStorageToCollection,
  createRevision,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  getRxReplicationMetaInstanceSchema,
  hasEncryption,
  now,
  type RxCollection,
  type RxDocumentData,
  type RxStorageInstance,
  type RxStorageReplicationMeta,
} from 'rxdb';

type Meta = RxStorageReplicationMeta<unknown, unknown>;

/** Where a document written outside RxDB's replication says it is the server's state as pulled. */
export type OriginMark = { _rev: number; hash: string };

/**
 * The mark RxDB's downstream puts on a document it wrote from the server: the revision height it
 * wrote and the hash of the replication's identifier. While the height still matches, nothing
 * was written to the document on the device since; a later server state then replaces it even
 * without an assumed master state (RxDB's own path for "pulled, but the metadata was not
 * written before the app closed").
 */
export function isAsPulled(document: RxDocumentData<unknown>, originHash: string): boolean {
  const mark = (document._meta as { o?: OriginMark }).o;
  return mark?.hash === originHash && mark._rev === getHeightOfRevision(document._rev);
}

/**
 * The metadata RxDB's replication keeps for one collection and replication identifier: the
 * checkpoints and, per document, the server state the device assumes (its assumed master
 * state). Opened beside the replication (the same storage under the same name), in any window,
 * for the two things a first copy written once needs of it: whether RxDB has ever pulled, and
 * keeping a document's pulled state as its assumed master right before its first local edit.
 */
export class ReplicationMeta {
  readonly originHash: string;
  private readonly instance: RxStorageInstance<Meta, unknown, unknown>;
  private readonly collection: RxCollection;
  private readonly primaryPath: string;

  private constructor(
    instance: RxStorageInstance<Meta, unknown, unknown>,
    originHash: string,
    collection: RxCollection,
  ) {
    this.instance = instance;
    this.originHash = originHash;
    this.collection = collection;
    this.primaryPath = collection.schema.primaryPath as string;
  }

  static async open(collection: RxCollection, replicationIdentifier: string) {
    const database = collection.database;
    // As RxDB's replication plugin names and shapes it (rxdb/plugins/replication, 17.x).
    const identifier = 'rxdbreplication' + replicationIdentifier;
    const collectionName =
      'rx-replication-meta-' +
      (await database.hashFunction([collection.name, replicationIdentifier].join('-')));
    const schema = getRxReplicationMetaInstanceSchema<unknown, unknown>(
      collection.schema.jsonSchema,
      hasEncryption(collection.schema.jsonSchema),
    );
    const instance = (await database.storage.createStorageInstance<Meta>({
      databaseName: database.name,
      collectionName,
      databaseInstanceToken: database.token,
      multiInstance: database.multiInstance,
      options: {},
      schema,
      password: database.password,
      devMode: false,
    })) as RxStorageInstance<Meta, unknown, unknown>;
    collection.onClose.push(() => instance.close());
    // Removed with the replica even when RxDB's replication (which registers it too) never ran.
    await addConnectedStorageToCollection(collection, collectionName, schema);
    return new ReplicationMeta(instance, await database.hashFunction(identifier), collection);
  }

  /** RxDB's replication has stored where its pull got to (it has pulled at least once). */
  async hasPulled(): Promise<boolean> {
    const id = getComposedPrimaryKeyOfDocumentData(this.instance.schema, {
      itemId: 'down',
      isCheckpoint: '1',
    });
    const found = await this.instance.findDocumentsById([id], false);
    return found.length > 0;
  }

  /** Of `ids`, those with an assumed master state. */
  async idsWithAssumedMaster(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.instance.findDocumentsById(
      ids.map((itemId) =>
        getComposedPrimaryKeyOfDocumentData(this.instance.schema, { itemId, isCheckpoint: '0' }),
      ),
      false,
    );
    return new Set(found.map((row) => row.itemId));
  }

  /**
   * Keeps the present state of each of `ids` as its assumed master state, for documents that
   * are still as pulled and have none: the first copy did not write one, and the state is about to
   * change. A document that has one keeps it (the insert finds it and is dropped).
   */
  async keepAssumedMasters(ids: readonly string[]): Promise<void> {
    const documents = await this.collection.internalStorageInstance.findDocumentsById(
      [...ids],
      true,
    );
    const rows = documents
      .filter((document) => isAsPulled(document, this.originHash))
      .map((document) => {
        const { _meta, _rev, _attachments, ...state } = document as Record<string, unknown>;
        void _meta;
        void _rev;
        void _attachments;
        const itemId = String(state[this.primaryPath]);
        const row = {
          id: '',
          isCheckpoint: '0',
          itemId,
          docData: state,
          _attachments: {},
          _deleted: false,
          _meta: { lwt: now() },
          _rev: '',
        } as RxDocumentData<Meta>;
        row.id = getComposedPrimaryKeyOfDocumentData(this.instance.schema, row);
        row._rev = createRevision(this.originHash);
        return { document: row };
      });
    if (rows.length === 0) return;
    const result = await this.instance.bulkWrite(rows, 'lapor-keep-assumed-master');
    const failed = result.error.find((error) => error.status !== 409);
    if (failed) throw new Error(`assumed master of ${failed.documentId} not kept`);
  }
}
