import { PRIORITIES } from '../domain/complaint-status.ts';
import {
  ACTIVE_STATUSES,
  ANY_ID,
  type QueueCriteria,
  type QueueFacet,
  type QueueSort,
} from './queue-criteria.ts';
import {
  buildQueueColumns,
  PRIVACY_ANONIM,
  PRIVACY_RAHASIA,
  VALUE_FACETS,
  type QueueColumns,
  type ValueFacet,
} from './queue-columns.ts';
import type { QueueEntry } from './queue-entry.ts';

const DAY_MS = 86_400_000;

export type QueueContext = {
  now: number;
  utcOffsetMinutes: number;
  /** Ids matching the search text, or null when nothing is searched. */
  searchMatches: { has(id: string): boolean } | null;
  /**
   * The same as a mask by position in the columns (1 = matches), cheaper than a test by id;
   * used instead of searchMatches when given.
   */
  searchMask?: Uint8Array | null;
};

/** Per facet: how many complaints each choice would show, the other facets staying as they are. */
export type FacetCounts = Record<QueueFacet, Map<string, number>> & {
  /** Per facet: how many complaints "any" would show. */
  totals: Record<QueueFacet, number>;
};

export type FilteredQueue = { rows: QueueEntry[]; counts: FacetCounts };

export type DeadlineClass = 'overdue' | 'due_this_week' | 'later' | 'no_clock';

/** The instant the instansi's local week (Monday to Sunday) ends. */
export function endOfLocalWeek(now: number, utcOffsetMinutes: number): number {
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = now + offsetMs;
  const startOfToday = Math.floor(local / DAY_MS) * DAY_MS;
  const weekday = new Date(startOfToday).getUTCDay();
  const daysToMonday = weekday === 0 ? 1 : 8 - weekday;
  return startOfToday + daysToMonday * DAY_MS - offsetMs;
}

/** The instant a local date (YYYY-MM-DD) begins in the instansi's time zone. */
export function startOfLocalDate(date: string, utcOffsetMinutes: number): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) - utcOffsetMinutes * 60_000;
}

export function deadlineClassOf(dueAt: number, now: number, weekEnd: number): DeadlineClass {
  if (dueAt === 0) return 'no_clock';
  if (dueAt < now) return 'overdue';
  return dueAt < weekEnd ? 'due_this_week' : 'later';
}

/** The order of the deadline classes in a filter pass. */
const DEADLINE_CLASSES: readonly DeadlineClass[] = [
  'no_clock',
  'overdue',
  'due_this_week',
  'later',
];
const PRIVACY_CODES = 4;

/** Per code of a facet: 1 if the criteria let an entry with that code through. */
function allowedCodes(count: number, allows: (code: number) => boolean): Uint8Array {
  const allowed = new Uint8Array(count);
  for (let code = 0; code < count; code += 1) allowed[code] = allows(code) ? 1 : 0;
  return allowed;
}

function valueAllows(criteria: QueueCriteria, facet: ValueFacet): (value: string) => boolean {
  if (facet === 'status') {
    const status = criteria.status;
    if (status === 'all') return () => true;
    if (status === 'active')
      return (value) => (ACTIVE_STATUSES as readonly string[]).includes(value);
    return (value) => value === status;
  }
  const wanted: string = criteria[facet];
  const any = facet === 'unitId' || facet === 'categoryId' ? ANY_ID : 'any';
  return wanted === any ? () => true : (value) => value === wanted;
}

function privacyAllows(privacy: QueueCriteria['privacy'], code: number): boolean {
  if (privacy === 'any') return true;
  if (privacy === 'terbuka') return code === 0;
  if (privacy === 'rahasia') return (code & PRIVACY_RAHASIA) !== 0;
  return (code & PRIVACY_ANONIM) !== 0;
}

/**
 * The complaints matching every criterion, in the order given, with the count of every facet
 * choice in one pass: an entry failing exactly one facet still counts towards that facet's
 * choices, so each count says what picking that choice would show.
 */
export function filterQueue(
  orderedEntries: readonly QueueEntry[],
  criteria: QueueCriteria,
  context: QueueContext,
): FilteredQueue {
  return filterQueueColumns(buildQueueColumns(orderedEntries), criteria, context);
}

/** filterQueue over columns built beforehand (buildQueueColumns), for repeated filtering. */
export function filterQueueColumns(
  columns: QueueColumns,
  criteria: QueueCriteria,
  context: QueueContext,
): FilteredQueue {
  const { entries, privacy, dueAt, receivedAt } = columns;
  const count = entries.length;
  const now = context.now;
  const weekEnd = endOfLocalWeek(now, context.utcOffsetMinutes);
  const from = criteria.receivedFrom
    ? startOfLocalDate(criteria.receivedFrom, context.utcOffsetMinutes)
    : -Infinity;
  const to = criteria.receivedTo
    ? startOfLocalDate(criteria.receivedTo, context.utcOffsetMinutes) + DAY_MS
    : Infinity;
  const mask = context.searchMask ?? null;
  const search = mask ? null : context.searchMatches;

  // Facets 0-5 are the value facets, 6 the deadline class, 7 privacy: one code column each.
  const deadline = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const due = dueAt[index] as number;
    deadline[index] = due === 0 ? 0 : due < now ? 1 : due < weekEnd ? 2 : 3;
  }
  const codeColumns: ArrayLike<number>[] = [
    ...VALUE_FACETS.map((facet) => columns.codes[facet]),
    deadline,
    privacy,
  ];
  const allowed: Uint8Array[] = [
    ...VALUE_FACETS.map((facet) => {
      const allows = valueAllows(criteria, facet);
      const values = columns.values[facet];
      return allowedCodes(values.length, (code) => allows(values[code] as string));
    }),
    allowedCodes(DEADLINE_CLASSES.length, (code) =>
      criteria.deadline === 'any' ? true : DEADLINE_CLASSES[code] === criteria.deadline,
    ),
    allowedCodes(PRIVACY_CODES, (code) => privacyAllows(criteria.privacy, code)),
  ];
  const facetCount = codeColumns.length;
  const tallies = allowed.map((codes) => new Uint32Array(codes.length));

  const rows: QueueEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const received = receivedAt[index] as number;
    if (received < from || received >= to) continue;
    if (mask && mask[index] === 0) continue;
    if (search && !search.has((entries[index] as QueueEntry).id)) continue;
    let failed = -1;
    let failures = 0;
    for (let facet = 0; facet < facetCount; facet += 1) {
      const code = (codeColumns[facet] as ArrayLike<number>)[index] as number;
      if ((allowed[facet] as Uint8Array)[code] === 0) {
        failures += 1;
        failed = facet;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      rows.push(entries[index] as QueueEntry);
      for (let facet = 0; facet < facetCount; facet += 1) tally(tallies, codeColumns, facet, index);
    } else if (failures === 1) {
      tally(tallies, codeColumns, failed, index);
    }
  }
  return { rows, counts: countsOf(columns, tallies) };
}

function tally(
  tallies: readonly Uint32Array[],
  codeColumns: readonly ArrayLike<number>[],
  facet: number,
  index: number,
): void {
  const counts = tallies[facet] as Uint32Array;
  const code = (codeColumns[facet] as ArrayLike<number>)[index] as number;
  counts[code] = (counts[code] as number) + 1;
}

/** The tallies by code as counts by choice, as the filters show them. */
function countsOf(columns: QueueColumns, tallies: readonly Uint32Array[]): FacetCounts {
  const counts = {} as Record<QueueFacet, Map<string, number>>;
  const totals = {} as Record<QueueFacet, number>;
  const keep = (facet: QueueFacet, key: string, value: number) => {
    if (value > 0) counts[facet].set(key, (counts[facet].get(key) ?? 0) + value);
  };
  const sum = (tally: Uint32Array) => tally.reduce((total, value) => total + value, 0);
  VALUE_FACETS.forEach((facet, position) => {
    const tally = tallies[position] as Uint32Array;
    counts[facet] = new Map();
    tally.forEach((value, code) => keep(facet, columns.values[facet][code] as string, value));
    totals[facet] = sum(tally);
  });
  const deadline = tallies[VALUE_FACETS.length] as Uint32Array;
  counts.deadline = new Map();
  deadline.forEach((value, code) => keep('deadline', DEADLINE_CLASSES[code] as string, value));
  totals.deadline = sum(deadline);
  const privacy = tallies[VALUE_FACETS.length + 1] as Uint32Array;
  counts.privacy = new Map();
  privacy.forEach((value, code) => {
    if (code & PRIVACY_RAHASIA) keep('privacy', 'rahasia', value);
    if (code & PRIVACY_ANONIM) keep('privacy', 'anonim', value);
    if (code === 0) keep('privacy', 'terbuka', value);
  });
  totals.privacy = sum(privacy);
  return Object.assign(counts, { totals });
}

const PRIORITY_RANK = new Map(PRIORITIES.map((priority, index) => [priority, index]));

function byDue(a: QueueEntry, b: QueueEntry): number {
  // Running clocks first, soonest due first; complaints without a clock after, newest first.
  if (a.dueAt === 0 || b.dueAt === 0) {
    if (a.dueAt !== b.dueAt) return a.dueAt === 0 ? 1 : -1;
    return b.updatedAt - a.updatedAt;
  }
  return a.dueAt - b.dueAt;
}

const COMPARATORS: Record<QueueSort, (a: QueueEntry, b: QueueEntry) => number> = {
  due_asc: byDue,
  received_desc: (a, b) => b.receivedAt - a.receivedAt,
  received_asc: (a, b) => a.receivedAt - b.receivedAt,
  updated_desc: (a, b) => b.updatedAt - a.updatedAt,
  priority_desc: (a, b) =>
    (PRIORITY_RANK.get(b.priority) ?? 0) - (PRIORITY_RANK.get(a.priority) ?? 0) || byDue(a, b),
};

/** The queue's total order: ties fall back to the tracking number, then the id. */
export function compareQueueEntries(sort: QueueSort): (a: QueueEntry, b: QueueEntry) => number {
  const compare = COMPARATORS[sort];
  return (a, b) =>
    compare(a, b) ||
    (a.trackingNumber < b.trackingNumber ? -1 : a.trackingNumber > b.trackingNumber ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortQueueEntries(entries: readonly QueueEntry[], sort: QueueSort): QueueEntry[] {
  return [...entries].sort(compareQueueEntries(sort));
}
