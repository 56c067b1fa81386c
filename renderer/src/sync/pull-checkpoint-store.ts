import type { RxCollection } from 'rxdb';
import {
  replicationCheckpointSchema,
  type ReplicationCheckpoint,
} from '../../../shared/api/contract.ts';

type StoredCheckpoint = { serverUrl: string; checkpoint: ReplicationCheckpoint };

/**
 * Where a checkpointed pull keeps how far it got, in a local document of the replica: it
 * survives closing the app, and every window reads the same. A checkpoint of another server (or
 * one this version cannot read) counts as none: the pull starts again, and its writes by id
 * make that harmless.
 */
export class PullCheckpointStore {
  private readonly holder: RxCollection;
  private readonly key: string;
  private readonly serverUrl: string;

  constructor(holder: RxCollection, collectionName: string, serverUrl: string) {
    this.holder = holder;
    this.key = `pull-checkpoint-${collectionName}`;
    this.serverUrl = serverUrl;
  }

  async load(): Promise<ReplicationCheckpoint | undefined> {
    const stored = await this.holder.getLocal<StoredCheckpoint>(this.key);
    if (!stored || stored.get('serverUrl') !== this.serverUrl) return undefined;
    const parsed = replicationCheckpointSchema.safeParse(stored.get('checkpoint'));
    return parsed.success ? parsed.data : undefined;
  }

  async save(checkpoint: ReplicationCheckpoint): Promise<void> {
    await this.holder.upsertLocal<StoredCheckpoint>(this.key, {
      serverUrl: this.serverUrl,
      checkpoint,
    });
  }
}
