import { setting } from '../settings/env';
import { createRateLimiter, type RateLimiter } from './rate-limit';

/**
 * The rate limit of one client across every worker of `npm start` (scripts/serve.mjs): a
 * client's connections land on different workers, so a bucket per worker would let it send
 * as many times the limit as there are workers. In a worker, a take is asked of the primary
 * process, which holds the buckets (with createRateLimiter, as a single process does); out of
 * a cluster, or when the primary does not answer within a second, the bucket is this process's own.
 */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SharedRateLimiter {
  take(key: string): Promise<Take>;
}

type Reply = { rateLimit: 'took'; id: number; result: Take };
const pending = new Map<number, (r: Take) => void>();
let nextId = 1;
let listening = false;

function inCluster(): boolean {
  return setting('WORKER_ID') !== undefined && setting('SHARED_RATE_LIMIT') && typeof process.send === 'function';
}

function listen(): void {
  if (listening) return;
  listening = true;
  process.on('message', (m: Reply) => {
    if (m && m.rateLimit === 'took') {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    }
  });
}

export function createSharedRateLimiter(name: string, perMinute: number, burst?: number): SharedRateLimiter {
  const local: RateLimiter = createRateLimiter(perMinute, burst);
  return {
    take(key) {
      if (perMinute <= 0 || !inCluster()) return Promise.resolve(local.take(key));
      listen();
      const id = nextId++;
      return new Promise<Take>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(local.take(key));
        }, 1000);
        timer.unref?.();
        pending.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        process.send!({ rateLimit: 'take', id, name, perMinute, burst: burst ?? null, key });
      });
    },
  };
}

/** The primary's side: answer the workers' takes from one set of buckets per limiter. */
export function serveRateLimits(): (worker: { send(m: unknown): unknown }, message: unknown) => boolean {
  const limiters = new Map<string, RateLimiter>();
  return (worker, message) => {
    const m = message as { rateLimit?: string; id: number; name: string; perMinute: number; burst: number | null; key: string };
    if (!m || m.rateLimit !== 'take') return false;
    const k = `${m.name}:${m.perMinute}:${m.burst}`;
    let l = limiters.get(k);
    if (!l) limiters.set(k, (l = createRateLimiter(m.perMinute, m.burst ?? undefined)));
    worker.send({ rateLimit: 'took', id: m.id, result: l.take(String(m.key).slice(0, 64)) } satisfies Reply);
    return true;
  };
}
