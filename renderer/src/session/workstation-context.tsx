import { createContext, useContext, type ReactNode } from 'react';
import type { Officer, Instansi } from '../../../shared/schemas/officer.ts';
import type { Replica } from '../db/create-replica.ts';
import type { SyncController } from '../sync/sync-controller.ts';

export type WorkstationContextValue = {
  officer: Officer;
  instansi: Instansi;
  replica: Replica;
  sync: SyncController;
  serverUrl: string;
  deviceId: string;
};

const WorkstationContext = createContext<WorkstationContextValue | null>(null);

export function WorkstationProvider({
  value,
  children,
}: {
  value: WorkstationContextValue;
  children: ReactNode;
}) {
  return <WorkstationContext.Provider value={value}>{children}</WorkstationContext.Provider>;
}

export function useWorkstation(): WorkstationContextValue {
  const value = useContext(WorkstationContext);
  if (!value) throw new Error('useWorkstation needs a WorkstationProvider');
  return value;
}
