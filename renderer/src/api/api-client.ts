import {
  apiErrorSchema,
  sessionResponseSchema,
  type ApiError,
  type LoginRequest,
  type SessionResponse,
} from '../../../shared/api/contract.ts';

/** Why a request failed, in terms the sync status and the login screen act on. */
export class ApiRequestError extends Error {
  readonly kind: 'offline' | 'unauthenticated' | 'rejected' | 'server';
  readonly status: number;
  readonly code: string;
  /** The server's error answer, when it sent one (its code and parameters are worded on screen). */
  readonly answer: ApiError | undefined;

  constructor(
    kind: ApiRequestError['kind'],
    status: number,
    code: string,
    message: string,
    answer?: ApiError,
  ) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.answer = answer;
  }
}

export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => null));
  const code = body.success ? body.data.error : `http_${response.status}`;
  const message = body.success ? body.data.message : response.statusText;
  const answer = body.success ? body.data : undefined;
  if (response.status === 401)
    return new ApiRequestError('unauthenticated', 401, code, message, answer);
  if (response.status >= 500)
    return new ApiRequestError('server', response.status, code, message, answer);
  return new ApiRequestError('rejected', response.status, code, message, answer);
}

/** A request or answer lost to the network, as the `offline` ApiRequestError it is reported as. */
export function offlineErrorOf(error: unknown): ApiRequestError {
  return new ApiRequestError(
    'offline',
    0,
    'network',
    error instanceof Error ? error.message : String(error),
  );
}

/** fetch, with a network failure turned into an `offline` ApiRequestError. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw offlineErrorOf(error);
  }
}

export async function postJson(url: string, body: unknown, accessToken?: string): Promise<unknown> {
  const response = await send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await errorFromResponse(response);
  return response.status === 204 ? null : response.json();
}

/** A push body this large goes gzip-compressed (the uplink is the slower half of a poor link). */
const COMPRESS_PUSH_FROM_BYTES = 8 * 1024;

async function gzipText(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/** Like {@link postJson}, with a large body sent gzip-compressed. */
export async function postLargeJson(
  url: string,
  body: unknown,
  accessToken: string,
): Promise<unknown> {
  const text = JSON.stringify(body);
  const compress = text.length >= COMPRESS_PUSH_FROM_BYTES;
  const response = await send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accessToken}`,
      ...(compress ? { 'content-encoding': 'gzip' } : {}),
    },
    body: compress ? await gzipText(text) : text,
  });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

export async function getJson(
  url: string,
  accessToken: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await send(url, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: signal ?? null,
  });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

export async function login(serverUrl: string, request: LoginRequest): Promise<SessionResponse> {
  return sessionResponseSchema.parse(await postJson(`${serverUrl}/api/auth/login`, request));
}

export async function refresh(serverUrl: string, refreshToken: string): Promise<SessionResponse> {
  return sessionResponseSchema.parse(
    await postJson(`${serverUrl}/api/auth/refresh`, { refreshToken }),
  );
}
