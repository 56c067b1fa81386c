import type { ReportIdentityForm } from '../../../../shared/schemas/report-identity.ts';

/** The instansi's letterhead at the top of a printed report. */
export function ReportLetterhead({ identity }: { identity: ReportIdentityForm }) {
  return (
    <header className="kop-surat" data-testid="report-letterhead">
      {identity.logoDataUrl && <img src={identity.logoDataUrl} alt="" className="kop-logo" />}
      <div>
        <p className="kop-name">{identity.letterheadName}</p>
        {identity.address && <p className="kop-address">{identity.address}</p>}
        {identity.contact && <p className="kop-address">{identity.contact}</p>}
      </div>
    </header>
  );
}
