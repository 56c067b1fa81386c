import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';

/** Logged identity reveals are the admin's own audit trail, not part of other roles' timeline. */
export const ADMIN_ONLY_KINDS: readonly ComplaintEvent['kind'][] = ['identitas_dibuka'];
