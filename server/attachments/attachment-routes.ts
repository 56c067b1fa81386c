import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  attachmentChunkQuerySchema,
  attachmentIdParamsSchema,
  attachmentUploadRequestSchema,
  type AttachmentUploadState,
} from '../../shared/api/attachment-contract.ts';
import {
  ATTACHMENT_CHUNK_BYTES,
  contentMatchesType,
} from '../../shared/attachments/attachment-rules.ts';
import { roleWritesFollowUps } from '../../shared/domain/follow-up.ts';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import {
  appendChunk,
  complaintVisibleTo,
  discardUpload,
  findAnyAttachment,
  findOwnUpload,
  findReadableAttachment,
  insertUpload,
  markComplete,
  readContentChunks,
  readHead,
  type AttachmentRow,
} from './attachment-repository.ts';

export type AttachmentRouteOptions = { db: Database; now: () => number };

function stateOf(row: AttachmentRow, receivedBytes = row.received_bytes): AttachmentUploadState {
  return {
    id: row.id,
    size: row.size,
    receivedBytes: Number(receivedBytes),
    complete: row.complete,
  };
}

/** RFC 6266 file name: ASCII fallback plus the UTF-8 original. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Attachment bytes travel apart from the timeline event that lists them: announced, then sent
 * in chunks the device resumes after a cut, checked against the declared type when complete,
 * and served only to officers who may see the complaint.
 */
export async function registerAttachmentRoutes(
  app: FastifyInstance,
  options: AttachmentRouteOptions,
): Promise<void> {
  const { db, now } = options;
  const authenticate = requireOfficer(db, now);

  await app.register(async (scope) => {
    // Binary bodies are accepted here only, a chunk at a time; everywhere else stays JSON-only.
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );

    scope.post('/api/attachments', { preHandler: authenticate }, async (request, reply) => {
      const officer = officerOf(request);
      const upload = parseOr400(attachmentUploadRequestSchema, request.body, reply, 'Lampiran');
      if (!upload) return reply;
      if (!roleWritesFollowUps(officer.role)) {
        return sendApiError(reply, 403, 'forbidden', 'Peran ini tidak dapat mengunggah lampiran');
      }
      if (!(await complaintVisibleTo(db, officer, upload.complaintId))) {
        return sendApiError(
          reply,
          404,
          'not_found',
          'Pengaduan tidak ditemukan atau di luar wewenang Anda',
        );
      }
      const existing = await findOwnUpload(db, officer, upload.id);
      if (existing) {
        const same =
          existing.complaint_id === upload.complaintId &&
          existing.event_id === upload.eventId &&
          existing.name === upload.name &&
          existing.type === upload.type &&
          existing.size === upload.size;
        if (!same) {
          return sendApiError(reply, 409, 'attachment_exists', 'Lampiran dengan id ini sudah ada');
        }
        return stateOf(existing);
      }
      if (await findAnyAttachment(db, upload.id)) {
        return sendApiError(reply, 409, 'attachment_exists', 'Lampiran dengan id ini sudah ada');
      }
      await insertUpload(db, officer, upload, now());
      return reply.code(201).send({
        id: upload.id,
        size: upload.size,
        receivedBytes: 0,
        complete: false,
      } satisfies AttachmentUploadState);
    });

    scope.get('/api/attachments/:id', { preHandler: authenticate }, async (request, reply) => {
      const officer = officerOf(request);
      const params = parseOr400(attachmentIdParamsSchema, request.params, reply, 'Lampiran');
      if (!params) return reply;
      const row = await findReadableAttachment(db, officer, params.id);
      if (!row) return sendApiError(reply, 404, 'not_found', 'Lampiran tidak ditemukan');
      return stateOf(row);
    });

    scope.post(
      '/api/attachments/:id/chunks',
      { preHandler: authenticate },
      async (request, reply) => {
        const officer = officerOf(request);
        const params = parseOr400(attachmentIdParamsSchema, request.params, reply, 'Lampiran');
        if (!params) return reply;
        const query = parseOr400(attachmentChunkQuerySchema, request.query, reply, 'Potongan');
        if (!query) return reply;
        if (!Buffer.isBuffer(request.body) || request.body.byteLength === 0) {
          return sendApiError(reply, 400, 'invalid_request', 'Potongan lampiran kosong');
        }
        const chunk = request.body;
        const outcome = await db.transaction(async (tx) => {
          const row = await findOwnUpload(tx, officer, params.id, true);
          if (!row) return { status: 404 as const };
          if (row.complete) return { status: 200 as const, state: stateOf(row) };
          if (query.offset !== Number(row.received_bytes)) {
            return { status: 409 as const, state: stateOf(row) };
          }
          if (query.offset + chunk.byteLength > row.size) return { status: 413 as const };
          const received = await appendChunk(tx, row.id, query.offset, chunk);
          if (received < row.size) {
            return { status: 200 as const, state: stateOf(row, received) };
          }
          const head = await readHead(tx, row.id, 16);
          if (!contentMatchesType(head, row.type)) {
            await discardUpload(tx, row.id);
            return { status: 422 as const };
          }
          await markComplete(tx, row.id, now());
          await appendAudit(
            tx,
            {
              officerId: officer.id,
              deviceId: officer.deviceId,
              action: 'attachment_uploaded',
              collection: 'attachments',
              documentId: row.id,
              details: { complaintId: row.complaint_id, type: row.type, size: row.size },
            },
            now(),
          );
          return { status: 200 as const, state: { ...stateOf(row, received), complete: true } };
        });
        switch (outcome.status) {
          case 404:
            return sendApiError(reply, 404, 'not_found', 'Unggahan lampiran tidak ditemukan');
          case 409:
            // The device resumes from what the server holds.
            return reply.code(409).send({
              error: 'offset_mismatch',
              message: 'Posisi potongan tidak sesuai; lanjutkan dari posisi yang dikirim server',
              ...outcome.state,
            });
          case 413:
            return sendApiError(reply, 413, 'too_large', 'Lampiran melebihi ukuran yang diumumkan');
          case 422:
            return sendApiError(
              reply,
              422,
              'type_mismatch',
              'Isi berkas tidak sesuai dengan jenisnya (hanya foto JPEG/PNG/WebP atau PDF)',
            );
          default:
            return outcome.state;
        }
      },
    );

    scope.get(
      '/api/attachments/:id/content',
      { preHandler: authenticate },
      async (request, reply) => {
        const officer = officerOf(request);
        const params = parseOr400(attachmentIdParamsSchema, request.params, reply, 'Lampiran');
        if (!params) return reply;
        const row = await findReadableAttachment(db, officer, params.id);
        if (!row || !row.complete) {
          return sendApiError(
            reply,
            404,
            'not_found',
            'Lampiran tidak ditemukan atau belum lengkap',
          );
        }
        return reply
          .header('content-type', row.type)
          .header('content-length', String(row.size))
          .header('content-disposition', contentDisposition(row.name))
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(Readable.from(readContentChunks(db, row.id)));
      },
    );
  });
}
