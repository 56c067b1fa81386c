import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import {
  replicationCheckpointSchema,
  type ReplicationCheckpoint,
} from '../../../shared/api/contract.ts';

const storedSchema = z.object({
  serverUrl: z.string(),
  checkpoint: replicationCheckpointSchema.optional(),
  done: z.boolean(),
});

export type FirstCopyState = { checkpoint: ReplicationCheckpoint | undefined; done: boolean };

/**
 * How far a collection's first copy got, in a local document of the replica: a copy cut short
 * (the app closed, the link lost) resumes from the page after the last one written, and once
 * done, RxDB's replication starts from where the copy ended. State of another server (or one
 * this version cannot read) counts as none.
 */
export class FirstCopyStore {
  private readonly holder: RxCollection;
  private readonly key: string;
  private readonly serverUrl: string;

  constructor(holder: RxCollection, collectionName: string, serverUrl: string) {
    this.holder = holder;
    this.key = `first-copy-${collectionName}`;
    this.serverUrl = serverUrl;
  }

  async load(): Promise<FirstCopyState | null> {
    const stored = await this.holder.getLocal<z.input<typeof storedSchema>>(this.key);
    if (!stored) return null;
    const parsed = storedSchema.safeParse({
      serverUrl: stored.get('serverUrl'),
      checkpoint: stored.get('checkpoint') ?? undefined,
      done: stored.get('done'),
    });
    if (!parsed.success || parsed.data.serverUrl !== this.serverUrl) return null;
    return { checkpoint: parsed.data.checkpoint, done: parsed.data.done };
  }

  async save(state: FirstCopyState): Promise<void> {
    await this.holder.upsertLocal(this.key, {
      serverUrl: this.serverUrl,
      done: state.done,
      ...(state.checkpoint ? { checkpoint: state.checkpoint } : {}),
    });
  }
}
