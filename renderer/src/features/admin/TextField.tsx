import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A labelled text input of an admin form with its error below it, the input marked invalid and
 * pointing at the error for screen readers while there is one.
 */
export function TextField({
  id,
  label,
  error,
  registration,
  ...input
}: {
  id: string;
  label: ReactNode;
  /** The message to show, or nothing while the value is valid. */
  error?: ReactNode;
  registration: UseFormRegisterReturn;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const errorId = `${id}-error`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete="off"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...registration}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}
