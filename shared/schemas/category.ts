import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

export const categorySchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  code: z.string().min(1).max(60),
  name: z.string().min(1).max(120),
  active: z.boolean(),
  updatedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type Category = z.infer<typeof categorySchema>;
