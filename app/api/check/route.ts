import { CheckQuery, CheckRequest } from '@/lib/api/schemas';
import { appEnv } from '@/lib/settings/env';
import { corsHeaders, errorResponse, jsonAnswer, routeHandler, type Answer, type ApiRequest } from '@/lib/web/http';
import { guarded } from '@/lib/web/guard-route';
import { logEvent, textHash } from '@/lib/web/log';
import { createSharedRateLimiter } from '@/lib/web/shared-rate-limit';
import { parseRequest, type RequestOptions } from '@/lib/web/request';
import { baseUrl, runCheck } from '@/lib/web/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** How this route reads its input: the body limit, the rate limit, and CORS. */
const READ: RequestOptions = {
  maxBody: 16 * 1024,
  cors: true,
  rateLimit: { limiter: createSharedRateLimiter('check', appEnv().RATE_LIMIT_PER_MINUTE), trustedHops: appEnv().TRUSTED_PROXY_HOPS, what: 'requests' },
};

async function answer(text: string, request: ApiRequest, cors: Record<string, string>): Promise<Answer> {
  const out = await runCheck(text, baseUrl(request));
  if (!out.ok) return errorResponse(out.error.code === 'too_long' ? 413 : 400, out.error.code, out.error.message, cors);
  logEvent('check', () => ({ verdict: out.result.verdict, text: textHash(text), via: 'api' }));
  return jsonAnswer(out.json, 200, cors);
}

export function OPTIONS(request: ApiRequest): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}

// (The handlers read a request only through ApiRequest, and npm start's direct route passes one
// that is no Web Request; it calls each handler's `direct`, which answers a JSON answer as it
// is, not made a Response. See scripts/fast-routes.mjs.)

/** POST /api/check {"text": "..."}: the check, as the command line answers it, plus shareUrl. */
export const POST = routeHandler(
  guarded('check', async (request: ApiRequest): Promise<Answer> => {
    const parsed = await parseRequest(request, CheckRequest, READ);
    return parsed.ok ? answer(parsed.data.text, request, parsed.headers) : parsed.response;
  }),
);

/** GET /api/check?text=...: the same, for the browser extension and links. */
export const GET = routeHandler(
  guarded('check', async (request: ApiRequest): Promise<Answer> => {
    const parsed = await parseRequest(request, CheckQuery, READ);
    return parsed.ok ? answer(parsed.data.text, request, parsed.headers) : parsed.response;
  }),
);
