import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

/** An OPD (organisasi perangkat daerah) unit of an instansi. */
export const unitSchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  code: z.string().min(1).max(20),
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(60),
  active: z.boolean(),
  updatedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type Unit = z.infer<typeof unitSchema>;
