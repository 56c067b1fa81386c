import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/schemas/unit.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import { useWorkstation } from './workstation-context.tsx';

export type Directory = {
  units: ReadonlyMap<string, Unit>;
  categories: ReadonlyMap<string, Category>;
  categoryList: readonly Category[];
};

/** OPD units and categories of the instansi, by id, live from the replica. */
export function useDirectory(): Directory {
  const { replica } = useWorkstation();
  const [units, setUnits] = useState<ReadonlyMap<string, Unit>>(new Map());
  const [categoryList, setCategoryList] = useState<readonly Category[]>([]);
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
  };
}
