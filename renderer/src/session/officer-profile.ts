import { z } from 'zod';
import {
  instansiSchema,
  officerSchema,
  type Instansi,
  type Officer,
} from '../../../shared/schemas/officer.ts';
import type { Replica } from '../db/create-replica.ts';

const PROFILE_ID = 'officer-profile';
const profileSchema = z.object({ officer: officerSchema, instansi: instansiSchema });
export type OfficerProfile = z.infer<typeof profileSchema>;

/** Who this replica belongs to, kept inside it so the workstation opens offline. */
export async function saveOfficerProfile(
  replica: Replica,
  officer: Officer,
  instansi: Instansi,
): Promise<void> {
  await replica.upsertLocal(PROFILE_ID, { officer, instansi });
}

export async function loadOfficerProfile(replica: Replica): Promise<OfficerProfile | null> {
  const doc = await replica.getLocal(PROFILE_ID);
  const parsed = profileSchema.safeParse(doc?.toJSON().data);
  return parsed.success ? parsed.data : null;
}
