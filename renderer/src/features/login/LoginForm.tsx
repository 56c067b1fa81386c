import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { SessionResponse } from '../../../../shared/api/contract.ts';
import { ApiRequestError, login } from '../../api/api-client.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { deviceId } from '../../session/device-id.ts';
import { markSignIn } from '../../session/mark-sign-in.ts';
import { describeMessage, describeRequestFailure } from '../../i18n/describe-error.ts';

type LoginFormProps = {
  serverUrl: string;
  fixedUsername?: string;
  /** Called with the password too: the web build derives the replica key from it. */
  onSignedIn: (session: SessionResponse, password: string) => Promise<void> | void;
};

export function LoginForm({ serverUrl, fixedUsername, onSignedIn }: LoginFormProps) {
  const { t, language } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = z.object({
    username: z.string().trim().min(1, t('login.usernameRequired')),
    password: z.string().min(1, t('login.passwordRequired')),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { username: fixedUsername ?? '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      markSignIn('sign-in-sent');
      const session = await login(serverUrl, { ...values, deviceId: deviceId() });
      markSignIn('sign-in-answered');
      await onSignedIn(session, values.password);
    } catch (error) {
      if (error instanceof ApiRequestError && error.kind !== 'offline')
        setFailure(describeRequestFailure(language, error));
      else setFailure(t('login.offline'));
    }
  });

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <label htmlFor="login-username">{t('login.username')}</label>
      <input
        id="login-username"
        autoComplete="username"
        readOnly={fixedUsername !== undefined}
        aria-invalid={errors.username ? true : undefined}
        aria-describedby={errors.username ? 'login-username-error' : undefined}
        {...form.register('username')}
      />
      {errors.username && (
        <p id="login-username-error" className="field-error">
          {describeMessage(language, errors.username.message)}
        </p>
      )}
      <label htmlFor="login-password">{t('login.password')}</label>
      <input
        id="login-password"
        type="password"
        autoComplete="current-password"
        aria-invalid={errors.password ? true : undefined}
        aria-describedby={errors.password ? 'login-password-error' : undefined}
        {...form.register('password')}
      />
      {errors.password && (
        <p id="login-password-error" className="field-error">
          {describeMessage(language, errors.password.message)}
        </p>
      )}
      {failure && (
        <p role="alert" className="form-failure">
          {failure}
        </p>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
