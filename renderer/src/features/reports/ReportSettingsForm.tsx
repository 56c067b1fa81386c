import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../../i18n/language-context.tsx';
import {
  MAX_LOGO_DATA_URL,
  reportSettingsSchema,
  type ReportSettings,
} from './use-report-settings.ts';

const LOGO_SIZE = 200;

/** Reads an image file and scales it down to a small PNG for the letterhead. */
async function logoFromFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, LOGO_SIZE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

type ReportSettingsFormProps = {
  settings: ReportSettings;
  onSave: (settings: ReportSettings) => Promise<void>;
};

/** Letterhead address and logo, and who signs, for every printed report on this device. */
export function ReportSettingsForm({ settings, onSave }: ReportSettingsFormProps) {
  const { t } = useTranslation();
  const [logoError, setLogoError] = useState('');
  const form = useForm<ReportSettings>({
    resolver: zodResolver(reportSettingsSchema),
    values: settings,
  });
  const errors = form.formState.errors;
  const logo = useWatch({ control: form.control, name: 'logoDataUrl' });

  return (
    <details className="report-settings">
      <summary>{t('report.settings')}</summary>
      <form noValidate onSubmit={form.handleSubmit(onSave)}>
        <label htmlFor="report-address">{t('report.address')}</label>
        <textarea id="report-address" rows={2} {...form.register('address')} />
        <label htmlFor="report-logo">{t('report.logo')}</label>
        <input
          id="report-logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            try {
              const dataUrl = await logoFromFile(file);
              if (dataUrl.length > MAX_LOGO_DATA_URL) throw new Error('too large');
              form.setValue('logoDataUrl', dataUrl, { shouldDirty: true });
              setLogoError('');
            } catch {
              setLogoError(t('report.logoInvalid'));
            }
          }}
        />
        {logo && <img src={logo} alt={t('report.logoPreview')} className="logo-preview" />}
        {logoError && (
          <p className="form-error" role="alert">
            {logoError}
          </p>
        )}
        <label htmlFor="report-signer-title">{t('report.signerTitle')}</label>
        <input id="report-signer-title" {...form.register('signerTitle')} />
        <label htmlFor="report-signer-name">{t('report.signerName')}</label>
        <input id="report-signer-name" {...form.register('signerName')} />
        <label htmlFor="report-signer-nip">{t('report.signerNip')}</label>
        <input
          id="report-signer-nip"
          inputMode="numeric"
          {...form.register('signerNip')}
          aria-invalid={Boolean(errors.signerNip)}
        />
        {errors.signerNip && (
          <p className="form-error" role="alert">
            {errors.signerNip.message}
          </p>
        )}
        <button type="submit">{t('report.saveSettings')}</button>
        {form.formState.isSubmitSuccessful && !form.formState.isDirty && (
          <span role="status">{t('report.settingsSaved')}</span>
        )}
      </form>
    </details>
  );
}
