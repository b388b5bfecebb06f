import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../../lib/web/rate-limit';

/** How many takes succeed in a row at one instant. */
function burstAt(limiter: RateLimiter, key: string, now: number, max = 10_000): number {
  let n = 0;
  while (n < max && limiter.take(key, now).ok) n++;
  return n;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('burst', () => {
  test.each([
    // perMinute, burst given, burst expected
    [60, undefined, 20],
    [6, undefined, 2],
    [1, undefined, 1],
    [2, undefined, 1],
    [4, undefined, 2],
    [600, undefined, 200],
    [60, 5, 5],
    [60, 1, 1],
  ])('perMinute %i, burst %s: %i requests pass at once, then one is refused', (perMinute, burst, expected) => {
    const limiter = createRateLimiter(perMinute, burst);
    expect(burstAt(limiter, 'client', 0)).toBe(expected);
    expect(limiter.take('client', 0)).toMatchObject({ ok: false });
  });

  test('each client has its own bucket', () => {
    const limiter = createRateLimiter(60, 3);
    expect(burstAt(limiter, 'a', 0)).toBe(3);
    expect(burstAt(limiter, 'b', 0)).toBe(3);
    expect(limiter.take('a', 0).ok).toBe(false);
  });

  test('uses the clock when no time is given', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const limiter = createRateLimiter(60, 2);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(false);
    vi.spyOn(Date, 'now').mockReturnValue(1_001_000);
    expect(limiter.take('k').ok).toBe(true);
  });
});

describe('refill', () => {
  test.each([
    // perMinute, burst, ms waited after draining, requests that pass then
    [60, 5, 999, 0],
    [60, 5, 1_000, 1],
    [60, 5, 2_500, 2],
    [60, 5, 60_000, 5], // never more than the burst
    [6, 2, 9_999, 0],
    [6, 2, 10_000, 1],
    [120, 10, 500, 1],
    [1, 1, 59_999, 0],
    [1, 1, 60_000, 1],
  ])('perMinute %i, burst %i: %i ms after draining, %i pass', (perMinute, burst, waited, passes) => {
    const limiter = createRateLimiter(perMinute, burst);
    const t0 = 1_700_000_000_000;
    expect(burstAt(limiter, 'k', t0)).toBe(burst);
    expect(burstAt(limiter, 'k', t0 + waited)).toBe(passes);
  });

  test('a steady client at exactly the rate is never refused', () => {
    const limiter = createRateLimiter(60, 1);
    for (let i = 0; i < 500; i++) expect(limiter.take('k', i * 1000).ok).toBe(true);
  });

  test('a client faster than the rate is refused, and only as often as needed', () => {
    const limiter = createRateLimiter(60, 1);
    let passed = 0;
    for (let t = 0; t < 60_000; t += 250) if (limiter.take('k', t).ok) passed++;
    expect(passed).toBe(60);
  });
});

describe('retryAfterSeconds', () => {
  test.each([
    // perMinute, burst, ms after draining when asked, retryAfterSeconds
    [60, 3, 0, 1],
    [60, 3, 500, 1],
    [6, 2, 0, 10],
    [6, 2, 5_000, 5],
    [6, 2, 9_001, 1],
    [1, 1, 0, 60],
    [1, 1, 30_000, 30],
    [7, 1, 0, 9], // 8.57 s rounded up
    [6000, 10, 0, 1], // never less than a second
  ])('perMinute %i, burst %i, asked %i ms later: retry after %i s', (perMinute, burst, later, seconds) => {
    const limiter = createRateLimiter(perMinute, burst);
    burstAt(limiter, 'k', 0);
    expect(limiter.take('k', later)).toEqual({ ok: false, retryAfterSeconds: seconds });
  });

  test('waiting retryAfterSeconds is always enough', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 120_000 }), (perMinute, burst, later) => {
        const limiter = createRateLimiter(perMinute, burst);
        const t0 = 1_000_000;
        burstAt(limiter, 'k', t0);
        const r = limiter.take('k', t0 + later);
        if (r.ok) return; // refilled by then
        expect(Number.isInteger(r.retryAfterSeconds)).toBe(true);
        expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(limiter.take('k', t0 + later + r.retryAfterSeconds * 1000).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('refused requests spend no token: a client polling while limited still gets its token on time (within 1 ms)', () => {
    const limiter = createRateLimiter(60, 1);
    limiter.take('k', 0);
    for (let t = 0; t < 1000; t += 100) expect(limiter.take('k', t).ok).toBe(false);
    expect(limiter.take('k', 1001).ok).toBe(true);
  });

  // Each refused take() adds the elapsed fraction to the bucket in floating point: ten polls
  // of 0.1 token sum to 0.9999999999999999, so the token due at 1000 ms is refused.
  test('refused requests spend no token: polling every 100 ms, the token is there at exactly 1000 ms', () => {
    const limiter = createRateLimiter(60, 1);
    limiter.take('k', 0);
    for (let t = 0; t < 1000; t += 100) expect(limiter.take('k', t).ok).toBe(false);
    expect(limiter.take('k', 1000).ok).toBe(true);
  });
});

describe('unlimited', () => {
  test.each([[0], [-1], [-60]])('perMinute %i never refuses', (perMinute) => {
    const limiter = createRateLimiter(perMinute);
    for (let i = 0; i < 10_000; i++) expect(limiter.take('k', 0)).toEqual({ ok: true });
  });

  test('perMinute 0 keeps no bucket at all, however many clients', () => {
    const set = vi.spyOn(Map.prototype, 'set');
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`, 0);
    expect(set.mock.calls.filter(([k]) => typeof k === 'string' && k.startsWith('client-'))).toHaveLength(0);
  });
});

describe('bounded memory', () => {
  /** The size of the limiter's own map, found as the Map its keys were set into. */
  function trackBuckets() {
    const set = vi.spyOn(Map.prototype, 'set');
    return () => {
      const maps = new Set<Map<unknown, unknown>>();
      set.mock.calls.forEach(([k], i) => {
        if (typeof k === 'string' && k.startsWith('client-')) maps.add(set.mock.contexts[i] as Map<unknown, unknown>);
      });
      expect(maps.size).toBe(1);
      return [...maps][0].size;
    };
  }

  test.each([
    // maxKeys, clients, whether they drain their bucket
    [10, 1_000, true],
    [10, 1_000, false],
    [100, 20_000, true],
    [1, 50, true],
  ])('maxKeys %i with %i clients (draining: %s) keeps at most maxKeys buckets', (maxKeys, clients, drain) => {
    const size = trackBuckets();
    const limiter = createRateLimiter(60, 2, maxKeys);
    for (let i = 0; i < clients; i++) {
      limiter.take(`client-${i}`, i);
      if (drain) limiter.take(`client-${i}`, i);
    }
    expect(size()).toBeLessThanOrEqual(maxKeys);
  });

  test('the default keeps at most 50,000 buckets', () => {
    const size = trackBuckets();
    const limiter = createRateLimiter(60);
    for (let i = 0; i < 50_500; i++) limiter.take(`client-${i}`, 0);
    expect(size()).toBe(50_000);
  });

  test('when full, buckets that have refilled are dropped first: a drained client stays limited', () => {
    const limiter = createRateLimiter(60, 2, 3);
    expect(burstAt(limiter, 'a', 1_900)).toBe(2); // a: drained at 1.9 s
    limiter.take('b', 0); // b, c: one token spent at 0, full again by 2 s
    limiter.take('c', 0);
    expect(limiter.take('d', 2_000).ok).toBe(true); // full: b and c are swept, not a
    expect(limiter.take('a', 2_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  test('when full and nothing has refilled, the oldest client is forgotten (and starts afresh)', () => {
    const limiter = createRateLimiter(60, 2, 2);
    burstAt(limiter, 'a', 0);
    burstAt(limiter, 'b', 0);
    expect(limiter.take('c', 0).ok).toBe(true); // evicts a
    expect(limiter.take('b', 0).ok).toBe(false); // b is still remembered
    expect(limiter.take('a', 0).ok).toBe(true); // a was forgotten
  });
});
