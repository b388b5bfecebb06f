import { check } from '@/lib/check';
import { contractOrder } from '@/lib/check/serialize';
import { checkText } from '@/lib/input';
import { BatchRequest } from '@/lib/validations/api';
import { appEnv } from '@/lib/validations/env';
import { clientKey, errorResponse, readJsonBody } from '@/lib/web/http';
import { logEvent } from '@/lib/web/log';
import { createSharedRateLimiter } from '@/lib/web/shared-rate-limit';
import { baseUrl, registry } from '@/lib/web/service';
import { shareUrl } from '@/lib/web/share';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY = 2_500_000;
const limiter = createSharedRateLimiter('batch', appEnv().BATCH_RATE_LIMIT_PER_MINUTE, 3);

/**
 * POST /api/batch {"texts": [...]} (up to 1,000): one JSON line per text, in order, streamed
 * as each is checked, so that a page can show progress. A line is {"index", "result"} or
 * {"index", "error"}.
 */
export async function POST(request: Request): Promise<Response> {
  const r = await limiter.take(clientKey(request, appEnv().TRUSTED_PROXY_HOPS));
  if (!r.ok) return errorResponse(429, 'rate_limited', `Too many batches: try again in ${r.retryAfterSeconds} s.`, { 'retry-after': String(r.retryAfterSeconds) });
  const parsed = await readJsonBody(request, MAX_BODY, BatchRequest);
  if (!parsed.ok) return parsed.response;
  const texts = parsed.data.texts;
  const reg = await registry();
  const base = baseUrl(request);
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      // A few at a time, so the event loop stays free for other requests.
      const lines: string[] = [];
      for (const stop = Math.min(texts.length, i + 25); i < stop; i++) {
        const checked = checkText(texts[i]);
        if (!checked.ok) lines.push(JSON.stringify({ index: i, error: checked.error }));
        else {
          const result = check(checked.text, reg);
          lines.push(JSON.stringify({ index: i, result: { ...contractOrder(result), shareUrl: shareUrl(base, checked.text, reg.info.version) } }));
        }
      }
      controller.enqueue(encoder.encode(`${lines.join('\n')}\n`));
      if (i >= texts.length) {
        logEvent('batch', { lines: texts.length });
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
