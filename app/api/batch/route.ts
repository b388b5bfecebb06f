import { check } from '@/lib/check';
import { contractOrder } from '@/lib/check/serialize';
import { checkText } from '@/lib/input';
import { BatchRequest } from '@/lib/validations/api';
import { appEnv } from '@/lib/validations/env';
import { clientKey, errorResponse, readJsonBody } from '@/lib/web/http';
import { logEvent } from '@/lib/web/log';
import { createRateLimiter } from '@/lib/web/rate-limit';
import { baseUrl, registry } from '@/lib/web/service';
import { shareLinks } from '@/lib/web/share-link';
import { batchStream } from '@/lib/web/batch-stream';
import { guarded } from '@/lib/web/guard-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY = 2_500_000;
const limiter = createRateLimiter(appEnv().BATCH_RATE_LIMIT_PER_MINUTE, 3);

/**
 * POST /api/batch {"texts": [...]} (up to 1,000): one JSON line per text, in order, streamed
 * as each is checked, so that a page can show progress. A line is {"index", "result"} or
 * {"index", "error"}.
 */
async function post(request: Request): Promise<Response> {
  const r = limiter.take(clientKey(request, appEnv().TRUSTED_PROXY_HOPS));
  if (!r.ok) return errorResponse(429, 'rate_limited', `Too many batches: try again in ${r.retryAfterSeconds} s.`, { 'retry-after': String(r.retryAfterSeconds) });
  const parsed = await readJsonBody(request, MAX_BODY, BatchRequest);
  if (!parsed.ok) return parsed.response;
  const texts = parsed.data.texts;
  const reg = await registry();
  const base = baseUrl(request);
  const stream = batchStream(
    texts.length,
    (i) => {
      const checked = checkText(texts[i]);
      if (!checked.ok) return JSON.stringify({ index: i, error: checked.error });
      const result = check(checked.text, reg);
      return JSON.stringify({ index: i, result: { ...contractOrder(result), shareUrl: shareLinks(base, result, reg).url } });
    },
    { signal: request.signal, onEnd: (written, stopped) => logEvent('batch', { lines: texts.length, written, stopped }) },
  );
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}

export const POST = guarded('batch', post);
