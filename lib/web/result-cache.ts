import { check, type CheckResult } from '../check';
import type { Registry } from '../registry/registry';
import { setting } from '../settings/env';

/**
 * Don't redo the same work: a result link forwarded into a group is opened by hundreds of
 * people at once, and each open would parse and check the same text against the same registry.
 * A check depends only on the text and the registry's content, so results are kept, bounded,
 * keyed by both: a link opened a thousand times is checked once per registry version (at most
 * twice when a flood of other texts comes between its first two opens: AdmittingCache), and a
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

/** FNV-1a, 32 bits: a key remembered without keeping its string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A cache that keeps a value for long only once it is asked for again. A new value goes into a
 * small window (the last `windowEntries`, oldest out first); asked for while there, it moves
 * to the main one, a least-recently-used map of `maxEntries`. A value that leaves the window
 * unasked is dropped, and its key remembered as seen once (by a hash, among the last
 * 8 × maxEntries such keys): the next value made for that key goes to the main cache directly.
 *
 * Why: texts that all differ (new messages, each checked once) would otherwise fill the cache
 * with results nobody asks for again, and each kept result outlives the young generation's
 * collections and is copied out of it. Measured in one process, 8 runs side by side, with the
 * workers' GC flags: 5.7% ± 1.6% less CPU a check with nothing kept than with 5,000 results,
 * and 294 ms of young-generation pauses in 11,000 checks instead of 464.
 *
 * So a value is made once while its second use comes within `windowEntries` other keys (the
 * opens of a forwarded link come together), and at most twice however busy the process.
 */
export class AdmittingCache<V> {
  private readonly main: BoundedCache<V>;
  private readonly window = new Map<string, V>();
  private readonly seen = new Set<number>();

  constructor(
    readonly maxEntries: number,
    readonly windowEntries = Math.max(1, Math.min(64, maxEntries)),
  ) {
    this.main = new BoundedCache<V>(maxEntries);
  }

  /** Values kept in the main cache, and in the window. */
  get sizes(): { kept: number; window: number } {
    return { kept: this.main.size, window: this.window.size };
  }

  get(key: string): V | undefined {
    const kept = this.main.get(key);
    if (kept !== undefined) return kept;
    const fresh = this.window.get(key);
    if (fresh === undefined) return undefined;
    this.window.delete(key);
    this.main.set(key, fresh);
    return fresh;
  }

  set(key: string, value: V): void {
    const h = hash32(key);
    if (this.seen.delete(h)) {
      this.main.set(key, value);
      return;
    }
    this.window.delete(key);
    this.window.set(key, value);
    if (this.window.size <= this.windowEntries) return;
    const [oldest] = this.window.keys();
    this.window.delete(oldest);
    // (Bounded: forgotten all at once when full, as TinyLFU's doorkeeper is.)
    if (this.seen.size >= 8 * this.maxEntries) this.seen.clear();
    this.seen.add(hash32(oldest));
  }

  clear(): void {
    this.main.clear();
    this.window.clear();
    this.seen.clear();
  }
}

const results = new AdmittingCache<CheckResult>(setting('RESULT_CACHE_ENTRIES'));

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

/** For tests: how many results are kept, and in the window. */
export function resultCacheSizes(): { kept: number; window: number } {
  return results.sizes;
}

/** For tests: forget every result. */
export function clearResultCache(): void {
  results.clear();
}
