import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api/contract.ts';
import { appError, errorOfIssue, type AppError } from '../../shared/errors/error-codes.ts';
import {
  describeErrorInIndonesian,
  issueMessageInIndonesian,
} from '../../shared/errors/error-texts-id.ts';

export function sendApiError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  details?: ApiError['details'],
): FastifyReply {
  const body: ApiError = details ? { error, message, details } : { error, message };
  return reply.code(status).send(body);
}

/**
 * An error the workstation shows its officer: `code` and `params` for it to word in the
 * officer's language, beside the documented `error` and the Indonesian `message` (the error's
 * wording unless a fuller text is given) that other systems and older workstations read.
 */
export function sendCodedApiError(
  reply: FastifyReply,
  status: number,
  error: string,
  coded: AppError,
  options: { message?: string; details?: ApiError['details'] } = {},
): FastifyReply {
  const body: ApiError = {
    error,
    message: options.message ?? describeErrorInIndonesian(coded),
    code: coded.code,
    params: coded.params as Record<string, string | number>,
    ...(options.details ? { details: options.details } : {}),
  };
  return reply.code(status).send(body);
}

export function zodIssuesToDetails(error: z.ZodError): NonNullable<ApiError['details']> {
  return error.issues.map((issue) => {
    const coded = errorOfIssue(issue);
    return {
      path: issue.path.map(String).join('.') || '(body)',
      message: issueMessageInIndonesian(issue.message),
      code: coded.code,
      params: coded.params as Record<string, string | number>,
    };
  });
}

/** Parses input with a zod schema or answers 400 with every problem named; returns null then. */
export function parseOr400<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  reply: FastifyReply,
  what: string,
): z.infer<Schema> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  sendCodedApiError(reply, 400, 'invalid_request', appError('request_invalid'), {
    message: `${what} tidak valid`,
    details: zodIssuesToDetails(result.error),
  });
  return null;
}
