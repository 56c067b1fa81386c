import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api/contract.ts';

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

export function zodIssuesToDetails(error: z.ZodError): NonNullable<ApiError['details']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
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
  sendApiError(
    reply,
    400,
    'invalid_request',
    `${what} tidak valid`,
    zodIssuesToDetails(result.error),
  );
  return null;
}
