import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { errorMessage } from '../errors/error-codes.ts';

/** An officer as the Admin Instansi sees it; never a password or its hash. */
export const officerSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** The OPD unit of a penghubung; empty for instansi-wide roles. */
  unitId: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
});
export type OfficerSummary = z.infer<typeof officerSummarySchema>;

export const officerListSchema = z.object({ officers: z.array(officerSummarySchema) });

export const OFFICER_PASSWORD_MIN = 10;

export const officerPasswordSchema = z
  .string()
  .min(OFFICER_PASSWORD_MIN, errorMessage('password_too_short', { min: OFFICER_PASSWORD_MIN }))
  .max(200, errorMessage('too_long', { max: 200 }));

/** A penghubung works for exactly one OPD unit; the other roles for the whole instansi. */
const assignmentShape = {
  role: z.enum(ROLES),
  unitId: z.string().trim().max(40),
};

function unitMatchesRole(value: { role: string; unitId: string }) {
  return value.role === 'penghubung' ? value.unitId !== '' : value.unitId === '';
}
const unitRule = {
  message: errorMessage('officer_unit_rule'),
  path: ['unitId'],
};

export const officerAssignmentSchema = z.object(assignmentShape).refine(unitMatchesRole, unitRule);
export type OfficerAssignment = z.infer<typeof officerAssignmentSchema>;

export const createOfficerSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, errorMessage('username_too_short', { min: 3 }))
      .max(60, errorMessage('username_too_long', { max: 60 }))
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, errorMessage('username_characters')),
    displayName: z
      .string()
      .trim()
      .min(1, errorMessage('display_name_required'))
      .max(120, errorMessage('display_name_too_long', { max: 120 })),
    ...assignmentShape,
    password: officerPasswordSchema,
  })
  .refine(unitMatchesRole, unitRule);
export type CreateOfficerRequest = z.infer<typeof createOfficerSchema>;

export const resetPasswordSchema = z.object({ password: officerPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordSchema>;

export const officerIdParamsSchema = z.object({ id: z.string().min(1).max(40) });
