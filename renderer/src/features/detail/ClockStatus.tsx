import { useEffect, useState } from 'react';
import { describeClock, type ClockState } from '../../../../shared/deadline/describe-clock.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { loadDeadlineContext } from '../triage/deadline-context.ts';

/** The running deadline clock of a complaint: which one, time left, or how far overdue. */
export function ClockStatus({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { replica, instansi } = useWorkstation();
  const [state, setState] = useState<ClockState | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadDeadlineContext(replica, instansi.utcOffsetMinutes).then((context) => {
      if (!cancelled) {
        setState(
          describeClock(
            complaint,
            Date.now(),
            context.rulesFor(complaint.receivedAt),
            context.calendar,
          ),
        );
      }
    });
    return () => {
      cancelled = true;
    };
  }, [replica, instansi.utcOffsetMinutes, complaint]);
  if (!state) return null;
  if (!state.running) return <p className="clock clock-none">{t('clock.none')}</p>;
  const clock = t(`clock.${state.clock}`);
  const label = state.overdue
    ? t('clock.overdue', { clock, days: state.daysLeft })
    : state.daysLeft === 0
      ? t('clock.dueToday', { clock })
      : t(state.counting === 'working' ? 'clock.left' : 'clock.leftCalendar', {
          clock,
          days: state.daysLeft,
        });
  return (
    <p
      className={`clock ${state.overdue ? 'clock-overdue' : 'clock-running'}`}
      data-testid="clock-status"
    >
      {label}
    </p>
  );
}
