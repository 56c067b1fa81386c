import { BehaviorSubject } from 'rxjs';
import {
  initialPageSize,
  jsonBudgetOf,
  planPageSize,
  PAGE_SIZE_LIMITS,
  type PageSizeLimits,
  type PageSizeState,
} from '../../../shared/sync/plan-page-size.ts';
import type { PullResponse } from '../../../shared/api/contract.ts';
import { ApiRequestError } from '../api/api-client.ts';
import type { PulledPage } from '../api/get-pull-page.ts';

/** A page lost to the link (dropped mid-body or before it), as opposed to a refusal. */
export function isCutAnswer(error: unknown): boolean {
  return !(error instanceof ApiRequestError) || error.kind === 'offline';
}

/**
 * The byte size one collection's pull pages are asked at (shared/sync/plan-page-size.ts): a cut
 * answer shrinks it, whole ones grow it back.
 */
export class PageBudget {
  readonly size$: BehaviorSubject<PageSizeState>;
  private readonly limits: PageSizeLimits;

  constructor(limits: PageSizeLimits = PAGE_SIZE_LIMITS) {
    this.limits = limits;
    this.size$ = new BehaviorSubject(initialPageSize(limits));
  }

  /** The JSON bytes to ask the server for now. */
  jsonBytes(): number {
    return jsonBudgetOf(this.size$.value, this.limits);
  }

  /** Fetches a page, counting it whole or cut (a cut one may still bring the parts that arrived). */
  async track<Page>(fetch: () => Promise<PulledPage<Page>>): Promise<PullResponse<Page>> {
    try {
      const { page, cut } = await fetch();
      this.size$.next(planPageSize(this.size$.value, cut ? 'cut' : 'whole', this.limits));
      return page;
    } catch (error) {
      if (isCutAnswer(error)) this.size$.next(planPageSize(this.size$.value, 'cut', this.limits));
      throw error;
    }
  }
}
