import { afterEach, describe, expect, test, vi } from 'vitest';
import { createSharedRateLimiter, serveRateLimits } from '../../lib/web/shared-rate-limit';

/**
 * Workers ask the primary for each take: here the primary's side (serveRateLimits) answers
 * through a stand-in for process.send and the IPC channel back, in one process.
 */
function asWorkerOf(primary: ReturnType<typeof serveRateLimits> | null) {
  vi.stubEnv('WORKER_ID', '1');
  const me = { send: (m: unknown) => setImmediate(() => process.emit('message', m as never, undefined as never)) };
  const send = vi.fn((m: unknown) => {
    if (primary) primary(me, m);
    return true;
  });
  (process as unknown as { send?: unknown }).send = send;
  return send;
}

afterEach(() => {
  vi.unstubAllEnvs();
  delete (process as unknown as { send?: unknown }).send;
});

describe('a rate limit shared by workers', () => {
  test.each([
    // perMinute, burst, takes by worker A then B in turn, how many pass
    [60, 4, 10, 4],
    [6, 2, 6, 2],
    [600, 10, 8, 8],
  ])('%i a minute, burst %i: %i takes from two workers in turn, %i pass', async (perMinute, burst, takes, passing) => {
    const send = asWorkerOf(serveRateLimits());
    const a = createSharedRateLimiter('check', perMinute, burst);
    const b = createSharedRateLimiter('check', perMinute, burst);
    let ok = 0;
    for (let i = 0; i < takes; i++) if ((await (i % 2 ? b : a).take('203.0.113.7')).ok) ok++;
    expect(ok).toBe(passing);
    expect(send).toHaveBeenCalledTimes(takes); // (every take went to the primary)
  });

  test('a refused take says when to come back', async () => {
    asWorkerOf(serveRateLimits());
    const l = createSharedRateLimiter('batch', 6, 1);
    expect((await l.take('x')).ok).toBe(true);
    const r = await l.take('x');
    expect(r).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  test('other clients and other limiters have buckets of their own', async () => {
    asWorkerOf(serveRateLimits());
    const check = createSharedRateLimiter('check', 6, 1);
    const batch = createSharedRateLimiter('batch', 6, 1);
    expect((await check.take('x')).ok).toBe(true);
    expect((await check.take('x')).ok).toBe(false);
    expect((await check.take('y')).ok).toBe(true);
    expect((await batch.take('x')).ok).toBe(true);
  });

  test('with no limit set, nothing is asked', async () => {
    const send = asWorkerOf(serveRateLimits());
    const l = createSharedRateLimiter('check', 0);
    for (let i = 0; i < 5; i++) expect((await l.take('x')).ok).toBe(true);
    expect(send).not.toHaveBeenCalled();
  });

  test('when the primary does not answer, the worker limits on its own after a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      asWorkerOf(null);
      const l = createSharedRateLimiter('check', 6, 1);
      const first = l.take('x');
      await vi.advanceTimersByTimeAsync(1000);
      expect((await first).ok).toBe(true);
      const second = l.take('x');
      await vi.advanceTimersByTimeAsync(1000);
      expect((await second).ok).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  test('out of a cluster, the bucket is this process own', async () => {
    const l = createSharedRateLimiter('check', 6, 1);
    expect((await l.take('x')).ok).toBe(true);
    expect((await l.take('x')).ok).toBe(false);
  });
});
