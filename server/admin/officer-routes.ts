import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createOfficerSchema,
  officerAssignmentSchema,
  officerIdParamsSchema,
  resetPasswordSchema,
} from '../../shared/api/officer-admin.ts';
import { appendAudit } from '../audit-log.ts';
import { hashPassword } from '../auth/password-hash.ts';
import {
  insertOfficer,
  listOfficersOfInstansi,
  lockOfficerOfInstansi,
  officerSummaryOf,
  setOfficerActive,
  setOfficerAssignment,
  setOfficerPasswordHash,
  usernameTaken,
  type ManagedOfficerRow,
} from '../auth/officer-repository.ts';
import { revokeOfficerSessions, type AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';

async function unitUsable(tx: SqlExecutor, instansiId: string, unitId: string) {
  if (unitId === '') return true;
  const rows = await tx.query('SELECT 1 FROM units WHERE id = $1 AND instansi_id = $2 AND active', [
    unitId,
    instansiId,
  ]);
  return rows.length > 0;
}

/**
 * Officer administration for the Admin Instansi, over HTTP only (officers are not replicated:
 * their rows carry password hashes). Every call is scoped to the admin's instansi and audited;
 * an officer of another instansi answers 404 as if absent.
 */
export function registerOfficerAdminRoutes(
  app: FastifyInstance,
  options: { db: Database; now: () => number; feed: ChangeFeed },
) {
  const { db, now, feed } = options;
  const authenticate = requireOfficer(db, now);

  function adminOf(request: FastifyRequest, reply: FastifyReply): AuthenticatedOfficer | null {
    const officer = officerOf(request);
    if (officer.role === 'admin_instansi') return officer;
    sendApiError(reply, 403, 'forbidden', 'Hanya Admin Instansi yang dapat mengelola petugas');
    return null;
  }

  const audit = (
    tx: SqlExecutor,
    admin: AuthenticatedOfficer,
    action: string,
    officerId: string,
    details: Record<string, unknown>,
    at: number,
  ) =>
    appendAudit(
      tx,
      {
        officerId: admin.id,
        deviceId: admin.deviceId,
        action,
        collection: 'officers',
        documentId: officerId,
        details,
      },
      at,
    );

  /** Runs `change` on an officer of the admin's instansi, locked; 404 when there is none. */
  async function withOfficer(
    request: FastifyRequest,
    reply: FastifyReply,
    change: (
      tx: SqlExecutor,
      admin: AuthenticatedOfficer,
      target: ManagedOfficerRow,
      at: number,
      signOut: () => Promise<void>,
    ) => Promise<ManagedOfficerRow | FastifyReply>,
  ) {
    const admin = adminOf(request, reply);
    if (!admin) return reply;
    const params = parseOr400(officerIdParamsSchema, request.params, reply, 'Petugas');
    if (!params) return reply;
    const at = now();
    let signedOut: string | null = null;
    const result = await db.transaction(async (tx) => {
      const target = await lockOfficerOfInstansi(tx, params.id, admin.instansiId);
      if (!target) return sendApiError(reply, 404, 'not_found', 'Petugas tidak ditemukan');
      return change(tx, admin, target, at, async () => {
        await revokeOfficerSessions(tx, target.id, at);
        signedOut = target.id;
      });
    });
    // Committed: the officer's live streams end on every server process.
    if (signedOut !== null) feed.endStreams({ officerId: signedOut });
    // A refusal inside the transaction has already answered.
    return reply.sent ? reply : officerSummaryOf(result as ManagedOfficerRow);
  }

  const selfRefusal = (reply: FastifyReply) =>
    sendApiError(
      reply,
      409,
      'own_account',
      'Akun Anda sendiri tidak dapat dinonaktifkan atau diubah perannya; minta admin lain',
    );

  app.get('/api/admin/officers', { preHandler: authenticate }, async (request, reply) => {
    const admin = adminOf(request, reply);
    if (!admin) return reply;
    const rows = await listOfficersOfInstansi(db, admin.instansiId);
    return { officers: rows.map(officerSummaryOf) };
  });

  app.post('/api/admin/officers', { preHandler: authenticate }, async (request, reply) => {
    const admin = adminOf(request, reply);
    if (!admin) return reply;
    const input = parseOr400(createOfficerSchema, request.body, reply, 'Data petugas');
    if (!input) return reply;
    const passwordHash = await hashPassword(input.password);
    const at = now();
    const created = await db.transaction(async (tx) => {
      if (!(await unitUsable(tx, admin.instansiId, input.unitId)))
        return sendApiError(reply, 400, 'invalid_unit', 'Unit OPD tidak ada atau tidak aktif');
      // Usernames are unique across instansi; the answer does not say where it is taken.
      if (await usernameTaken(tx, input.username))
        return sendApiError(reply, 409, 'username_taken', 'Nama pengguna sudah dipakai');
      const row = await insertOfficer(tx, {
        id: randomUUID(),
        instansiId: admin.instansiId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId === '' ? null : input.unitId,
        passwordHash,
        createdAt: new Date(at),
      });
      if (!row) throw new Error('officer insert returned nothing');
      await audit(
        tx,
        admin,
        'officer_created',
        row.id,
        { username: row.username, role: row.role, unitId: row.unit_id ?? '' },
        at,
      );
      return row;
    });
    if (reply.sent) return reply;
    return reply.code(201).send(officerSummaryOf(created as ManagedOfficerRow));
  });

  app.post(
    '/api/admin/officers/:id/reset-password',
    { preHandler: authenticate },
    async (request, reply) => {
      // Refused before hashing, so no other role can make the server spend scrypt time.
      if (!adminOf(request, reply)) return reply;
      const input = parseOr400(resetPasswordSchema, request.body, reply, 'Kata sandi baru');
      if (!input) return reply;
      const passwordHash = await hashPassword(input.password);
      return withOfficer(request, reply, async (tx, admin, target, at, signOut) => {
        await setOfficerPasswordHash(tx, target.id, passwordHash);
        // Whoever held the old password is signed out everywhere.
        await signOut();
        await audit(tx, admin, 'officer_password_reset', target.id, {}, at);
        return target;
      });
    },
  );

  for (const [path, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post(`/api/admin/officers/:id/${path}`, { preHandler: authenticate }, (request, reply) =>
      withOfficer(request, reply, async (tx, admin, target, at, signOut) => {
        if (target.id === admin.id) return selfRefusal(reply);
        if (target.active === active) return target;
        const row = await setOfficerActive(tx, target.id, active);
        if (!active) await signOut();
        await audit(tx, admin, active ? 'officer_enabled' : 'officer_disabled', target.id, {}, at);
        return row ?? target;
      }),
    );
  }

  app.post(
    '/api/admin/officers/:id/assignment',
    { preHandler: authenticate },
    async (request, reply) => {
      const input = parseOr400(officerAssignmentSchema, request.body, reply, 'Peran dan unit');
      if (!input) return reply;
      return withOfficer(request, reply, async (tx, admin, target, at, signOut) => {
        if (target.id === admin.id) return selfRefusal(reply);
        if (!(await unitUsable(tx, admin.instansiId, input.unitId)))
          return sendApiError(reply, 400, 'invalid_unit', 'Unit OPD tidak ada atau tidak aktif');
        const unitId = input.unitId === '' ? null : input.unitId;
        if (target.role === input.role && target.unit_id === unitId) return target;
        const row = await setOfficerAssignment(tx, target.id, input.role, unitId);
        // A new scope starts from a fresh sign-in, so the device does not keep serving the old one.
        await signOut();
        await audit(
          tx,
          admin,
          'officer_assignment_changed',
          target.id,
          {
            from: { role: target.role, unitId: target.unit_id ?? '' },
            to: { role: input.role, unitId: input.unitId },
          },
          at,
        );
        return row ?? target;
      });
    },
  );
}
