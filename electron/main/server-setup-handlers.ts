import { z } from 'zod';
import { BRIDGE_CHANNELS } from '../../shared/bridge.ts';
import {
  checkServer,
  serverOriginOf,
  type ReadinessFetch,
} from '../../shared/desktop/check-server.ts';
import { parseArguments, type SetupChannel } from './bridge-handlers.ts';
import type { ServerSource } from './server-settings.ts';

const addressArguments = z.tuple([z.string().max(300)]);

/** First-run IPC: test a server address, and keep the chosen one. */
export function createServerSetupHandlers(deps: {
  fetchReadiness: ReadinessFetch;
  source: () => ServerSource;
  /** Stores the origin and makes it the server of this installation. */
  save: (origin: string) => Promise<void>;
}): Record<SetupChannel, (...args: unknown[]) => Promise<unknown>> {
  return {
    [BRIDGE_CHANNELS.testServer]: async (...args) => {
      const [address] = parseArguments(addressArguments, args, BRIDGE_CHANNELS.testServer);
      return checkServer(address, deps.fetchReadiness);
    },
    [BRIDGE_CHANNELS.setServerUrl]: async (...args) => {
      const [address] = parseArguments(addressArguments, args, BRIDGE_CHANNELS.setServerUrl);
      if (deps.source() === 'env') {
        throw new Error(`${BRIDGE_CHANNELS.setServerUrl}: the server is set by LAPOR_SERVER_URL`);
      }
      const origin = serverOriginOf(address);
      if (!origin) throw new Error(`${BRIDGE_CHANNELS.setServerUrl}: not a server address`);
      await deps.save(origin);
      return origin;
    },
  };
}
