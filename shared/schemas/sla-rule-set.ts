import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

const days = z.int().min(0).max(365);

/** A versioned set of deadline rules (DOMAIN.md); the newest active one applies. */
export const slaRuleSetSchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  version: z.string().min(1).max(60),
  counting: z.enum(['working', 'calendar']),
  verifyDays: days,
  firstFollowUpDays: days,
  resolutionDays: days,
  resolutionSupervisedDays: days,
  resolutionAspirationDays: days,
  autoCloseDays: days,
  activeFrom: epochMsSchema,
  updatedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type SlaRuleSetDocument = z.infer<typeof slaRuleSetSchema>;
