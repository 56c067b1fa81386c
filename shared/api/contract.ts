import { z } from 'zod';
import { officerSchema, instansiSchema } from '../schemas/officer.ts';
import { serverSeqSchema } from '../schemas/common.ts';
import { errorMessage } from '../errors/error-codes.ts';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, errorMessage('username_required')).max(60),
  password: z.string().min(1, errorMessage('password_required')).max(200),
  deviceId: z.string().min(1).max(64),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.number(),
  officer: officerSchema,
  instansi: instansiSchema,
  serverTime: z.number(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const refreshRequestSchema = z.object({
  refreshToken: z.string().min(20).max(200),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const replicationCheckpointSchema = z.object({
  seq: serverSeqSchema,
  /**
   * Set by the server while a first pull (one from `seq` 0) catches up: the change number it
   * started at. Whatever had left the officer's scope by then, the replica never held, so no
   * tombstone of it is sent. Opaque to the device, which hands the checkpoint back as it got it.
   */
  firstPullHead: serverSeqSchema.optional(),
  /** A first sync's open phase (see shared/sync/plan-first-sync-phase.ts); opaque to the device. */
  open: z
    .object({
      asOf: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
      after: z
        .object({
          o: z.union([z.literal(0), z.literal(1)]),
          r: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
          id: z.string().min(1).max(40),
          e: z.string().min(1).max(40).optional(),
        })
        .nullable(),
      done: z.boolean(),
    })
    .optional(),
});
export type ReplicationCheckpoint = z.infer<typeof replicationCheckpointSchema>;

export const MAX_PULL_LIMIT = 1000;
/**
 * Documents a pull asked by bytes may ask for: a timeline's events are ~0.4 KB of JSON, so a page
 * of the device's byte budget holds several thousand of them. The byte budget ends the page.
 */
export const MAX_PULL_LIMIT_BY_BYTES = 5000;
export const MAX_PUSH_ROWS = 500;
export const MIN_PULL_BYTES = 4 * 1024;
export const MAX_PULL_BYTES = 16 * 1024 * 1024;

export const pullQuerySchema = z
  .object({
    checkpoint: z
      .string()
      .max(400)
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw === '') return { seq: 0 };
        try {
          return replicationCheckpointSchema.parse(JSON.parse(raw));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'checkpoint harus berupa JSON {"seq": n}' });
          return z.NEVER;
        }
      }),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT_BY_BYTES).default(200),
    /** `1` asks for the number of documents still to come after this page (initial-sync progress). */
    count: z.literal('1').optional(),
    /**
     * Largest page in bytes of JSON (see shared/sync/plan-page-size.ts): the page ends at the last
     * document that fits, at least one. Without it a page is `limit` documents.
     */
    maxBytes: z.coerce.number().int().min(MIN_PULL_BYTES).max(MAX_PULL_BYTES).optional(),
    /** `1`: a first pull brings the open complaints first (collections that support it). */
    priority: z.literal('1').optional(),
  })
  .superRefine((query, ctx) => {
    if (query.maxBytes === undefined && query.limit > MAX_PULL_LIMIT)
      ctx.addIssue({
        code: 'custom',
        path: ['limit'],
        message: `limit lebih dari ${MAX_PULL_LIMIT} hanya untuk pull yang dibatasi maxBytes`,
      });
  });

/**
 * A replicated document on the wire: the collection's fields plus RxDB's deleted flag. A
 * document with `_deleted: true` from the server is a tombstone and carries `id` and `_deleted`
 * only: read nothing else from it.
 */
export type WireDocument<T> = T & { _deleted: boolean };

export type PullResponse<T> = {
  documents: WireDocument<T>[];
  checkpoint: ReplicationCheckpoint | null;
  remaining?: number;
  /**
   * Set on a page asked by bytes: whether documents may follow it at once (the page was cut by
   * its byte budget or filled its limit). The device pulls on while it is true.
   */
  more?: boolean;
};

/**
 * A pull page asked by bytes may be answered in parts (the device asks with `Accept:` this type):
 * one JSON object a line, each a {@link PullPart} with the checkpoint after its own documents, so
 * a page cut mid-body keeps the parts that arrived whole and the next pull starts after them.
 * The last line also carries the page's `more` (and `remaining` when asked); a page whose last
 * line lacks `more` was cut.
 */
export const PULL_PARTS_MEDIA_TYPE = 'application/x-ndjson';

export type PullPart<T> = {
  documents: WireDocument<T>[];
  checkpoint: ReplicationCheckpoint | null;
  remaining?: number;
  more?: boolean;
};

export type PushRow<T> = {
  assumedMasterState?: WireDocument<T>;
  newDocumentState: WireDocument<T>;
};

const errorCodeFields = {
  /** The precise error as a code the workstation words in its officer's language. */
  code: z.string().max(60).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};

/**
 * Every 4xx/5xx body the server sends: `error` and `message` (Indonesian) as documented for
 * other systems; `code` and `params` beside them for the workstation (absent from older servers).
 */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  ...errorCodeFields,
  details: z
    .array(z.object({ path: z.string(), message: z.string(), ...errorCodeFields }))
    .optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const STREAM_RESYNC = 'RESYNC' as const;
