import { z } from 'zod';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
  type ComplaintStatus,
} from '../domain/complaint-status.ts';
import { errorMessage } from '../errors/error-codes.ts';

export const ACTIVE_STATUSES: readonly ComplaintStatus[] = [
  'belum_diverifikasi',
  'ditunda',
  'didisposisi',
  'ditindaklanjuti',
];

export const STATUS_FILTERS = ['active', 'all', ...COMPLAINT_STATUSES] as const;
export const DEADLINE_FILTERS = ['any', 'overdue', 'due_this_week', 'no_clock'] as const;
export const PRIVACY_FILTERS = ['any', 'rahasia', 'anonim', 'terbuka'] as const;
export const QUEUE_SORTS = [
  'due_asc',
  'received_desc',
  'received_asc',
  'updated_desc',
  'priority_desc',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const ANY = 'any';
const localDateSchema = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, errorMessage('date_format'));

/**
 * Everything that decides which complaints the queue shows and in what order. One value per
 * facet ("any" for no restriction) so that every choice can show how many complaints it leaves.
 */
export const queueCriteriaSchema = z
  .object({
    status: z.enum(STATUS_FILTERS),
    unitId: z.string().max(40),
    categoryId: z.string().max(40),
    type: z.enum([ANY, ...COMPLAINT_TYPES]),
    channel: z.enum([ANY, ...CHANNELS]),
    priority: z.enum([ANY, ...PRIORITIES]),
    deadline: z.enum(DEADLINE_FILTERS),
    privacy: z.enum(PRIVACY_FILTERS),
    /** Received on or after this local date (instansi time zone); empty for no bound. */
    receivedFrom: localDateSchema,
    /** Received on or before this local date; empty for no bound. */
    receivedTo: localDateSchema,
    query: z.string().max(200),
    sort: z.enum(QUEUE_SORTS),
  })
  .refine(
    (criteria) =>
      !criteria.receivedFrom ||
      !criteria.receivedTo ||
      criteria.receivedFrom <= criteria.receivedTo,
    {
      message: errorMessage('date_start_after_end'),
      path: ['receivedTo'],
    },
  );
export type QueueCriteria = z.infer<typeof queueCriteriaSchema>;

/** `unitId` and `categoryId` use this for "any"; an empty unitId means "not yet disposed". */
export const ANY_ID = 'any';

export const DEFAULT_QUEUE_CRITERIA: QueueCriteria = {
  status: 'active',
  unitId: ANY_ID,
  categoryId: ANY_ID,
  type: 'any',
  channel: 'any',
  priority: 'any',
  deadline: 'any',
  privacy: 'any',
  receivedFrom: '',
  receivedTo: '',
  query: '',
  sort: 'due_asc',
};

/** The facets whose choices show counts. */
export const QUEUE_FACETS = [
  'status',
  'unitId',
  'categoryId',
  'type',
  'channel',
  'priority',
  'deadline',
  'privacy',
] as const;
export type QueueFacet = (typeof QUEUE_FACETS)[number];

/** A named set of criteria an officer keeps. */
export const savedQueueViewSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1, 'Beri nama tampilan').max(60),
  criteria: queueCriteriaSchema,
});
export type SavedQueueView = z.infer<typeof savedQueueViewSchema>;
export const MAX_SAVED_VIEWS = 30;
