import type { FastifyInstance } from 'fastify';

export type GracefulShutdownOptions = {
  /** Ends the open Server-Sent Events streams (they never end on their own). */
  closeStreams: () => void;
  /** How long requests in flight (a push) may take to finish before connections are cut. */
  timeoutMs: number;
};

/**
 * What `app.close()` does, in order: stop accepting connections (Fastify answers 503 to new
 * requests on kept-alive connections), end the SSE streams, let requests in flight finish and
 * close each connection after its answer, and cut whatever is still open after `timeoutMs`.
 * `app.close()` resolves only when all of that is done; the caller closes the database then.
 */
export function registerGracefulShutdown(
  app: FastifyInstance,
  options: GracefulShutdownOptions,
): void {
  let closing = false;
  let deadline: NodeJS.Timeout | undefined;

  app.addHook('preClose', async () => {
    closing = true;
    options.closeStreams();
    deadline = setTimeout(() => {
      app.log.warn(
        { timeoutMs: options.timeoutMs },
        'requests still in flight at the shutdown deadline; closing their connections',
      );
      app.server.closeAllConnections();
    }, options.timeoutMs);
    deadline.unref();
  });

  // A request that was in flight when the close began is answered, then its keep-alive
  // connection is closed instead of idling until the keep-alive timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async () => {
    if (closing) app.server.closeIdleConnections();
  });

  app.addHook('onClose', async () => {
    clearTimeout(deadline);
    options.closeStreams();
  });
}
