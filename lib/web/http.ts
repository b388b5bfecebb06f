import type { z } from 'zod';
import type { ErrorCode } from '../api/schemas';

/**
 * The edges of the HTTP API, framework-free (Web Request, or what of it ApiRequest names, and Response): one error shape,
 * {"error": {"code", "message"}}, CORS for the browser extension, the client's key for the
 * rate limit, and bodies read with a size limit.
 */

/**
 * What the API reads of a request: a Web Request has all of it, and npm start's direct route
 * (scripts/fast-routes.mjs) passes a lighter object with just this, its body already read
 * (building a Request and its stream cost 8% of a check's CPU, measured).
 */
export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** (Only getReader() and its reader's read() and cancel() are used.) */
  readonly body: Pick<ReadableStream<Uint8Array>, 'getReader'> | null;
}

/** What every JSON answer of the API says of itself. */
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(JSON_HEADERS)) headers.set(k, v);
  return new Response(JSON.stringify(data), { ...init, headers });
}

/**
 * A JSON answer before it is a Web Response: its status, its headers (names in lower case) and
 * its body as text. Next is handed it as a Response (toResponse); npm start's direct route
 * writes it to the socket as it is (building a Response and reading its body back through a
 * stream cost about 8% of a check's CPU there, measured).
 */
export interface JsonAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function jsonAnswer(data: unknown, status = 200, headers: Record<string, string> = {}): JsonAnswer {
  const named: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) named[k.toLowerCase()] = v;
  return { status, headers: { ...named, ...JSON_HEADERS }, body: JSON.stringify(data) };
}

/** What a route's handler answers: a Response, or a JSON answer not yet made one. */
export type Answer = Response | JsonAnswer;

export function toResponse(answer: Answer): Response {
  return answer instanceof Response ? answer : new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * A route handler for Next (it answers a Response) that carries, as `direct`, the same handler
 * answering as it made its answer: npm start's direct route (scripts/fast-routes.mjs) calls that.
 */
export function routeHandler<A extends unknown[]>(direct: (...args: A) => Promise<Answer>): ((...args: A) => Promise<Response>) & { direct: (...args: A) => Promise<Answer> } {
  return Object.assign(async (...args: A) => toResponse(await direct(...args)), { direct });
}

export function errorResponse(status: number, code: ErrorCode, message: string, headers: HeadersInit = {}): Response {
  return jsonResponse({ error: { code, message } }, { status, headers });
}

// The extension calls from chrome-extension:// (and moz-extension://) origins.
const EXTENSION_ORIGIN = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function corsHeaders(request: ApiRequest): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin || !EXTENSION_ORIGIN.test(origin)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/** Set by scripts/peer-address.cjs (loaded by npm start) from the socket, over anything a client sent. */
export const PEER_HEADER = 'x-realbranch-peer';

/**
 * The client behind a request, for the rate limit. With no proxy in front (trustedHops 0, the
 * default) it is the socket's peer address, and X-Forwarded-For and X-Real-IP, which any
 * client can write, count for nothing. Behind proxies, each appends the address it was reached
 * from to X-Forwarded-For, so the entry `trustedHops` from the right is the one our own
 * nearest trusted proxy wrote; entries left of it could be forged.
 */
export function clientKey(request: ApiRequest, trustedHops = 0): string {
  const peer = request.headers.get(PEER_HEADER)?.trim().slice(0, 64) || null;
  if (!(trustedHops >= 1)) return peer ?? 'direct';
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[Math.max(0, hops.length - Math.floor(trustedHops))].slice(0, 64);
  }
  return request.headers.get('x-real-ip')?.slice(0, 64) ?? peer ?? 'direct';
}

export type BodyResult = { ok: true; text: string } | { ok: false; status: number; code: ErrorCode; message: string };

/** Read a request body of at most `limit` bytes, refusing more before reading it all. */
export async function readBody(request: ApiRequest, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, status: 413, code: 'payload_too_large', message: `The request body is larger than ${limit} bytes.` };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, status: 413, code: 'payload_too_large', message: `The request body is larger than ${limit} bytes.` };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, status: 400, code: 'invalid_utf8', message: 'The request body is not valid UTF-8.' };
  }
}

/** Parse JSON text against a schema, answering the uniform 400 when it does not fit. */
export function parseJson<T extends z.ZodType>(text: string, schema: T): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: errorResponse(400, 'invalid_json', 'The request body is not JSON.') };
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const message = r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { ok: false, response: errorResponse(400, 'invalid_request', message) };
  }
  return { ok: true, data: r.data };
}

/**
 * A JSON request body, as every POST route takes it: sent as application/json (else 415), at
 * most `limit` bytes (else 413), UTF-8, JSON and of the schema's shape (else 400). A refusal
 * is the uniform error response, carrying `headers` (CORS) too.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: ApiRequest,
  limit: number,
  schema: T,
  headers: Record<string, string> = {},
): Promise<{ ok: true; data: z.infer<T> } | { ok: false; response: Response }> {
  if (!/^application\/json\s*(?:;|$)/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: errorResponse(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.', headers) };
  }
  const body = await readBody(request, limit);
  if (!body.ok) return { ok: false, response: errorResponse(body.status, body.code, body.message, headers) };
  const parsed = parseJson(body.text, schema);
  if (!parsed.ok) for (const [k, v] of Object.entries(headers)) parsed.response.headers.set(k, v);
  return parsed;
}

/** Longest GET URL the API reads (a link's worth); longer texts are sent by POST. */
export const MAX_GET_URL = 4096;

/** 414 in the one error shape for a GET longer than MAX_GET_URL, else null. */
export function uriTooLong(request: ApiRequest, headers: Record<string, string> = {}): Response | null {
  if (request.url.length <= MAX_GET_URL) return null;
  return errorResponse(414, 'uri_too_long', `The query is longer than ${MAX_GET_URL} characters: send the text by POST /api/check {"text": "..."}.`, headers);
}
