import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendCodedApiError } from './api-error.ts';
import { appError, appErrorSchema, type AppError } from '../../shared/errors/error-codes.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { formatOf, sendOpen311Error } from './open311-reply.ts';

/** What a client is told to wait while the database cannot answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type KnownError = { status: number; error: string; message: string; coded: AppError };

/** Framework errors a client can cause, each answered in the API's own error format. */
const CLIENT_ERRORS: Record<string, KnownError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bukan JSON yang sah',
    coded: appError('request_not_json'),
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bukan JSON yang sah',
    coded: appError('request_not_json'),
  },
  LAPOR_JSON_TOO_DEEP: {
    status: 400,
    error: 'invalid_json',
    message: 'Isi permintaan bersarang terlalu dalam',
    coded: appError('request_too_deep'),
  },
  LAPOR_JSON_UNSTORABLE: {
    status: 400,
    error: 'invalid_request',
    message: 'Permintaan memuat karakter yang tidak diizinkan',
    coded: appError('request_unstorable'),
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    message: 'Isi permintaan harus berjenis application/json',
    coded: appError('request_not_json_type'),
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'invalid_request',
    message: 'Panjang isi permintaan tidak sesuai dengan isinya',
    coded: appError('request_length_mismatch'),
  },
  FST_ERR_BAD_URL: {
    status: 400,
    error: 'invalid_request',
    message: 'Alamat tidak valid',
    coded: appError('address_invalid'),
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 404,
    error: 'not_found',
    message: 'Alamat tidak ditemukan',
    coded: appError('address_not_found'),
  },
};

/** The coded error a route's own 429 answer carries (its rate limit's response builder). */
function codedOf(error: unknown): AppError | null {
  const parsed = appErrorSchema.safeParse((error as { coded?: unknown }).coded);
  return parsed.success ? parsed.data : null;
}

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
    return sendCodedApiError(
      reply,
      413,
      'payload_too_large',
      appError('request_too_large', { limit: formatBytes(limit) }),
    );
  }
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  if (known) return sendCodedApiError(reply, known.status, known.error, known.coded);
  if (status === 429) {
    const code = (error as { error?: unknown }).error;
    return sendCodedApiError(
      reply,
      429,
      typeof code === 'string' && /^[a-z_]+$/.test(code) ? code : 'too_many_requests',
      codedOf(error) ?? appError('too_many_requests'),
      typeof error.message === 'string' && error.message ? { message: error.message } : {},
    );
  }
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'request refused');
    return sendCodedApiError(reply, status, 'invalid_request', appError('request_invalid'));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'request failed: database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendCodedApiError(reply, 503, 'database_unavailable', appError('database_unavailable'));
  }
  request.log.error({ err: error }, 'request failed');
  return sendCodedApiError(reply, 500, 'internal_error', appError('server_error'));
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
    coded: appError('request_invalid'),
  };
  // No onRequest hook ran for these: the essential headers are set here.
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
  // Open311 clients expect the GeoReport v2 error format, even before routing.
  if (request.url.startsWith('/open311/')) {
    void sendOpen311Error(reply, formatOf(request), known.status, known.message);
    return;
  }
  void sendCodedApiError(reply, known.status, known.error, known.coded);
}
