import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  reportIdentityFormSchema,
  type ReportIdentityForm,
} from '../../../../shared/schemas/report-identity.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { saveReportIdentity } from '../reports/save-report-identity.ts';
import { useReportIdentity } from '../reports/use-report-identity.ts';
import { readLogoFile } from './read-logo-file.ts';
import { TextField } from './TextField.tsx';

/**
 * The instansi's letterhead and signatory for every printed report, on every device of the
 * instansi. Saved to the replica first (offline too) and sent to the server.
 */
export function ReportIdentityPanel() {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const { printed } = useReportIdentity();
  const [logoError, setLogoError] = useState('');
  const [notice, setNotice] = useState('');
  const form = useForm<ReportIdentityForm>({
    resolver: zodResolver(reportIdentityFormSchema),
    values: printed,
    // A change pulled while the admin types keeps what the admin has typed.
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting } = form.formState;
  const logo = useWatch({ control: form.control, name: 'logoDataUrl' });
  const error = (field: keyof ReportIdentityForm) =>
    errors[field] && t(`letterhead.error.${field}`);

  const submit = form.handleSubmit(async (values) => {
    await saveReportIdentity(workstation, values);
    form.reset(values);
    setNotice(t('letterhead.saved'));
  });

  return (
    <section aria-labelledby="letterhead-heading" className="letterhead-panel">
      <h3 id="letterhead-heading">{t('letterhead.heading')}</h3>
      <p className="form-note admin-intro">{t('letterhead.intro')}</p>
      <form noValidate onSubmit={submit} className="letterhead-form" data-testid="letterhead-form">
        <TextField
          id="letterhead-name"
          label={t('letterhead.field.letterheadName')}
          error={error('letterheadName')}
          registration={form.register('letterheadName')}
        />
        <label htmlFor="letterhead-address">{t('letterhead.field.address')}</label>
        <textarea
          id="letterhead-address"
          rows={2}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={errors.address ? 'letterhead-address-error' : undefined}
          {...form.register('address')}
        />
        {errors.address && (
          <p className="field-error" id="letterhead-address-error">
            {error('address')}
          </p>
        )}
        <TextField
          id="letterhead-contact"
          label={t('letterhead.field.contact')}
          error={error('contact')}
          registration={form.register('contact')}
        />
        <label htmlFor="letterhead-logo">{t('letterhead.field.logo')}</label>
        <input
          id="letterhead-logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            try {
              form.setValue('logoDataUrl', await readLogoFile(file), { shouldDirty: true });
              setLogoError('');
            } catch {
              setLogoError(t('letterhead.error.logoFile'));
            }
          }}
        />
        {logo && (
          <div className="letterhead-logo">
            <img src={logo} alt={t('letterhead.logoPreview')} className="logo-preview" />
            <button
              type="button"
              className="secondary"
              onClick={() => form.setValue('logoDataUrl', '', { shouldDirty: true })}
            >
              {t('letterhead.removeLogo')}
            </button>
          </div>
        )}
        {(logoError || errors.logoDataUrl) && (
          <p className="field-error" role="alert">
            {logoError || error('logoDataUrl')}
          </p>
        )}
        <TextField
          id="letterhead-signer-title"
          label={t('letterhead.field.signerTitle')}
          error={error('signerTitle')}
          registration={form.register('signerTitle')}
        />
        <TextField
          id="letterhead-signer-name"
          label={t('letterhead.field.signerName')}
          error={error('signerName')}
          registration={form.register('signerName')}
        />
        <TextField
          id="letterhead-signer-nip"
          label={t('letterhead.field.signerNip')}
          inputMode="numeric"
          error={error('signerNip')}
          registration={form.register('signerNip')}
        />
        <TextField
          id="letterhead-signing-city"
          label={t('letterhead.field.signingCity')}
          error={error('signingCity')}
          registration={form.register('signingCity')}
        />
        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting} data-testid="letterhead-save">
            {t('letterhead.save')}
          </button>
        </div>
        <p role="status" className="admin-notice" data-testid="letterhead-notice">
          {notice}
        </p>
      </form>
    </section>
  );
}
