import type { FastifyInstance } from 'fastify';

/**
 * Deepest nesting of arrays and objects a request body may have. A push is a list of rows of
 * documents with at most one nested object (the reporter): four levels. Deeper input is
 * refused before parsing, so no later recursive step (validation, JSON.stringify of a refused
 * document, jsonb) can run out of stack.
 */
export const MAX_JSON_DEPTH = 32;

export type JsonTextProblem = 'too_deep' | 'nul' | 'lone_surrogate';

function hexAt(text: string, index: number): number {
  const hex = text.slice(index, index + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
}

/**
 * One pass over JSON text, before parsing, for what PostgreSQL cannot store or what would
 * exhaust the stack later: nesting deeper than `maxDepth`, a `\u0000` escape (text and jsonb
 * hold no NUL) and an unpaired surrogate escape (jsonb refuses it). Raw control characters and
 * malformed escapes are left to the JSON parser, which refuses them.
 */
export function inspectJsonText(text: string, maxDepth: number): JsonTextProblem | null {
  let depth = 0;
  let inString = false;
  let pendingHighSurrogate = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      let code = -1;
      if (char === 0x5c) {
        const escaped = text.charCodeAt(index + 1);
        if (escaped === 0x75) {
          code = hexAt(text, index + 2);
          index += 5;
        } else {
          index += 1;
        }
      } else if (char === 0x22) {
        inString = false;
      }
      if (pendingHighSurrogate && !(code >= 0xdc00 && code <= 0xdfff)) return 'lone_surrogate';
      if (code === 0) return 'nul';
      if (code >= 0xdc00 && code <= 0xdfff && !pendingHighSurrogate) return 'lone_surrogate';
      pendingHighSurrogate = code >= 0xd800 && code <= 0xdbff;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return 'too_deep';
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
  return null;
}

const UNSAFE_IN_JSON = /[<>&\u2028\u2029]/g;

/**
 * JSON with `<`, `>`, `&`, U+2028 and U+2029 written as \u escapes: the same value for every
 * JSON parser, but a stored `<script>` never appears as markup in any response, whatever a
 * browser or proxy makes of the content type.
 */
export function safeJsonStringify(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return 'null';
  return text.replace(
    UNSAFE_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const PROBLEM_MESSAGES: Record<JsonTextProblem, string> = {
  too_deep: 'JSON body nests too deeply',
  nul: 'JSON body contains a NUL character',
  lone_surrogate: 'JSON body contains an unpaired surrogate',
};

/** Input PostgreSQL could not store or that nests too deeply; answered 400. */
export class UnacceptableInputError extends Error {
  readonly statusCode = 400;
  readonly code: string;
  constructor(problem: JsonTextProblem) {
    super(PROBLEM_MESSAGES[problem]);
    this.code = problem === 'too_deep' ? 'LAPOR_JSON_TOO_DEEP' : 'LAPOR_JSON_UNSTORABLE';
  }
}

/**
 * Request bodies: JSON only (anything else is 415), checked by {@link inspectJsonText}, then
 * parsed by Fastify's own parser, which refuses `__proto__` and `constructor` keys. Query
 * strings may not carry a NUL either. Replies are serialised with {@link safeJsonStringify}.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const problem = inspectJsonText(text, MAX_JSON_DEPTH);
    if (problem) {
      done(new UnacceptableInputError(problem), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.setReplySerializer((payload) => safeJsonStringify(payload));
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) throw new UnacceptableInputError('nul');
  });
}
