import * as z from 'zod/mini';
import { CheckResponse, ErrorResponse } from '../../lib/api/answer';
import { Bank, MatchedOutlet, Reason } from '../../lib/check/result';

/**
 * The one call the extension makes: GET /api/check?text= on the configured server, only when a
 * person asks. The answer is checked against the fields the popup shows; anything else is
 * reported as a clear error, never shown half-read.
 */

/**
 * What the popup reads of the answer, picked from the server's own schema (lib/api/answer.ts,
 * in zod/mini: a tenth of classic zod's size in the extension), never written out again here.
 * What it allows beyond that schema is for servers of other versions: reason codes it does not
 * know (it shows their sentences, and looks for one code only), and no callBank or signals from
 * a server older than them.
 */
const Answer = CheckResponse.shape;
export const CheckAnswer = z.object({
  verdict: Answer.verdict,
  matches: z.array(z.pick(MatchedOutlet, { bank: true, name: true, address: true, floors: true })),
  reasons: z.array(z.extend(Reason, { code: z.string() })),
  callBank: z._default(z.nullable(Bank), null),
  signals: z._default(Answer.signals, []),
  registry: z.pick(Answer.registry, { version: true, asOf: true, demo: true }),
  shareUrl: Answer.shareUrl,
});
export type CheckAnswer = z.infer<typeof CheckAnswer>;

// (An error's code may be one a newer server has and this extension does not know: its message is shown.)
const ErrorAnswer = z.object({ error: z.extend(ErrorResponse.shape.error, { code: z.string() }) });

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
