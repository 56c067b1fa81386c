import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/schemas/unit.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import type { PlaceLookup } from '../../../shared/regions/region-directory.ts';
import { useWorkstation } from './workstation-context.tsx';
import { usePlaceLookup } from './use-place-lookup.ts';

export type Directory = {
  units: ReadonlyMap<string, Unit>;
  categories: ReadonlyMap<string, Category>;
  categoryList: readonly Category[];
  /** Names of the village codes of the instansi's region. */
  places: PlaceLookup;
};

/** OPD units, categories and place names of the instansi, live from the replica. */
export function useDirectory(): Directory {
  const { replica } = useWorkstation();
  const [units, setUnits] = useState<ReadonlyMap<string, Unit>>(new Map());
  const [categoryList, setCategoryList] = useState<readonly Category[]>([]);
  const places = usePlaceLookup();
  useEffect(() => {
    const unitSubscription = replica.units
      .find({ sort: [{ name: 'asc' }] })
      .$.subscribe((documents) => {
        setUnits(new Map(documents.map((document) => [document.id, document.toJSON() as Unit])));
      });
    const categorySubscription = replica.categories
      .find({ sort: [{ name: 'asc' }] })
      .$.subscribe((documents) => {
        setCategoryList(documents.map((document) => document.toJSON() as Category));
      });
    return () => {
      unitSubscription.unsubscribe();
      categorySubscription.unsubscribe();
    };
  }, [replica]);
  return {
    units,
    categories: new Map(categoryList.map((category) => [category.id, category])),
    categoryList,
    places,
  };
}
