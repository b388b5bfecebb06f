import * as z from 'zod/mini';
import { VERDICTS } from '../../lib/check/verdicts';

/**
 * The one call the extension makes: GET /api/check?text= on the configured server, only when a
 * person asks. The answer is checked against the fields the popup shows; anything else is
 * reported as a clear error, never shown half-read.
 */

// (zod/mini: the same checks as the server's schemas, a tenth of the size in the extension.)
const Outlet = z.object({ bank: z.string(), name: z.string(), address: z.string(), floors: z.array(z.number()) });
export const CheckAnswer = z.object({
  verdict: z.enum(VERDICTS),
  matches: z.array(Outlet),
  reasons: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
  callBank: z._default(z.nullable(z.object({ name: z.string(), en: z.nullable(z.string()), hotline: z.nullable(z.string()) })), null),
  signals: z._default(z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string(), evidence: z.string() })), []),
  registry: z.object({ version: z.string(), asOf: z.string(), demo: z.boolean() }),
  shareUrl: z.url({ protocol: /^https?$/ }),
});
export type CheckAnswer = z.infer<typeof CheckAnswer>;

const ErrorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type CheckOutcome =
  | { ok: true; answer: CheckAnswer }
  | { ok: false; kind: 'unreachable' | 'timeout' | 'bad_answer' }
  | { ok: false; kind: 'refused'; status: number; code: string; message: string };

export const MAX_TEXT = 2000;
/** Longest GET the extension sends; the server answers 414 above lib/web/http.ts MAX_GET_URL (4,096). */
export const MAX_GET_URL = 2000;
const TIMEOUT_MS = 10_000;

export async function checkOnServer(server: string, text: string, fetchImpl: typeof fetch = fetch): Promise<CheckOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    const common = { signal: controller.signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' } as const;
    const get = `${server}/api/check?text=${encodeURIComponent(text)}`;
    // A long text goes by POST: the server refuses a GET longer than a link should be (414).
    res = get.length <= MAX_GET_URL ? await fetchImpl(get, common) : await fetchImpl(`${server}/api/check`, { ...common, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  } catch (e) {
    return { ok: false, kind: (e as Error)?.name === 'AbortError' ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, kind: 'bad_answer' };
  }
  if (!res.ok) {
    const e = ErrorAnswer.safeParse(body);
    return e.success ? { ok: false, kind: 'refused', status: res.status, code: e.data.error.code, message: e.data.error.message } : { ok: false, kind: 'bad_answer' };
  }
  const a = CheckAnswer.safeParse(body);
  return a.success ? { ok: true, answer: a.data } : { ok: false, kind: 'bad_answer' };
}
