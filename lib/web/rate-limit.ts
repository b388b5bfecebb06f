/**
 * A per-client token bucket, kept in this process only: each instance behind a load balancer
 * limits on its own (a shared limit belongs to the balancer). Old buckets are swept so memory
 * stays bounded whatever the number of clients.
 */
export interface RateLimiter {
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(perMinute: number, burst = Math.max(1, Math.ceil(perMinute / 3)), maxKeys = 50_000): RateLimiter {
  const rate = perMinute / 60_000; // tokens per ms
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      if (perMinute <= 0) return { ok: true };
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) {
          // Sweep the buckets that have refilled: they hold nothing worth keeping.
          for (const [k, v] of buckets) if ((now - v.at) * rate + v.tokens >= burst) buckets.delete(k);
          if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        }
        b = { tokens: burst, at: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate);
      b.at = now;
      // (A hair under 1 after many small refills is floating-point dust, not a missing token.)
      if (b.tokens >= 1 - 1e-9) {
        b.tokens = Math.max(0, b.tokens - 1);
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
    },
  };
}
