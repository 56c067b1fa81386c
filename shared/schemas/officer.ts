import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { idSchema } from './common.ts';

export const officerSchema = z.object({
  id: idSchema,
  username: z.string().min(3).max(60),
  displayName: z.string().min(1).max(120),
  role: z.enum(ROLES),
  instansiId: idSchema,
  /** The OPD unit of a penghubung; empty for instansi-wide roles. */
  unitId: z.string().max(40),
});
export type Officer = z.infer<typeof officerSchema>;

export const instansiSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(40),
  /** Offset from UTC in minutes: WIB 420, WITA 480, WIT 540. Indonesia has no daylight saving. */
  utcOffsetMinutes: z.union([z.literal(420), z.literal(480), z.literal(540)]),
});
export type Instansi = z.infer<typeof instansiSchema>;
