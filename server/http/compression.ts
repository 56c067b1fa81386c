import { constants as zlib } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/** Answers smaller than this go as they are: the headers would eat what compression saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli quality 4: a 1 MB pull page compresses in a few milliseconds to within ~10% of what
 * quality 11 reaches (which takes over a second), so the server's CPU never becomes the link.
 */
const BROTLI_QUALITY = 4;

/**
 * @fastify/compress's own choice of compressible types, plus the pull's answer in parts
 * (`application/x-ndjson`, which neither that pattern nor mime-db names compressible).
 */
const COMPRESSIBLE_TYPES =
  /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)|^application\/x-ndjson(?:;|$)/u;

/**
 * Compresses every answer over {@link COMPRESS_THRESHOLD_BYTES} with brotli or gzip, whichever the
 * client prefers; a client that accepts neither (or asks for `identity`) gets it as it is. Request
 * bodies sent with `Content-Encoding: gzip|br|deflate` (a push over a slow uplink) are inflated
 * before parsing, and the body limit applies to the inflated bytes. The live stream hijacks its
 * reply, so it is never buffered by a compressor: each event leaves at once.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE_TYPES,
    encodings: ['br', 'gzip'],
    requestEncodings: ['br', 'gzip', 'deflate'],
    brotliOptions: {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      },
    },
    zlibOptions: { level: 6 },
  });
}
