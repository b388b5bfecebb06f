import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BatchRequest, CheckQuery, CheckRequest, CheckResponse, ErrorCode, ErrorResponse, HealthResponse, ParsedAddress } from '../../lib/api/schemas';
import { VERDICTS } from '../../lib/check';
import type { InputErrorCode } from '../../lib/input';

describe('CheckRequest', () => {
  test.each([
    ['an address', { text: '深圳市福田区演示大道88号' }],
    ['a whole message', { text: '我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同' }],
    ['the empty text (refused later, as "empty")', { text: '' }],
    ['a huge text (refused later, as "too_long")', { text: 'x'.repeat(100_000) }],
    ['control characters (refused later, as "binary")', { text: '\u0000\u0001' }],
  ])('accepts %s', (_name, body) => {
    expect(CheckRequest.parse(body)).toEqual(body);
  });

  test.each([
    ['no text', {}],
    ['a number', { text: 42 }],
    ['null', { text: null }],
    ['a boolean', { text: true }],
    ['an array of texts', { text: ['a', 'b'] }],
    ['an object', { text: { toString: 'x' } }],
    ['an extra key', { text: 'x', lang: 'zh' }],
    ['a misspelt key', { Text: 'x' }],
    ['texts (the batch shape)', { texts: ['x'] }],
    ['a bare string', 'x'],
    ['null body', null],
    ['an array body', [{ text: 'x' }]],
  ])('refuses %s', (_name, body) => {
    expect(CheckRequest.safeParse(body).success).toBe(false);
  });

  test('names the field that is wrong', () => {
    const r = CheckRequest.safeParse({ text: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toEqual([['text']]);
  });
});

describe('CheckQuery', () => {
  test('takes the text from the query, ignoring other parameters', () => {
    expect(CheckQuery.parse({ text: '建设银行', utm_source: 'ext' })).toEqual({ text: '建设银行' });
  });

  test.each([[{}], [{ text: undefined }], [{ text: null }]])('refuses a query without text: %j', (q) => {
    expect(CheckQuery.safeParse(q).success).toBe(false);
  });
});

describe('BatchRequest', () => {
  const texts = (n: number) => Array.from({ length: n }, (_, i) => `深圳市福田区演示大道${i}号`);

  test.each([[1], [2], [999], [1000]])('accepts %i texts', (n) => {
    expect(BatchRequest.parse({ texts: texts(n) }).texts).toHaveLength(n);
  });

  test('accepts empty texts among others (each is answered with its own error)', () => {
    expect(BatchRequest.parse({ texts: ['', 'x', ' '] })).toEqual({ texts: ['', 'x', ' '] });
  });

  test.each([
    ['no texts', { texts: [] }],
    ['1001 texts', { texts: texts(1001) }],
    ['100,000 texts', { texts: texts(100_000) }],
    ['a missing texts', {}],
    ['texts as one string', { texts: 'a\nb' }],
    ['a number among the texts', { texts: ['a', 2] }],
    ['null among the texts', { texts: ['a', null] }],
    ['nested arrays', { texts: [['a']] }],
    ['an extra key', { texts: ['a'], mode: 'fast' }],
    ['the single-check shape', { text: 'a' }],
    ['an array body', ['a', 'b']],
  ])('refuses %s', (_name, body) => {
    expect(BatchRequest.safeParse(body).success).toBe(false);
  });

  test('says which text is wrong', () => {
    const r = BatchRequest.safeParse({ texts: ['a', 'b', 3] });
    expect(r.error!.issues.map((i) => i.path)).toEqual([['texts', 2]]);
  });
});

describe('ErrorCode and ErrorResponse', () => {
  test('every code a text can be refused with is an API error code', () => {
    const inputCodes: InputErrorCode[] = ['empty', 'too_long', 'binary', 'invalid_utf8'];
    for (const c of inputCodes) expect(ErrorCode.options).toContain(c);
  });

  test('has exactly the codes the API documents', () => {
    expect([...ErrorCode.options].sort()).toEqual(
      ['binary', 'empty', 'internal', 'invalid_json', 'invalid_request', 'invalid_utf8', 'not_found', 'payload_too_large', 'rate_limited', 'registry_unavailable', 'too_long', 'unsupported_media_type', 'uri_too_long'].sort(),
    );
  });

  test.each([
    [{ error: { code: 'rate_limited', message: 'Too many requests: try again in 3 s.' } }, true],
    [{ error: { code: 'teapot', message: 'x' } }, false],
    [{ error: { code: 'empty' } }, false],
    [{ error: 'empty' }, false],
    [{ code: 'empty', message: 'x' }, false],
  ])('%j fits: %s', (body, ok) => {
    expect(ErrorResponse.safeParse(body).success).toBe(ok);
  });
});

describe('HealthResponse', () => {
  const health = {
    status: 'ok',
    registry: { version: '2019-07-23.db7793a7adb7', asOf: '2019-07-23', demo: true, outlets: 42, sources: [{ file: 'a.csv', bank: '建设银行', region: '深圳', asOf: '2019-07-23' }] },
    uptimeSeconds: 12.5,
    worker: 1,
  };

  test('accepts a healthy answer', () => {
    expect(HealthResponse.parse(health)).toEqual(health);
  });

  test('accepts a degraded answer with its reason', () => {
    const degraded = { ...health, status: 'degraded', reason: 'the registry file cannot be read' };
    expect(HealthResponse.parse(degraded)).toEqual(degraded);
  });

  test.each([
    ['another status', { ...health, status: 'down' }],
    ['a fractional outlet count', { ...health, registry: { ...health.registry, outlets: 1.5 } }],
    ['no uptime', { status: 'ok', registry: health.registry }],
  ])('refuses %s', (_name, body) => {
    expect(HealthResponse.safeParse(body).success).toBe(false);
  });
});

describe('CheckResponse', () => {
  const parsed = {
    province: '广东省', city: '深圳市', district: '福田区', road: '演示大道', roadNo: '88号', building: '示例金融大厦', buildingNo: null,
    floors: [18], floorLabels: ['18楼'], inferredFloor: null, room: '1803', bank: '建设银行', branch: null,
  };
  const response = {
    input: '建设银行 深圳市福田区演示大道88号示例金融大厦18楼1803室',
    verdict: 'office_floor',
    parsed,
    matches: [],
    reasons: [{ code: 'outlet_upstairs', message: '楼层不符', messageEn: 'Wrong floor' }],
    registry: { version: '2019-07-23.db7793a7adb7', asOf: '2019-07-23', demo: true, title: 'Demo' },
    parts: [{ part: 'floors', status: 'mismatched', claimed: '18楼', registered: '1楼' }],
    nearest: [],
    bank: { name: '建设银行', en: 'China Construction Bank', hotline: '95533' },
    callBank: { name: '建设银行', en: 'China Construction Bank', hotline: '95533', named: true },
    signals: [],
    steps: [],
    places: [],
    place: { province: '广东省', city: '深圳市', district: '福田区', candidates: [], lat: 22.54, lng: 114.05, precision: 'road' },
    spans: { road: [10, 14] },
    addressSpan: [5, 30],
    shareUrl: 'https://realbranch.example/r?t=YWJj&v=db7793a7adb7',
  };

  test('accepts a full answer', () => {
    expect(CheckResponse.safeParse(response).success).toBe(true);
  });

  test.each(VERDICTS.map((v) => [v]))('accepts the verdict %s', (verdict) => {
    expect(CheckResponse.safeParse({ ...response, verdict }).success).toBe(true);
  });

  test.each([
    ['an unknown verdict', { ...response, verdict: 'maybe' }],
    ['a share link that is no URL', { ...response, shareUrl: '/r?t=YWJj' }],
    ['a share link that is not http(s)', { ...response, shareUrl: 'javascript:alert(1)' }],
    ['a span of three numbers', { ...response, addressSpan: [1, 2, 3] }],
    ['an unknown part status', { ...response, parts: [{ part: 'floors', status: 'unknown', claimed: null, registered: null }] }],
    ['a part the parser does not name', { ...response, parts: [{ part: 'number', status: 'confirmed', claimed: '88号', registered: '88号' }] }],
    ['an unknown reason code', { ...response, reasons: [{ code: 'floor', message: '楼层不符', messageEn: 'Wrong floor' }] }],
    ['a fractional floor', { ...response, parsed: { ...parsed, floors: [1.5] } }],
    ['an unknown place precision', { ...response, place: { ...response.place, precision: 'street' } }],
    ['no parsed address', { ...response, parsed: undefined }],
  ])('refuses %s', (_name, body) => {
    expect(CheckResponse.safeParse(body).success).toBe(false);
  });

  test('written in zod/mini, it sits in a classic schema as it is, and checks there the same', () => {
    const Wrapped = z.object({ answer: CheckResponse, parsed: z.array(ParsedAddress) });
    expect(Wrapped.safeParse({ answer: response, parsed: [parsed] }).success).toBe(true);
    expect(Wrapped.safeParse({ answer: { ...response, verdict: 'maybe' }, parsed: [parsed] }).success).toBe(false);
    expect(Wrapped.safeParse({ answer: response, parsed: [{ ...parsed, floors: [1.5] }] }).success).toBe(false);
  });

  test('ParsedAddress needs every part, null when not given', () => {
    expect(ParsedAddress.safeParse(parsed).success).toBe(true);
    const { room: _room, ...noRoom } = parsed;
    expect(ParsedAddress.safeParse(noRoom).success).toBe(false);
  });
});
