import { z } from 'zod';
import type { RegionalBriefing } from '../../../../shared/reports/plan-regional-briefing.ts';
import { getJson } from '../../api/api-client.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';

const rateSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  percent: z.number().nullable(),
  formula: z.string(),
});
const rowFields = {
  received: z.number(),
  resolved: z.number(),
  inProcess: z.number(),
  notYetProcessed: z.number(),
  base: z.number(),
  handledRate: rateSchema,
  completionRate: rateSchema,
  verificationWithinDeadline: rateSchema,
  followUpWithinDeadline: rateSchema,
  overdue: z.number(),
  hasActiveAdmin: z.boolean(),
  activeUnits: z.number(),
  unitsWithoutPenghubung: z.array(z.string().max(120)).max(1000),
  staffed: z.boolean(),
};
const rowSchema = z.object({
  rank: z.number().nullable(),
  instansiId: z.string().max(40),
  name: z.string().max(200),
  shortName: z.string().max(80),
  ...rowFields,
});
const briefingSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), unitIds: z.array(z.string()) }),
  generatedAt: z.number(),
  province: rowSchema,
  members: z.array(rowSchema).max(1000),
  total: z.object(rowFields),
}) satisfies z.ZodType<RegionalBriefing>;

/** The province's regional briefing from the server (figures across instansi: online only). */
export async function fetchRegionalBriefing(
  workstation: Pick<WorkstationContextValue, 'serverUrl' | 'sync'>,
  period: { from: string; to: string },
): Promise<RegionalBriefing> {
  const query = new URLSearchParams(period).toString();
  const body = await workstation.sync.tokens.withAccessToken((token) =>
    getJson(`${workstation.serverUrl}/api/reports/regional?${query}`, token),
  );
  return briefingSchema.parse(body);
}
