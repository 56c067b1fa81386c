import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../http/error-handler.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { COMPLAINT_TYPES, type ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import {
  flattenIntakeBody,
  intakeRequestSchema,
  jurisdictionQuerySchema,
  requestFileSchema,
  requestsQuerySchema,
  serviceFileSchema,
} from '../../shared/open311/open311-input.ts';
import {
  serviceRecord,
  serviceRequestRecord,
  statusesFor,
} from '../../shared/open311/open311-records.ts';
import { toXmlRecordDocument } from '../../shared/open311/open311-xml.ts';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { createFixedWindowLimiter } from '../http/fixed-window-limiter.ts';
import { UnacceptableInputError } from '../http/json-body.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { createIntakeComplaint } from './create-intake-complaint.ts';
import { loadAreaDataset } from '../regions/area-dataset.ts';
import { findIntakeApiKey } from './intake-api-keys.ts';
import {
  activeCategories,
  findPublicComplaints,
  resolveJurisdiction,
  type Jurisdiction,
} from './open311-repository.ts';
import {
  formatOf,
  sendOpen311Error,
  sendRecords,
  sendXml,
  type Open311Format,
} from '../http/open311-reply.ts';
import { issueMessageInIndonesian } from '../../shared/errors/error-texts-id.ts';

export type Open311RouteOptions = {
  db: Database;
  now: () => number;
  feed: ChangeFeed;
  /** Service requests one API key (or, without a valid key, one address) may post per minute. */
  intakeRequestsPerMinute: number;
  /** Public reads (services, listings, single requests) one address may make per minute. */
  readsPerMinute: number;
};

/** An intake form is a few kilobytes; the longest description is 20,000 characters. */
const INTAKE_BODY_LIMIT_BYTES = 128 * 1024;
/** Most requests one listing returns (the spec leaves the bound to the server). */
const MAX_LISTED_REQUESTS = 1000;
/** Without dates or ids, a listing covers the last 90 days (as GeoReport v2 suggests). */
const DEFAULT_WINDOW_MS = 90 * 24 * 60 * 60_000;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.map(String).join('.') || 'permintaan'}: ${issueMessageInIndonesian(issue.message)}`,
    )
    .join('; ');
}

/** Errors before or around a handler, in the GeoReport v2 error format (no internals). */
function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOf(request);
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413)
    return sendOpen311Error(reply, format, 413, 'Isi permintaan terlalu besar');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415)
    return sendOpen311Error(
      reply,
      format,
      415,
      'Isi permintaan harus application/x-www-form-urlencoded atau application/json',
    );
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'open311 request refused');
    return sendOpen311Error(reply, format, 400, 'Permintaan tidak valid');
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'open311 request: database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendOpen311Error(reply, format, 503, 'Layanan sementara tidak tersedia; coba lagi');
  }
  request.log.error({ err: error }, 'open311 request failed');
  return sendOpen311Error(reply, format, 500, 'Terjadi kesalahan di server');
}

/** Open311 GeoReport v2 under /open311/v2: public reads of public reports, keyed intake. */
export async function registerOpen311Routes(app: FastifyInstance, options: Open311RouteOptions) {
  const { db, now, feed } = options;
  const limiter = createFixedWindowLimiter({
    max: options.intakeRequestsPerMinute,
    windowMs: 60_000,
    now,
  });
  // Its own limiter rather than @fastify/rate-limit, so a refusal keeps the GeoReport v2 error
  // format and its Indonesian text (the scope's error handler turns thrown 4xx into 400).
  const readLimiter = createFixedWindowLimiter({
    max: options.readsPerMinute,
    windowMs: 60_000,
    now,
  });

  await app.register(
    async (scope) => {
      scope.setErrorHandler(open311ErrorHandler);
      // A listing answers up to 1000 requests (hundreds of kilobytes): reads are counted per
      // address, so one client cannot keep the server busy serialising them.
      scope.addHook('onRequest', async (request, reply) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return;
        const quota = readLimiter.take(request.ip);
        if (quota.allowed) return;
        reply.header('retry-after', String(quota.retryAfterSeconds));
        return sendOpen311Error(
          reply,
          formatOf(request),
          429,
          `Terlalu banyak permintaan; coba lagi dalam ${quota.retryAfterSeconds} detik`,
        );
      });
      scope.setNotFoundHandler((request, reply) =>
        sendOpen311Error(reply, formatOf(request), 404, 'Alamat tidak ditemukan'),
      );
      // GeoReport v2 clients post forms; JSON (inherited from the server) is accepted too.
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: INTAKE_BODY_LIMIT_BYTES },
        (_request, body, done) => {
          const text = typeof body === 'string' ? body : body.toString('utf8');
          const fields = Object.fromEntries(new URLSearchParams(text));
          if (Object.values(fields).some((value) => value.includes('\u0000'))) {
            done(new UnacceptableInputError('nul'), undefined);
            return;
          }
          done(null, fields);
        },
      );

      async function jurisdictionOr4xx(
        input: unknown,
        reply: FastifyReply,
        format: Open311Format,
      ): Promise<Jurisdiction | null> {
        const query = jurisdictionQuerySchema.safeParse(input);
        if (!query.success) {
          sendOpen311Error(reply, format, 400, describeIssues(query.error));
          return null;
        }
        const found = await resolveJurisdiction(db, query.data.jurisdiction_id);
        if (found === 'unknown') {
          sendOpen311Error(reply, format, 404, 'jurisdiction_id tidak dikenal');
          return null;
        }
        if (found === 'missing') {
          sendOpen311Error(reply, format, 400, 'jurisdiction_id wajib diisi');
          return null;
        }
        return found;
      }

      for (const format of ['json', 'xml'] as const) {
        scope.get(`/services.${format}`, async (request, reply) => {
          const jurisdiction = await jurisdictionOr4xx(request.query, reply, format);
          if (!jurisdiction) return reply;
          const categories = await activeCategories(db, jurisdiction.id);
          return sendRecords(
            reply,
            format,
            { root: 'services', item: 'service' },
            categories.map(serviceRecord),
          );
        });

        scope.get(`/requests.${format}`, async (request, reply) => {
          const query = requestsQuerySchema.safeParse(request.query);
          if (!query.success)
            return sendOpen311Error(reply, format, 400, describeIssues(query.error));
          const jurisdiction = await jurisdictionOr4xx(request.query, reply, format);
          if (!jurisdiction) return reply;
          const filter = query.data;
          const unbounded =
            !filter.start_date && !filter.end_date && !filter.service_request_id?.length;
          const statuses = filter.status?.flatMap((status) => statusesFor(status));
          const complaints = await findPublicComplaints(db, {
            instansiId: jurisdiction.id,
            ...(filter.service_request_id ? { trackingNumbers: filter.service_request_id } : {}),
            ...(filter.service_code ? { categoryCodes: filter.service_code } : {}),
            ...(statuses ? { statuses: statuses as ComplaintStatus[] } : {}),
            ...(unbounded
              ? { receivedFrom: now() - DEFAULT_WINDOW_MS }
              : filter.start_date !== undefined
                ? { receivedFrom: filter.start_date }
                : {}),
            ...(filter.end_date !== undefined ? { receivedTo: filter.end_date } : {}),
            limit: MAX_LISTED_REQUESTS,
          });
          return sendRecords(
            reply,
            format,
            { root: 'service_requests', item: 'request' },
            complaints.map((complaint) =>
              serviceRequestRecord(complaint, jurisdiction.utcOffsetMinutes),
            ),
          );
        });

        scope.post(
          `/requests.${format}`,
          { bodyLimit: INTAKE_BODY_LIMIT_BYTES },
          async (request, reply) => {
            const fields = flattenIntakeBody(request.body);
            const apiKey = typeof fields.api_key === 'string' ? fields.api_key : '';
            const key =
              apiKey.length > 0 && apiKey.length <= 200 ? await findIntakeApiKey(db, apiKey) : null;
            // A valid key is counted per key; without one, per address (guessing keys).
            const quota = limiter.take(key ? `key:${key.id}` : `address:${request.ip}`);
            if (!quota.allowed) {
              reply.header('retry-after', String(quota.retryAfterSeconds));
              return sendOpen311Error(
                reply,
                format,
                429,
                `Terlalu banyak laporan; coba lagi dalam ${quota.retryAfterSeconds} detik`,
              );
            }
            if (!key) {
              await appendAudit(
                db,
                {
                  officerId: null,
                  deviceId: null,
                  action: 'intake_refused',
                  details: { reason: apiKey ? 'invalid_api_key' : 'missing_api_key' },
                },
                now(),
              );
              return sendOpen311Error(
                reply,
                format,
                403,
                apiKey ? 'api_key tidak sah' : 'api_key wajib diisi',
              );
            }
            const refuse = async (reason: string, description: string) => {
              await appendAudit(
                db,
                {
                  officerId: null,
                  deviceId: null,
                  instansiId: key.instansiId,
                  action: 'intake_refused',
                  details: { reason, apiKeyId: key.id },
                },
                now(),
              );
              return sendOpen311Error(reply, format, 400, description);
            };
            const parsed = intakeRequestSchema.safeParse(fields);
            if (!parsed.success) return refuse('validation', describeIssues(parsed.error));
            if (parsed.data.jurisdiction_id && parsed.data.jurisdiction_id !== key.instansiId)
              return refuse('jurisdiction', 'jurisdiction_id tidak sesuai dengan api_key');
            if (!(await loadAreaDataset()).hasVillage(parsed.data.address_id))
              return refuse(
                'unknown_region',
                `address_id tidak dikenal: ${parsed.data.address_id}`,
              );
            const outcome = await createIntakeComplaint(db, key, parsed.data, now());
            if (outcome.kind === 'unknown_service')
              return refuse('unknown_service', 'service_code tidak dikenal');
            feed.publish('complaints');
            return sendRecords(
              reply,
              format,
              { root: 'service_requests', item: 'request' },
              [
                {
                  service_request_id: outcome.trackingNumber,
                  service_notice: outcome.rahasia
                    ? 'Laporan rahasia: tidak ditampilkan untuk umum'
                    : 'Laporan diterima dan menunggu verifikasi',
                  account_id: parsed.data.account_id ?? '',
                },
              ],
              201,
            );
          },
        );
      }

      scope.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
        const file = serviceFileSchema.safeParse(request.params.file);
        if (!file.success)
          return sendOpen311Error(reply, formatOf(request), 404, 'Alamat tidak ditemukan');
        const { code, format } = file.data;
        const jurisdiction = await jurisdictionOr4xx(request.query, reply, format);
        if (!jurisdiction) return reply;
        const categories = await activeCategories(db, jurisdiction.id);
        if (!categories.some((category) => category.code === code))
          return sendOpen311Error(reply, format, 404, 'service_code tidak dikenal');
        const definition = serviceDefinition(code);
        if (format === 'xml')
          return sendXml(reply, 200, toXmlRecordDocument('service_definition', definition));
        return definition;
      });

      scope.get<{ Params: { file: string } }>('/requests/:file', async (request, reply) => {
        const file = requestFileSchema.safeParse(request.params.file);
        if (!file.success)
          return sendOpen311Error(reply, formatOf(request), 404, 'Alamat tidak ditemukan');
        const { id, format } = file.data;
        const jurisdiction = await jurisdictionOr4xx(request.query, reply, format);
        if (!jurisdiction) return reply;
        const [complaint] = await findPublicComplaints(db, {
          instansiId: jurisdiction.id,
          trackingNumbers: [id],
          limit: 1,
        });
        // A rahasia report is answered exactly like a missing one.
        if (!complaint) return sendOpen311Error(reply, format, 404, 'Laporan tidak ditemukan');
        return sendRecords(reply, format, { root: 'service_requests', item: 'request' }, [
          serviceRequestRecord(complaint, jurisdiction.utcOffsetMinutes),
        ]);
      });
    },
    { prefix: '/open311/v2' },
  );
}

const yesNo = [
  { key: 'false', name: 'Tidak' },
  { key: 'true', name: 'Ya' },
];

/** The optional attributes every service takes (GeoReport v2 service definition). */
function serviceDefinition(code: string) {
  const attribute = (
    order: number,
    attributeCode: string,
    description: string,
    values: { key: string; name: string }[],
  ) => ({
    variable: true,
    code: attributeCode,
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '',
    order,
    description,
    values,
  });
  return {
    service_code: code,
    attributes: [
      attribute(
        1,
        'jenis',
        'Jenis laporan (bawaan: pengaduan)',
        COMPLAINT_TYPES.map((type) => ({ key: type, name: type.replaceAll('_', ' ') })),
      ),
      attribute(
        2,
        'anonim',
        'Identitas pelapor dirahasiakan dari semua kecuali admin instansi',
        yesNo,
      ),
      attribute(3, 'rahasia', 'Seluruh laporan rahasia: tidak pernah dipublikasikan', yesNo),
    ],
  };
}
