import { check, type CheckResult } from '../check';
import type { Registry } from '../registry/registry';
import { setting } from '../settings/env';

/**
 * Don't redo the same work: a result link forwarded into a group is opened by hundreds of
 * people at once, and each open would parse and check the same text against the same registry.
 * A check depends only on the text and the registry's content, so results are kept, bounded,
 * keyed by both: a link opened a thousand times is checked once per registry version, and a
 * swapped registry (another version) never gets an answer made on the one before.
 *
 * Per process: each worker keeps its own (see README, "Several workers").
 */

/** A least-recently-used map bounded by a total weight (entries, or bytes when weigh says so). */
export class BoundedCache<V> {
  private readonly map = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (value: V, key: string) => number = () => 1,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    // Re-inserting moves the entry to the young end of the Map's order.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value, key);
    const old = this.map.get(key);
    if (old) {
      this.total -= old.weight;
      this.map.delete(key);
    }
    if (weight > this.maxWeight) return; // (too big to keep at all)
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxWeight) break;
      this.map.delete(k);
      this.total -= e.weight;
    }
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}

/** The key of a piece of work on a text: the registry version first, so versions never mix. */
export function workKey(version: string, text: string, ...more: string[]): string {
  // (Each part prefixed by its length: no version, however written, can pass for another's.)
  return [version, ...more, text].map((p) => `${p.length}:${p}`).join('');
}

const results = new BoundedCache<CheckResult>(setting('RESULT_CACHE_ENTRIES'));

/**
 * check(text, registry), remembered per registry version. The result is shared between
 * callers: treat it as read-only.
 */
export function cachedCheck(text: string, registry: Registry): CheckResult {
  const key = workKey(registry.info.version, text);
  let r = results.get(key);
  if (!r) {
    r = check(text, registry);
    results.set(key, r);
  }
  return r;
}

/** For tests: forget every result. */
export function clearResultCache(): void {
  results.clear();
}
