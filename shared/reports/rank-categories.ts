import type { CategoryFigures } from './rakorda-figures.ts';
import type { RakordaCategory } from './rakorda-input.ts';
import { compareText } from './compare-text.ts';

export type CategoryTally = { received: number; resolved: number };

export function tallyCategory(
  tallies: Map<string, CategoryTally>,
  categoryId: string,
  resolved: boolean,
): void {
  const category = tallies.get(categoryId) ?? { received: 0, resolved: 0 };
  category.received += 1;
  if (resolved) category.resolved += 1;
  tallies.set(categoryId, category);
}

/** Categories with at least one report, most reports first, with their share of all received. */
export function rankCategories(
  categories: readonly RakordaCategory[],
  tallies: ReadonlyMap<string, CategoryTally>,
  total: number,
): CategoryFigures[] {
  const names = new Map(categories.map((category) => [category.id, category.name]));
  return [...tallies.entries()]
    .map(([categoryId, acc]) => ({
      categoryId,
      name: names.get(categoryId) ?? categoryId,
      received: acc.received,
      resolved: acc.resolved,
      share: acc.received / total,
    }))
    .sort(
      (a, b) =>
        b.received - a.received ||
        compareText(a.name, b.name) ||
        compareText(a.categoryId, b.categoryId),
    );
}
