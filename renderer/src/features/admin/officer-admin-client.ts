import {
  officerListSchema,
  officerSummarySchema,
  type CreateOfficerRequest,
  type OfficerAssignment,
  type OfficerSummary,
} from '../../../../shared/api/officer-admin.ts';
import { getJson, postJson } from '../../api/api-client.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';

type Online = Pick<WorkstationContextValue, 'serverUrl' | 'sync'>;

/*
 * Officers are administered online only: they are not replicated, because their rows carry
 * password hashes. Each call needs the server and fails with ApiRequestError('offline') without.
 */

export async function listOfficers(workstation: Online, signal?: AbortSignal) {
  const body = await workstation.sync.tokens.withAccessToken((token) =>
    getJson(`${workstation.serverUrl}/api/admin/officers`, token, signal),
  );
  return officerListSchema.parse(body).officers;
}

async function post(workstation: Online, path: string, body: unknown): Promise<OfficerSummary> {
  const answer = await workstation.sync.tokens.withAccessToken((token) =>
    postJson(`${workstation.serverUrl}/api/admin/officers${path}`, body, token),
  );
  return officerSummarySchema.parse(answer);
}

export const createOfficer = (workstation: Online, request: CreateOfficerRequest) =>
  post(workstation, '', request);

export const resetOfficerPassword = (workstation: Online, id: string, password: string) =>
  post(workstation, `/${encodeURIComponent(id)}/reset-password`, { password });

export const setOfficerActive = (workstation: Online, id: string, active: boolean) =>
  post(workstation, `/${encodeURIComponent(id)}/${active ? 'enable' : 'disable'}`, {});

export const changeOfficerAssignment = (
  workstation: Online,
  id: string,
  assignment: OfficerAssignment,
) => post(workstation, `/${encodeURIComponent(id)}/assignment`, assignment);
