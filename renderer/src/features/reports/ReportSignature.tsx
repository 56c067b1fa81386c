import type { ReportIdentityForm } from '../../../../shared/schemas/report-identity.ts';
import { formatIndonesianLongDate } from '../../../../shared/templates/format-indonesian-date.ts';

/** The place, date and signatory closing a printed report; blanks are left to fill by hand. */
export function ReportSignature({
  identity,
  signedAt,
  utcOffsetMinutes,
}: {
  identity: ReportIdentityForm;
  signedAt: number;
  utcOffsetMinutes: number;
}) {
  return (
    <footer className="signature-block" data-testid="report-signature">
      <p>
        {identity.signingCity || '……………………'}, {formatIndonesianLongDate(signedAt, utcOffsetMinutes)}
      </p>
      <p>Mengetahui,</p>
      <p>{identity.signerTitle || '………………………………'}</p>
      <div className="signature-space" />
      <p className="signer-name">{identity.signerName || '………………………………'}</p>
      <p>NIP {identity.signerNip || '…………………………'}</p>
    </footer>
  );
}
