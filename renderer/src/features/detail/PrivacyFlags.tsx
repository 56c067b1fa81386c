import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

/** Anonim and rahasia are shown large on every complaint: a missed flag has endangered reporters. */
export function PrivacyFlags({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  if (!complaint.anonim && !complaint.rahasia) return null;
  return (
    <div className="privacy-flags" data-testid="privacy-flags">
      {complaint.rahasia && <p className="privacy-flag privacy-rahasia">{t('detail.rahasia')}</p>}
      {complaint.anonim && <p className="privacy-flag privacy-anonim">{t('detail.anonim')}</p>}
    </div>
  );
}
