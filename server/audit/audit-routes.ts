import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, type AuditPage } from '../../shared/api/audit-query.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';

type AuditRow = {
  id: string | number;
  at: Date;
  officer_id: string | null;
  officer_name: string | null;
  officer_username: string | null;
  tracking_number: string | null;
  device_id: string | null;
  action: string;
  collection: string | null;
  document_id: string | null;
  details: Record<string, unknown> | string;
};

/** The audit log, read-only, for the Admin Instansi: only entries of its own instansi. */
export function registerAuditRoutes(
  app: FastifyInstance,
  options: { db: Database; now: () => number },
) {
  const { db, now } = options;
  app.get('/api/admin/audit', { preHandler: requireOfficer(db, now) }, async (request, reply) => {
    const officer = officerOf(request);
    if (officer.role !== 'admin_instansi')
      return sendApiError(
        reply,
        403,
        'forbidden',
        'Hanya Admin Instansi yang dapat membaca log audit',
      );
    const query = parseOr400(auditQuerySchema, request.query, reply, 'Parameter log audit');
    if (!query) return reply;
    // The complaint an entry is about, for its tracking number: the document itself, the
    // complaint of an event, or the one its details name, always of this instansi.
    const rows = await db.query<AuditRow>(
      `SELECT a.id, a.at, a.officer_id, o.display_name AS officer_name,
              o.username AS officer_username, c.tracking_number, a.device_id, a.action,
              a.collection, a.document_id, a.details
         FROM audit_log a
         LEFT JOIN officers o ON o.id = a.officer_id AND o.instansi_id = $1
         LEFT JOIN complaint_events ev
           ON a.collection = 'complaint_events' AND ev.id = a.document_id AND ev.instansi_id = $1
         LEFT JOIN complaints c
           ON c.instansi_id = $1
          AND c.id = COALESCE(CASE WHEN a.collection = 'complaints' THEN a.document_id END,
                              ev.complaint_id, a.details->>'complaintId')
        WHERE a.instansi_id = $1
          AND ($2::text IS NULL OR a.officer_id = $2::text OR lower(o.username) = lower($2::text))
          AND ($3::text[] IS NULL OR a.action = ANY($3::text[]))
          AND ($4::timestamptz IS NULL OR a.at >= $4::timestamptz)
          AND ($5::timestamptz IS NULL OR a.at <= $5::timestamptz)
          AND ($6::bigint IS NULL OR a.id < $6::bigint)
        ORDER BY a.id DESC
        LIMIT $7`,
      [
        officer.instansiId,
        query.officer ?? null,
        query.action ?? null,
        query.from === undefined ? null : new Date(query.from),
        query.to === undefined ? null : new Date(query.to),
        query.before ?? null,
        query.limit + 1,
      ],
    );
    const page = rows.slice(0, query.limit);
    const body: AuditPage = {
      entries: page.map((row) => ({
        id: Number(row.id),
        at: row.at.getTime(),
        officerId: row.officer_id ?? '',
        officerName: row.officer_name ?? '',
        officerUsername: row.officer_username ?? '',
        trackingNumber: row.tracking_number ?? '',
        deviceId: row.device_id ?? '',
        action: row.action,
        collection: row.collection ?? '',
        documentId: row.document_id ?? '',
        details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
      })),
      nextBefore: rows.length > query.limit ? Number(page[page.length - 1]?.id) : null,
    };
    return body;
  });
}
