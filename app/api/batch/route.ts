import { checkOne, type CheckContext } from '@/lib/service/check-one';
import { BatchRequest } from '@/lib/api/schemas';
import { appEnv } from '@/lib/settings/env';
import { batchStream } from '@/lib/web/batch-stream';
import { guarded } from '@/lib/web/guard-route';
import { logEvent } from '@/lib/web/log';
import { createSharedRateLimiter } from '@/lib/web/shared-rate-limit';
import { parseRequest, type RequestOptions } from '@/lib/web/request';
import { baseUrl, registry } from '@/lib/web/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** How this route reads its input: the body limit, the rate limit, and CORS. */
const READ: RequestOptions = {
  maxBody: 2_500_000,
  rateLimit: { limiter: createSharedRateLimiter('batch', appEnv().BATCH_RATE_LIMIT_PER_MINUTE, 3), trustedHops: appEnv().TRUSTED_PROXY_HOPS, what: 'batches' },
};

/** One line of the stream: the answer to texts[index], or its input error. */
function line(index: number, text: string, ctx: CheckContext): string {
  const a = checkOne(text, ctx);
  return JSON.stringify(a.ok ? { index, result: a.json } : { index, error: a.error });
}

/**
 * POST /api/batch {"texts": [...]} (up to 1,000): one JSON line per text, in order, streamed
 * as each is checked, so that a page can show progress. A line is {"index", "result"} or
 * {"index", "error"}. Lines are checked in short slices that yield to other requests, and a
 * client that stops reading stops its batch (lib/web/batch-stream).
 */
export const POST = guarded('batch', async (request: Request): Promise<Response> => {
  const parsed = await parseRequest(request, BatchRequest, READ);
  if (!parsed.ok) return parsed.response;
  const texts = parsed.data.texts;
  const ctx: CheckContext = { registry: await registry(), shareBase: baseUrl(request) };
  const stream = batchStream(texts.length, (i) => line(i, texts[i], ctx), {
    signal: request.signal,
    onEnd: (written, stopped) => logEvent('batch', { lines: texts.length, written, stopped }),
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
