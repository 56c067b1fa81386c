import type { PullPart, PullResponse } from '../../../shared/api/contract.ts';
import { pageOfParts } from '../../../renderer/src/api/get-pull-page.ts';

/** A pull answer's body, whole JSON or in parts (a line each, see PULL_PARTS_MEDIA_TYPE). */
export function pullAnswerOf(text: string): PullResponse<unknown> {
  if (!text.includes('\n')) return JSON.parse(text) as PullResponse<unknown>;
  return pageOfParts(
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as PullPart<unknown>),
  ).page;
}
