import { useCallback, useSyncExternalStore } from 'react';
import type { BehaviorSubject } from 'rxjs';

/** The current value of a BehaviorSubject, rendering again whenever it emits. */
export function useSubjectValue<T>(subject: BehaviorSubject<T>): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      const subscription = subject.subscribe(notify);
      return () => subscription.unsubscribe();
    },
    [subject],
  );
  return useSyncExternalStore(subscribe, () => subject.value);
}
