import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  MAX_PUSH_ROWS,
  PULL_PARTS_MEDIA_TYPE,
  pullQuerySchema,
  type PullResponse,
  type ReplicationCheckpoint,
} from '../../shared/api/contract.ts';
import {
  REPLICATED_COLLECTIONS,
  type ReplicatedCollection,
} from '../../shared/schemas/rx-schemas.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ReplicatedStore } from '../replicated-store.ts';
import { openChangeStream } from './change-stream.ts';
import type { OpenStreams } from '../changes/open-streams.ts';
import { currentChangeSeq } from '../changes/change-counter.ts';
import { fitPageToBytes } from './fit-page-to-bytes.ts';
import { readPageInSlices } from './read-page-in-slices.ts';
import { pullOpenPhasePage } from './pull-open-phase.ts';
import { asksForPullParts, partSizeFor, serializePullParts } from './serialize-pull-parts.ts';
import { planFirstSyncPhase } from '../../shared/sync/plan-first-sync-phase.ts';
import { planTombstoneHorizon, startsFirstPull } from './plan-tombstone-horizon.ts';
import type { RefusalLimits } from '../refusals/plan-refusal-record.ts';
import { RefusalLimitReached, refusalLimitsOfPush } from '../refusals/sync-rejections.ts';

const collectionParamsSchema = z.object({ collection: z.enum(REPLICATED_COLLECTIONS) });

const pushBodySchema = z
  .array(
    z.object({
      assumedMasterState: z.looseObject({ _deleted: z.boolean() }).optional(),
      newDocumentState: z.looseObject({ id: z.string().min(1).max(40), _deleted: z.boolean() }),
    }),
  )
  .max(MAX_PUSH_ROWS, `Paling banyak ${MAX_PUSH_ROWS} perubahan per pengiriman`);

export type ReplicationRouteOptions = {
  db: Database;
  now: () => number;
  feed: ChangeFeed;
  stores: Record<ReplicatedCollection, ReplicatedStore<unknown>>;
  openStreams: OpenStreams;
  heartbeatMs: number;
  refusalLimits: RefusalLimits;
};

export function registerReplicationRoutes(app: FastifyInstance, options: ReplicationRouteOptions) {
  const { db, now, feed, stores } = options;
  const authenticate = requireOfficer(db, now);

  function storeFor(request: FastifyRequest, reply: FastifyReply): ReplicatedStore<unknown> | null {
    const params = collectionParamsSchema.safeParse(request.params);
    if (!params.success) {
      sendApiError(reply, 404, 'unknown_collection', 'Koleksi replikasi tidak dikenal');
      return null;
    }
    return stores[params.data.collection];
  }

  app.get(
    '/api/replication/:collection/pull',
    { preHandler: authenticate },
    async (request, reply) => {
      const store = storeFor(request, reply);
      if (!store) return reply;
      const query = parseOr400(pullQuerySchema, request.query, reply, 'Parameter pull');
      if (!query) return reply;
      const officer = officerOf(request);
      // A page asked by bytes goes in parts when the device can read them (see PULL_PARTS_MEDIA_TYPE).
      const partSize =
        query.maxBytes !== undefined && asksForPullParts(request.headers.accept)
          ? partSizeFor(query.maxBytes)
          : null;
      const answer = (
        page: PullResponse<unknown>,
        resumeAfter: (index: number) => ReplicationCheckpoint | null,
      ) => {
        if (partSize === null) return page;
        reply.type(PULL_PARTS_MEDIA_TYPE);
        return serializePullParts(page, resumeAfter, partSize);
      };
      const phase = planFirstSyncPhase(
        query.checkpoint,
        query.priority === '1' && store.pullOpen !== undefined,
      );
      if (phase === 'open') {
        const open = await pullOpenPhasePage({
          db,
          store,
          officer,
          checkpoint: query.checkpoint,
          limit: query.limit,
          maxBytes: query.maxBytes,
          count: query.count === '1',
          now,
        });
        return answer(open.page, open.resumeAfter);
      }
      const exceptOpenUpTo = phase === 'history' ? query.checkpoint.firstPullHead : undefined;
      // Read before the page: an exit committed after it may concern a document the page sends.
      const head = startsFirstPull(query.checkpoint) ? await currentChangeSeq(db) : 0;
      const horizon = planTombstoneHorizon(query.checkpoint, head);
      const pullFrom = (afterSeq: number, limit: number) =>
        store.pull(db, officer, afterSeq, limit, horizon.tombstonesAfter, exceptOpenUpTo);
      let page: PullResponse<unknown>;
      if (query.maxBytes === undefined) {
        page = await pullFrom(query.checkpoint.seq, query.limit);
      } else {
        const maxBytes = query.maxBytes;
        const pullFirst = async (limit: number) =>
          (await readPageInSlices(pullFrom, query.checkpoint.seq, limit, maxBytes)).page;
        const read = await readPageInSlices(pullFrom, query.checkpoint.seq, query.limit, maxBytes);
        const fitted = await fitPageToBytes(read.page, maxBytes, pullFirst, read.sizes);
        page = fitted.page;
        page.more = fitted.cut || page.documents.length === query.limit;
      }
      const checkpointAt = (reached: number): ReplicationCheckpoint => {
        const at = horizon.pageCheckpoint(reached);
        // The history leaves out what the open phase brought until it has passed the sync's start.
        return exceptOpenUpTo !== undefined && reached < exceptOpenUpTo
          ? { ...at, open: query.checkpoint.open! }
          : at;
      };
      const reached = page.checkpoint?.seq ?? query.checkpoint.seq;
      page.checkpoint = checkpointAt(reached);
      if (query.count) {
        page.remaining = await store.countAfter(
          db,
          officer,
          reached,
          Math.max(reached, horizon.tombstonesAfter),
        );
      }
      const documents = page.documents as { serverSeq?: unknown; _deleted: boolean }[];
      return answer(page, (index) => {
        const document = documents[index]!;
        return !document._deleted && typeof document.serverSeq === 'number'
          ? checkpointAt(document.serverSeq)
          : null;
      });
    },
  );

  app.post(
    '/api/replication/:collection/push',
    // The body limit is the server-wide one (LAPOR_BODY_LIMIT_BYTES), sized for a full push.
    { preHandler: authenticate },
    async (request, reply) => {
      const store = storeFor(request, reply);
      if (!store) return reply;
      const rows = parseOr400(pushBodySchema, request.body, reply, 'Isi push');
      if (!rows) return reply;
      let outcome;
      try {
        outcome = await refusalLimitsOfPush.run(options.refusalLimits, () =>
          store.push(db, officerOf(request), rows, now()),
        );
      } catch (error) {
        if (!(error instanceof RefusalLimitReached)) throw error;
        // Nothing of this push is stored; the device keeps it pending and sends it again.
        return sendApiError(
          reply,
          429,
          'too_many_refusals',
          `Ada ${error.limit} penolakan yang belum diselesaikan; selesaikan atau buang sebagian di ` +
            'daftar penolakan, lalu perubahan ini dikirim lagi',
        );
      }
      for (const collection of outcome.touched) feed.publish(collection);
      return outcome.conflicts;
    },
  );

  // The workstation's single live connection: every collection, one named event each.
  app.get('/api/replication/stream', { preHandler: authenticate }, async (request, reply) => {
    await openChangeStream({
      db,
      stores: REPLICATED_COLLECTIONS.map((collection) => stores[collection]),
      officer: officerOf(request),
      feed,
      reply,
      now,
      openStreams: options.openStreams,
      heartbeatMs: options.heartbeatMs,
    });
    return reply;
  });

  app.get(
    '/api/replication/:collection/stream',
    { preHandler: authenticate },
    async (request, reply) => {
      const store = storeFor(request, reply);
      if (!store) return reply;
      await openChangeStream({
        db,
        stores: [store],
        officer: officerOf(request),
        feed,
        reply,
        now,
        openStreams: options.openStreams,
        heartbeatMs: options.heartbeatMs,
      });
      return reply;
    },
  );
}
