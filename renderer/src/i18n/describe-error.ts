import {
  appErrorSchema,
  decodeErrorMessage,
  type AppError,
} from '../../../shared/errors/error-codes.ts';
import type { ApiError } from '../../../shared/api/contract.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { MESSAGES_ID, type MessageKey } from './messages-id.ts';
import { translate, type Language, type MessageParams } from './translate.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES_ID, key);
}

/** Parameters that hold a domain value are shown by its label in the officer's language. */
const LABEL_KEY_OF_PARAM: Record<string, (value: string) => string> = {
  status: (value) => `status.${value}`,
  from: (value) => `status.${value}`,
  to: (value) => `status.${value}`,
  role: (value) => `session.role.${value}`,
  kind: (value) => `error.kind.${value}`,
  event: (value) => `error.kind.${value}`,
};

function wordParam(language: Language, name: string, value: string | number): string | number {
  const labelKey = typeof value === 'string' ? LABEL_KEY_OF_PARAM[name]?.(value) : undefined;
  return labelKey && isMessageKey(labelKey) ? translate(language, labelKey) : value;
}

/** An error code and its parameters, worded in the officer's language. */
export function describeError(language: Language, error: AppError): string {
  const key = `error.code.${error.code}`;
  if (!isMessageKey(key)) return translate(language, 'error.unknown', { code: error.code });
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(error.params)) {
    if (name !== 'field' && value !== undefined) params[name] = wordParam(language, name, value);
  }
  const text = translate(language, key, params);
  const field = error.params.field;
  return field ? translate(language, 'error.field', { field, text }) : text;
}

/**
 * A code as it came over the wire: worded when this workstation knows it (with every
 * parameter), otherwise a generic text in the officer's language that names the code.
 */
export function describeWireError(
  language: Language,
  wire: { code?: string; params?: Record<string, string | number> },
): string | null {
  if (!wire.code) return null;
  const parsed = appErrorSchema.safeParse({ code: wire.code, params: wire.params ?? {} });
  return parsed.success
    ? describeError(language, parsed.data)
    : translate(language, 'error.unknown', { code: wire.code });
}

/**
 * A validation message (a zod issue's, as react-hook-form passes it on): coded messages are
 * worded; any other text is shown as it is.
 */
export function describeMessage(language: Language, message: string | undefined): string {
  if (!message) return '';
  const coded = decodeErrorMessage(message);
  return coded ? describeError(language, coded) : message;
}

/**
 * A server's error answer. A server older than the codes sends only its Indonesian `message`:
 * shown as it is in Indonesian, and in English replaced by a generic text naming its `error`.
 */
export function describeApiAnswer(language: Language, answer: ApiError): string {
  const detail = answer.details?.find((item) => item.code);
  const precise =
    answer.code === 'request_invalid' && detail
      ? describeWireError(language, {
          code: detail.code,
          params: { ...detail.params, field: detail.path },
        })
      : describeWireError(language, answer);
  if (precise) return precise;
  return language === 'id'
    ? answer.message
    : translate(language, 'error.unknown', { code: answer.error });
}

/**
 * Why the server refused a write. Refusals from servers older than the codes (and those recorded
 * before them) have only their Indonesian text: in English the kind of refusal is shown instead.
 */
export function describeRefusal(
  language: Language,
  refusal: Pick<SyncRejection, 'reason' | 'reasonCode' | 'reasonError'>,
): string {
  if (refusal.reasonError) {
    try {
      const worded = describeWireError(language, JSON.parse(refusal.reasonError) as never);
      if (worded) return worded;
    } catch {
      // Not JSON: fall back to the text below.
    }
  }
  if (language === 'id') return refusal.reason;
  const key = `error.refusal.${refusal.reasonCode}`;
  return isMessageKey(key)
    ? translate(language, key)
    : translate(language, 'error.unknown', { code: refusal.reasonCode });
}

/**
 * What to show for a failed request: the server's answer worded in the officer's language, or
 * for anything else (a local failure) its own text.
 */
export function describeRequestFailure(language: Language, error: unknown): string {
  const answer = (error as { answer?: ApiError } | null)?.answer;
  if (answer) return describeApiAnswer(language, answer);
  return error instanceof Error ? error.message : String(error);
}
