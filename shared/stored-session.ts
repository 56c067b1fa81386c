import { z } from 'zod';

/** What the workstation may keep between runs to resume a session without the password. */
export const storedSessionSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).max(500),
  refreshToken: z.string().min(20).max(200),
  officerId: z.string().min(1).max(40),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;
