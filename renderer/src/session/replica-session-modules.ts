/**
 * What opening an officer's replica needs (RxDB, the field cipher, the sync engine): loaded on
 * demand, so the sign-in form does not wait for it on a first visit over a slow link.
 */
export { forgetOfficerReplicaKey, openOfficerReplica } from './unlock-replica.ts';
export { SyncController } from '../sync/sync-controller.ts';
export { removeReplica } from '../db/remove-replica.ts';
export { loadOfficerProfile, saveOfficerProfile } from './officer-profile.ts';
export { storedRefreshToken } from './stored-refresh-token.ts';
