import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from './api-error.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { formatOf, sendOpen311Error } from './open311-reply.ts';

/** What a client is told to wait while the database cannot answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type KnownError = { status: number; error: string; message: string };

/** Framework errors a client can cause, each answered in the API's own error format. */
const CLIENT_ERRORS: Record<string, KnownError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bukan JSON yang sah',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bukan JSON yang sah',
  },
  LAPOR_JSON_TOO_DEEP: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bersarang terlalu dalam',
  },
  LAPOR_JSON_UNSTORABLE: {
    status: 400,
    error: 'invalid_request',
    message: 'Permintaan memuat karakter yang tidak diizinkan',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    message: 'Isi permintaan harus berjenis application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'invalid_request',
    message: 'Panjang isi permintaan tidak sesuai dengan isinya',
  },
  FST_ERR_BAD_URL: { status: 400, error: 'invalid_request', message: 'Alamat tidak valid' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 404,
    error: 'not_found',
    message: 'Alamat tidak ditemukan',
  },
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KiB`;
  return `${bytes} bajt`;
}

/**
 * Every error leaves the server as `{ error, message, details? }` in Indonesian: no stack,
 * no SQL, no framework internals. 5xx are logged (without request data); 4xx are not errors
 * of the server and are answered only.
 */
export function handleError(
  app: FastifyInstance,
  error: FastifyError | (Error & { statusCode?: number; code?: string }),
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
    return sendApiError(
      reply,
      413,
      'payload_too_large',
      `Isi permintaan terlalu besar (paling banyak ${formatBytes(limit)})`,
    );
  }
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  if (known) return sendApiError(reply, known.status, known.error, known.message);
  if (status === 429) {
    const code = (error as { error?: unknown }).error;
    return sendApiError(
      reply,
      429,
      typeof code === 'string' && /^[a-z_]+$/.test(code) ? code : 'too_many_requests',
      typeof error.message === 'string' && error.message
        ? error.message
        : 'Terlalu banyak permintaan; coba lagi nanti',
    );
  }
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'request refused');
    return sendApiError(reply, status, 'invalid_request', 'Permintaan tidak valid');
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'request failed: database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendApiError(
      reply,
      503,
      'database_unavailable',
      'Basis data sementara tidak tersedia; coba lagi sebentar lagi',
    );
  }
  request.log.error({ err: error }, 'request failed');
  return sendApiError(reply, 500, 'internal_error', 'Terjadi kesalahan di server');
}

/** Errors Fastify answers before routing (malformed URL, over-long path parameter). */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = CLIENT_ERRORS[error.code] ?? {
    status: 400,
    error: 'invalid_request',
    message: 'Permintaan tidak valid',
  };
  // No onRequest hook ran for these: the essential headers are set here.
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
  // Open311 clients expect the GeoReport v2 error format, even before routing.
  if (request.url.startsWith('/open311/')) {
    void sendOpen311Error(reply, formatOf(request), known.status, known.message);
    return;
  }
  void sendApiError(reply, known.status, known.error, known.message);
}
