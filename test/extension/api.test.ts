import { describe, expect, test } from 'vitest';
import { CheckAnswer, checkOnServer } from '../../extension/src/api';
import { CheckResponse } from '../../lib/api/answer';

const SERVER = 'https://check.example.org';
const ANSWER = {
  input: '深圳市福田区演示大道88号示例金融大厦18楼',
  verdict: 'office_floor',
  parsed: {},
  matches: [{ bank: '中国建设银行', name: '中国建设银行深圳演示大道支行', address: '深圳市福田区演示大道88号示例金融大厦1-2层', floors: [1, 2], kind: 'staffed' }],
  reasons: [{ code: 'other_floor', message: '…', messageEn: '…' }],
  registry: { version: '2026-11-01.abc', asOf: '2026-11-01', demo: true, title: 'demo' },
  callBank: { name: '中国建设银行', en: 'China Construction Bank', hotline: '95533', named: false },
  signals: [],
  shareUrl: `${SERVER}/r?t=abc&v=def`,
};

/** A fetch that answers once, as told, and remembers what it was asked. */
function fakeFetch(answer: { status?: number; body?: unknown; raw?: string } | Error) {
  const asked: string[] = [];
  const impl = (async (url: string | URL | Request) => {
    asked.push(String(url));
    if (answer instanceof Error) throw answer;
    return new Response(answer.raw ?? JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { impl, asked };
}

describe('one check on the server', () => {
  test('a long text goes by POST (the server answers a long GET with 414), a short one by GET', async () => {
    const seen: { url: string; method: string; body: string | null; type: string | null }[] = [];
    const impl = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), method: init?.method ?? 'GET', body: (init?.body as string) ?? null, type: new Headers(init?.headers).get('content-type') });
      return new Response(JSON.stringify(ANSWER), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const long = `我是建设银行信贷经理，${'您好'.repeat(300)}请到深圳市福田区演示大道88号示例金融大厦18楼1803室签约`;
    expect((await checkOnServer(SERVER, long, impl)).ok).toBe(true);
    expect((await checkOnServer(SERVER, '深圳市福田区演示大道88号', impl)).ok).toBe(true);
    expect(seen[0]).toEqual({ url: `${SERVER}/api/check`, method: 'POST', body: JSON.stringify({ text: long }), type: 'application/json' });
    expect(seen[1]).toMatchObject({ url: `${SERVER}/api/check?text=${encodeURIComponent('深圳市福田区演示大道88号')}`, method: 'GET' });
  });

  test('asks GET /api/check with the text, and reads the answer', async () => {
    const f = fakeFetch({ body: ANSWER });
    const r = await checkOnServer(SERVER, '深圳市 88号&x=1', f.impl);
    expect(f.asked).toEqual([`${SERVER}/api/check?text=${encodeURIComponent('深圳市 88号&x=1')}`]);
    expect(r.ok && r.answer.verdict).toBe('office_floor');
    expect(r.ok && r.answer.callBank?.hotline).toBe('95533');
  });

  test.each([
    ['no connection', new TypeError('Failed to fetch'), { ok: false, kind: 'unreachable' }],
    ['a timeout', Object.assign(new Error('aborted'), { name: 'AbortError' }), { ok: false, kind: 'timeout' }],
    ['not JSON', { raw: '<html>502 Bad Gateway</html>', status: 502 }, { ok: false, kind: 'bad_answer' }],
    ['an error in our shape', { status: 429, body: { error: { code: 'rate_limited', message: 'Too many requests' } } }, { ok: false, kind: 'refused', status: 429, code: 'rate_limited', message: 'Too many requests' }],
    ['an error in another shape', { status: 500, body: { message: 'oops' } }, { ok: false, kind: 'bad_answer' }],
    ['an error with a code a newer server has', { status: 503, body: { error: { code: 'maintenance', message: 'Back soon' } } }, { ok: false, kind: 'refused', status: 503, code: 'maintenance', message: 'Back soon' }],
    ['an unknown verdict', { body: { ...ANSWER, verdict: 'probably_fine' } }, { ok: false, kind: 'bad_answer' }],
    ['a missing field', { body: { ...ANSWER, reasons: undefined } }, { ok: false, kind: 'bad_answer' }],
    ['a result link that is not http(s)', { body: { ...ANSWER, shareUrl: 'javascript:alert(1)' } }, { ok: false, kind: 'bad_answer' }],
  ] as const)('%s is reported as such', async (_name, answer, want) => {
    expect(await checkOnServer(SERVER, 'x', fakeFetch(answer as never).impl)).toEqual(want);
  });

  test('an answer from an older server without callBank or signals still reads', async () => {
    const { callBank: _c, signals: _s, ...older } = ANSWER;
    const r = await checkOnServer(SERVER, 'x', fakeFetch({ body: older }).impl);
    expect(r.ok && r.answer.callBank).toBeNull();
    expect(r.ok && r.answer.signals).toEqual([]);
  });

  test("the answer is read by the server's own schema, not a copy of it", () => {
    for (const k of ['verdict', 'shareUrl'] as const) expect(CheckAnswer.shape[k]).toBe(CheckResponse.shape[k]);
    expect(CheckAnswer.shape.signals._zod.def.innerType).toBe(CheckResponse.shape.signals);
  });
});
