/**
 * Fastify's logger is pino. Request logs name the method, the path (never the query string),
 * the route and the status; bodies, headers and client addresses are never serialised. The
 * redaction list is a second line of defence for anything logged by hand.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'token',
  '*.token',
  'reporter',
  '*.reporter',
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  '*.reporterName',
  '*.reporterPhone',
  '*.reporterEmail',
  'body',
  '*.body',
];

function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export type LoggerOptions = {
  level: string;
  /** Where log lines go (tests capture them); standard output when absent. */
  stream?: NodeJS.WritableStream;
};

export function loggerOptions(options: LoggerOptions) {
  return {
    level: options.level,
    ...(options.stream ? { stream: options.stream } : {}),
    redact: { paths: REDACTED_LOG_PATHS, censor: '[disembunyikan]' },
    serializers: {
      req(request: { method: string; url: string; routeOptions?: { url?: string } }) {
        return {
          method: request.method,
          url: pathOnly(request.url),
          route: request.routeOptions?.url,
        };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
      /** Type, code, message and stack: never a driver's `detail`, `where` or parameters. */
      err(error: Error & { code?: unknown; statusCode?: unknown }) {
        return {
          type: error.name,
          code: typeof error.code === 'string' ? error.code : undefined,
          statusCode: typeof error.statusCode === 'number' ? error.statusCode : undefined,
          message: error.message,
          stack: error.stack ?? '',
        };
      },
    },
  };
}
