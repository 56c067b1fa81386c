import { z } from 'zod';

/**
 * Every error an officer may read, as a code and the names of its parameters. The server and
 * the shared rules send codes; the renderer words them in the officer's language
 * (renderer/src/i18n/describe-error.ts), the server words them in Indonesian for its `message`
 * (error-texts-id.ts). Any code may also carry `field`: the part of a document it is about.
 */
export const ERROR_CODES = {
  // Checks zod makes itself (worded by the renderer's error map, see zod-error-map.ts).
  required: [],
  too_short: ['min'],
  too_long: ['max'],
  too_small: ['min'],
  too_big: ['max'],
  too_many: ['max'],
  invalid_value: [],
  // Forms and inputs checked in shared/.
  username_required: [],
  password_required: [],
  username_too_short: ['min'],
  username_too_long: ['max'],
  username_characters: [],
  display_name_required: [],
  display_name_too_long: ['max'],
  password_too_short: ['min'],
  officer_unit_rule: [],
  date_invalid: [],
  date_format: [],
  date_time_format: [],
  date_required: [],
  date_not_in_calendar: [],
  date_start_after_end: [],
  date_end_before_start: [],
  period_too_long: ['days'],
  audit_action_invalid: [],
  region_code_format: [],
  template_title_too_short: ['min'],
  template_body_too_short: ['min'],
  template_body_too_long: ['max'],
  logo_format: [],
  file_name_empty: [],
  file_name_too_long: ['max'],
  file_name_characters: [],
  file_name_invalid: [],
  attachment_type: [],
  too_many_attachments: ['max'],
  photo_unreadable: [],
  file_too_large: ['max'],
  complaint_not_on_device: [],
  follow_up_kind: [],
  public_response_too_short: ['min'],
  internal_note_too_short: ['min'],
  role_reads_only: [],
  complaint_not_in_unit: [],
  public_response_needs_disposition: [],
  target_unit_required: [],
  instruction_too_short: ['min'],
  redispose_instruction_too_short: ['min'],
  missing_details_too_short: ['min'],
  privacy_not_confirmed: [],
  archive_reason_required: [],
  archive_other_reason_too_short: ['min'],
  not_authority_reason_too_short: ['min'],
  duplicate_original_required: [],
  reopen_reason_too_short: ['min'],
  triage_admin_only: [],
  action_not_for_status: ['status'],
  target_unit_unknown: [],
  already_disposed_to_unit: [],
  duplicate_of_itself: [],
  reopen_only_closed: [],
  // Sync refusals the server records.
  complaint_delete_forbidden: [],
  role_fields_forbidden: ['role', 'fields'],
  role_status_forbidden: ['role'],
  status_change_forbidden: ['from', 'to'],
  duplicate_original_missing: [],
  close_needs_public_response: [],
  complaint_moved_to_other_unit: [],
  complaint_not_found: [],
  coordinator_read_only: [],
  status_needs_public_response: [],
  reopen_needs_event: [],
  status_needs_event: ['event'],
  timeline_append_only: [],
  role_cannot_record_event: ['role', 'kind'],
  attachments_not_announced: ['files'],
  attachments_only_on_follow_up: [],
  document_invalid: [],
  disposition_needs_unit: [],
  unit_changes_by_disposition: [],
  duplicate_only_when_archiving: [],
  category_unknown: ['category'],
  unit_unknown: ['unit'],
  session_invalid: [],
  session_revoked: [],
  account_locked: ['minutes'],
  directory_admin_only: ['kind'],
  directory_not_removable: ['kind'],
  directory_other_instansi: ['kind'],
  directory_invalid: ['kind'],
  directory_not_found: ['kind'],
  days_range: ['min', 'max'],
  template_invalid: [],
  letterhead_invalid: [],
  unit_code_taken: ['code'],
  category_code_taken: ['code'],
  holiday_date_out_of_range: ['date', 'min', 'max'],
  holiday_date_immutable: [],
  sla_rule_in_force: ['version'],
  sla_rule_must_start_later: [],
  sla_version_taken: ['version'],
  // API answers to the workstation.
  request_invalid: [],
  request_not_json: [],
  request_too_deep: [],
  request_unstorable: [],
  request_not_json_type: [],
  request_length_mismatch: [],
  request_too_large: ['limit'],
  address_invalid: [],
  address_not_found: [],
  too_many_requests: [],
  database_unavailable: [],
  server_error: [],
  login_failed: [],
  login_rate_limited: ['seconds'],
  session_missing: [],
  session_expired: [],
  officer_admin_only: [],
  officer_not_found: [],
  unit_missing_or_inactive: [],
  username_taken: [],
  own_account_locked: [],
  audit_admin_only: [],
  regional_briefing_role: [],
  instansi_outside_region: [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

type ParamValue = string | number;
export type ErrorParams<C extends ErrorCode> = {
  [Name in (typeof ERROR_CODES)[C][number]]: ParamValue;
} & { field?: string };

/** One error as it travels: a code and the values its wording needs. */
export type AppError<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? { code: C; params: ErrorParams<C> }
  : never;

export function appError<C extends ErrorCode>(
  code: C,
  ...params: (typeof ERROR_CODES)[C] extends readonly [] ? [ErrorParams<C>?] : [ErrorParams<C>]
): AppError<C> {
  return { code, params: (params[0] ?? {}) as ErrorParams<C> } as AppError<C>;
}

const paramValueSchema = z.union([z.string().max(2000), z.number()]);

/** An error read from the wire: a known code with every parameter its wording names. */
export const appErrorSchema = z
  .object({
    code: z.enum(ERROR_CODE_LIST as [ErrorCode, ...ErrorCode[]]),
    params: z.record(z.string().max(40), paramValueSchema).default({}),
  })
  .refine((value) => ERROR_CODES[value.code].every((name) => name in value.params), {
    message: 'params',
  })
  .transform((value) => value as AppError);

/** Adds the field an error is about (a path such as `unitId` or `note`). */
export function withField(error: AppError, field: string): AppError {
  return field ? ({ ...error, params: { ...error.params, field } } as AppError) : error;
}

const TOKEN_PREFIX = 'lapor-error:';

/**
 * The text a zod check carries as its message: the error as a token, decoded where it is
 * shown (zod messages are strings, and react-hook-form passes them on as they are).
 */
export function errorMessage<C extends ErrorCode>(
  code: C,
  ...params: (typeof ERROR_CODES)[C] extends readonly [] ? [ErrorParams<C>?] : [ErrorParams<C>]
): string {
  return encodeError(appError(code, ...params));
}

/** An error as a zod message token (see errorMessage). */
export function encodeError(error: AppError): string {
  return TOKEN_PREFIX + JSON.stringify(error);
}

/** The error a message token carries, or null for any other text. */
export function decodeErrorMessage(text: string | undefined): AppError | null {
  if (!text?.startsWith(TOKEN_PREFIX)) return null;
  try {
    const parsed = appErrorSchema.safeParse(JSON.parse(text.slice(TOKEN_PREFIX.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type IssueLike = {
  code: string;
  message: string;
  path?: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  input?: unknown;
};

/** The error of a zod issue: its token, or a generic code for zod's own checks. */
export function errorOfIssue(issue: IssueLike): AppError {
  const coded = decodeErrorMessage(issue.message);
  if (coded) return coded;
  return genericErrorOfIssue(issue);
}

export function genericErrorOfIssue(issue: Omit<IssueLike, 'message'>): AppError {
  const limit = (value: unknown) => (typeof value === 'number' ? value : Number(value));
  const text = issue.origin === 'string';
  const many = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (text && limit(issue.minimum) === 1) return appError('required');
      return text
        ? appError('too_short', { min: limit(issue.minimum) })
        : appError('too_small', { min: limit(issue.minimum) });
    case 'too_big':
      if (text) return appError('too_long', { max: limit(issue.maximum) });
      if (many) return appError('too_many', { max: limit(issue.maximum) });
      return appError('too_big', { max: limit(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? appError('required')
        : appError('invalid_value');
    default:
      return appError('invalid_value');
  }
}
