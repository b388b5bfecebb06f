import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * log.ts reads LOG_HASH_KEY (else a random key) when it is loaded: each test loads a fresh
 * copy with the key it wants, as a new process would.
 */
async function loadLog(key = 'test-key') {
  vi.resetModules();
  vi.stubEnv('LOG_HASH_KEY', key);
  return import('../../lib/web/log');
}

/** Everything logged, with logging switched on as in production. */
function captureLog() {
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('QUIET_LOGS', '');
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
  return {
    /** All that reached any sink, as one string. */
    all: () => [out, err, ...consoles].flatMap((s) => s.mock.calls.map((c) => c.map(String).join(' '))).join(''),
    stdout: () => out.mock.calls.map((c) => String(c[0])),
  };
}

const hmac16 = (key: string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex').slice(0, 16);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-04T05:06:07.890Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('textHash', () => {
  test('is HMAC-SHA256 keyed with LOG_HASH_KEY, cut to 16 hex digits (RFC 4231 case 2)', async () => {
    const { textHash } = await loadLog('Jefe');
    expect(textHash('what do ya want for nothing?')).toBe('5bdcc146bf60754e');
  });

  test.each([[''], ['abc'], ['中'], ['👍🏽'], ['a\u0000b']])('%j hashes its UTF-8 bytes', async (text) => {
    const { textHash } = await loadLog('k');
    expect(textHash(text)).toBe(hmac16('k', text));
  });

  test('is 16 lowercase hex digits for any text', async () => {
    const { textHash } = await loadLog();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        expect(textHash(s)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });

  test('is the same for the same text and differs for near-identical texts', async () => {
    const { textHash } = await loadLog();
    const a = '请到深圳市福田区演示大道88号示例金融大厦18楼1803室';
    expect(textHash(a)).toBe(textHash(`${a}`));
    expect(textHash(a)).not.toBe(textHash(a.replace('18楼', '19楼')));
    expect(textHash(a)).not.toBe(textHash(`${a} `));
  });

  test('tells 10,000 different texts apart', async () => {
    const { textHash } = await loadLog();
    const hashes = new Set(Array.from({ length: 10_000 }, (_, i) => textHash(`13912${String(i).padStart(6, '0')}`)));
    expect(hashes.size).toBe(10_000);
  });

  test('is not a plain hash that a dictionary of addresses could reverse', async () => {
    const text = '深圳市福田区演示大道88号';
    const plain = createHash('sha256').update(text).digest('hex');
    for (const key of ['', 'some-key']) {
      const { textHash } = await loadLog(key);
      expect(plain.startsWith(textHash(text))).toBe(false);
    }
  });

  test('two instances with the same LOG_HASH_KEY agree', async () => {
    const a = (await loadLog('shared')).textHash('建设银行');
    const b = (await loadLog('shared')).textHash('建设银行');
    expect(a).toBe(b);
  });

  test.each([
    ['different keys', 'key-1', 'key-2'],
    ['no key (random per process)', '', ''],
  ])('two instances with %s disagree', async (_name, k1, k2) => {
    const a = (await loadLog(k1)).textHash('建设银行');
    const b = (await loadLog(k2)).textHash('建设银行');
    expect(a).not.toBe(b);
  });
});

describe('logEvent', () => {
  test('writes one JSON line to stdout: time, event, then the fields', async () => {
    const { logEvent } = await loadLog();
    const cap = captureLog();
    logEvent('check', { verdict: 'office_floor', text: 'abcdef0123456789', via: 'api', n: 3, demo: true, city: null });
    expect(cap.stdout()).toEqual([
      '{"at":"2025-03-04T05:06:07.890Z","event":"check","verdict":"office_floor","text":"abcdef0123456789","via":"api","n":3,"demo":true,"city":null}\n',
    ]);
  });

  test('an event with no fields', async () => {
    const { logEvent } = await loadLog();
    const cap = captureLog();
    logEvent('batch');
    expect(cap.stdout()).toEqual(['{"at":"2025-03-04T05:06:07.890Z","event":"batch"}\n']);
  });

  test('a field holding newlines still gives exactly one line', async () => {
    const { logEvent } = await loadLog();
    const cap = captureLog();
    logEvent('x', { note: 'a\nb\r\n{"event":"forged"}\n' });
    const [line] = cap.stdout();
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toMatchObject({ event: 'x', note: 'a\nb\r\n{"event":"forged"}\n' });
  });

  test.each([
    ['NODE_ENV=test', { NODE_ENV: 'test' }],
    ['QUIET_LOGS=1', { NODE_ENV: 'production', QUIET_LOGS: '1' }],
  ])('is silent with %s', async (_name, env) => {
    const { logEvent } = await loadLog();
    const cap = captureLog();
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    logEvent('check', { verdict: 'office_floor' });
    expect(cap.all()).toBe('');
  });

  test('QUIET_LOGS other than "1" does not silence it', async () => {
    const { logEvent } = await loadLog();
    const cap = captureLog();
    vi.stubEnv('QUIET_LOGS', '0');
    logEvent('check');
    expect(cap.stdout()).toHaveLength(1);
  });
});

describe('the text a person sent never reaches the log in clear', () => {
  const TEXTS = [
    ['a scam message', '我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同'],
    ['a mobile number', '王经理 13912345678'],
    ['an address in English', 'Room 1803, 88 Demo Avenue, Futian, Shenzhen'],
    ['emoji', '👍 到18楼找我'],
    ['quotes and backslashes', 'a "quoted" \\ text'],
  ];

  // What the API and the result page do with a checked text.
  test.each(TEXTS)('%s: only its hash is logged', async (_name, text) => {
    const { logEvent, textHash } = await loadLog();
    const cap = captureLog();
    logEvent('check', { verdict: 'office_floor', text: textHash(text), via: 'api' });
    const all = cap.all();
    expect(JSON.parse(all)).toEqual({ at: '2025-03-04T05:06:07.890Z', event: 'check', verdict: 'office_floor', text: hmac16('test-key', text), via: 'api' });
    expect(all).not.toContain(text);
    expect(all).not.toContain(JSON.stringify(text).slice(1, -1)); // nor JSON-escaped
    expect(all).not.toMatch(/[\u4e00-\u9fff]/); // not one Chinese character of it
    expect(all).not.toContain('13912345678');
  });

  test('for any text, the logged line holds its hash and not the text', async () => {
    const { logEvent, textHash } = await loadLog();
    const cap = captureLog();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 17, maxLength: 200 }), (text) => {
        const before = cap.stdout().length;
        logEvent('check', { verdict: 'insufficient', text: textHash(text), via: 'page' });
        const line = cap.stdout()[before];
        expect(line).toContain(`"text":"${textHash(text)}"`);
        expect(line).not.toContain(text);
        expect(line).not.toContain(JSON.stringify(text).slice(1, -1));
      }),
    );
  });
});
