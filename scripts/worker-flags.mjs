import os from 'node:os';

/**
 * The V8 flags each worker runs with (WORKER_NODE_FLAGS, else these; Node takes neither in
 * NODE_OPTIONS). Measured with bench:api on 2 cores, in alternate runs of one session:
 * - --single-threaded-gc, when the workers fill the cores: V8's helper threads for the garbage
 *   collector only took the CPU of the other worker (and the machine's other work), and cost
 *   CPU of their own to share the collection out: 0.75–0.88 ms of server CPU a check with it,
 *   0.95–1.04 without, and p99 within the goals in each run with it, in none without.
 * - --max-semi-space-size=64 (MB, from 16): the young generation is collected a third as often
 *   (35 times in 11,000 checks, not 97), and most of a check's objects are gone by then:
 *   0.74–0.82 ms a check, against 0.82–0.86. It costs memory: 348 MB resident after those
 *   checks, not 253.
 */
export function workerNodeFlags(count, env = process.env, cores = os.availableParallelism()) {
  if (env.WORKER_NODE_FLAGS !== undefined) return env.WORKER_NODE_FLAGS.split(/\s+/).filter(Boolean);
  return [...(count >= cores ? ['--single-threaded-gc'] : []), '--max-semi-space-size=64'];
}
