import type { z } from 'zod';
import { inputError } from '../input';
import { clientKey, corsHeaders, errorResponse, readJsonBody, uriTooLong, type ApiRequest } from './http';
import { strictQueryParam } from './query';
import type { RateLimiter } from './rate-limit';
import type { SharedRateLimiter } from './shared-rate-limit';

/**
 * A request's input, read the one way every route reads it (like umami's parseRequest): a
 * GET's query or a POST's JSON body, against a zod schema; with the rate limit and CORS as
 * options rather than code in each route. A refusal is the uniform error response.
 */

export interface RequestOptions {
  /** Largest POST body, in bytes. */
  maxBody: number;
  /** Answer the browser extension's origins. */
  cors?: boolean;
  /** One process's limiter, or the one a cluster's workers share (its take is asked of the primary). */
  rateLimit?: { limiter: RateLimiter | SharedRateLimiter; trustedHops: number; what: string };
}

export type ParsedRequest<T extends z.ZodType> =
  | { ok: true; data: z.infer<T>; headers: Record<string, string> }
  | { ok: false; response: Response };

async function refused(request: ApiRequest, opts: RequestOptions, headers: Record<string, string>): Promise<Response | null> {
  if (!opts.rateLimit) return null;
  const { limiter, trustedHops, what } = opts.rateLimit;
  const r = await limiter.take(clientKey(request, trustedHops));
  if (r.ok) return null;
  return errorResponse(429, 'rate_limited', `Too many ${what}: try again in ${r.retryAfterSeconds} s.`, { ...headers, 'retry-after': String(r.retryAfterSeconds) });
}

function fromQuery<T extends z.ZodType>(request: ApiRequest, schema: T, headers: Record<string, string>): ParsedRequest<T> {
  const long = uriTooLong(request, headers);
  if (long) return { ok: false, response: long };
  // A name given twice counts once, as its first value; each is decoded as strictly as a
  // POST body (broken UTF-8 is invalid_utf8, never quietly U+FFFD).
  const query: Record<string, string> = {};
  for (const k of new URL(request.url).searchParams.keys()) {
    if (k in query) continue;
    const v = strictQueryParam(request.url, k);
    if (!v.ok) return { ok: false, response: errorResponse(400, 'invalid_utf8', inputError('invalid_utf8').message, headers) };
    query[k] = v.value ?? '';
  }
  const r = schema.safeParse(query);
  if (r.success) return { ok: true, data: r.data, headers };
  const message = r.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
  return { ok: false, response: errorResponse(400, 'invalid_request', message, headers) };
}

export async function parseRequest<T extends z.ZodType>(request: ApiRequest, schema: T, opts: RequestOptions): Promise<ParsedRequest<T>> {
  const headers = opts.cors ? corsHeaders(request) : {};
  const tooMany = await refused(request, opts, headers);
  if (tooMany) return { ok: false, response: tooMany };
  if (request.method === 'GET') return fromQuery(request, schema, headers);
  const body = await readJsonBody(request, opts.maxBody, schema, headers);
  return body.ok ? { ok: true, data: body.data, headers } : body;
}
