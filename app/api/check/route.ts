import { CheckQuery, CheckRequest } from '@/lib/validations/api';
import { appEnv } from '@/lib/validations/env';
import { clientKey, corsHeaders, errorResponse, jsonResponse, readJsonBody } from '@/lib/web/http';
import { logEvent, textHash } from '@/lib/web/log';
import { createSharedRateLimiter } from '@/lib/web/shared-rate-limit';
import { baseUrl, runCheck } from '@/lib/web/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY = 16 * 1024;
const limiter = createSharedRateLimiter('check', appEnv().RATE_LIMIT_PER_MINUTE);

async function limited(request: Request, cors: Record<string, string>): Promise<Response | null> {
  const r = await limiter.take(clientKey(request, appEnv().TRUSTED_PROXY_HOPS));
  if (r.ok) return null;
  return errorResponse(429, 'rate_limited', `Too many requests: try again in ${r.retryAfterSeconds} s.`, { ...cors, 'retry-after': String(r.retryAfterSeconds) });
}

async function answer(text: string, request: Request, cors: Record<string, string>): Promise<Response> {
  const out = await runCheck(text, baseUrl(request));
  if (!out.ok) return errorResponse(out.error.code === 'too_long' ? 413 : 400, out.error.code, out.error.message, cors);
  logEvent('check', { verdict: out.result.verdict, text: textHash(text), via: 'api' });
  return jsonResponse(out.json, { headers: cors });
}

export function OPTIONS(request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}

/** POST /api/check {"text": "..."}: the check, as the command line answers it, plus shareUrl. */
export async function POST(request: Request): Promise<Response> {
  const cors = corsHeaders(request);
  const tooMany = await limited(request, cors);
  if (tooMany) return tooMany;
  const parsed = await readJsonBody(request, MAX_BODY, CheckRequest, cors);
  if (!parsed.ok) return parsed.response;
  return answer(parsed.data.text, request, cors);
}

/** GET /api/check?text=...: the same, for the browser extension and links. */
export async function GET(request: Request): Promise<Response> {
  const cors = corsHeaders(request);
  const tooMany = await limited(request, cors);
  if (tooMany) return tooMany;
  const url = new URL(request.url);
  const q = CheckQuery.safeParse({ text: url.searchParams.get('text') ?? undefined });
  if (!q.success) return errorResponse(400, 'invalid_request', 'text: give the address or message as ?text=', cors);
  return answer(q.data.text, request, cors);
}
