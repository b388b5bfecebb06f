import { describe, expect, test } from 'vitest';
import { batchStream, SLICE_MS } from '../../lib/web/batch-stream';

/** A batch that shares the server: slices that yield, and a reader that stops stops it. */

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const counting = (workMs = 0) => {
  const seen = { n: 0 };
  return { seen, line: (i: number) => (busy(workMs), seen.n++, JSON.stringify({ index: i })) };
};
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = await new Response(stream).text();
  return text.split('\n').filter(Boolean);
}
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('batchStream', () => {
  test('every line, in order, once', async () => {
    const { seen, line } = counting();
    const lines = await readAll(batchStream(1000, line));
    expect(lines.map((l) => JSON.parse(l).index)).toEqual([...Array(1000).keys()]);
    expect(seen.n).toBe(1000);
  });

  test('a line that throws becomes an error line, and the batch goes on', async () => {
    const lines = await readAll(batchStream(3, (i) => {
      if (i === 1) throw new Error('boom');
      return JSON.stringify({ index: i });
    }));
    expect(lines.map((l) => JSON.parse(l))).toEqual([{ index: 0 }, { index: 1, error: { code: 'internal', message: 'internal error on this line' } }, { index: 2 }]);
  });

  test('a client that goes away (cancel) stops its batch', async () => {
    const { seen, line } = counting(0.2);
    let stopped: boolean | null = null;
    const reader = batchStream(1000, line, { onEnd: (_n, s) => (stopped = s) }).getReader();
    await reader.read();
    await reader.cancel();
    const after = seen.n;
    await settle(100);
    expect(seen.n).toBe(after);
    expect(seen.n).toBeLessThan(1000);
    expect(stopped).toBe(true);
  });

  test('a client that stops reading pauses its batch: nothing is checked ahead of it but one slice', async () => {
    const { seen, line } = counting(0.2);
    const reader = batchStream(1000, line).getReader();
    await reader.read();
    await settle(150);
    const paused = seen.n;
    await settle(150);
    expect(seen.n).toBe(paused);
    expect(paused).toBeLessThan(1000);
    await reader.cancel();
  });

  test('an aborted request stops its batch', async () => {
    const { seen, line } = counting(0.2);
    const ac = new AbortController();
    const reader = batchStream(1000, line, { signal: ac.signal }).getReader();
    await reader.read();
    ac.abort();
    const rest: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(new TextDecoder().decode(value));
    }
    expect(seen.n).toBeLessThan(1000);
  });

  test('20 batches of 1,000 lines at once leave the event loop free: a timer is late by less than 100 ms', async () => {
    const batches = Array.from({ length: 20 }, () => readAll(batchStream(1000, counting(0.05).line)));
    const lags: number[] = [];
    const probe = (async () => {
      for (let k = 0; k < 20; k++) {
        const t = performance.now();
        await settle(10);
        lags.push(performance.now() - t - 10);
      }
    })();
    await Promise.all([...batches, probe]);
    expect(Math.max(...lags)).toBeLessThan(100);
    // (A slice is at most SLICE_MS of work, so the lag is a few slices at worst.)
    expect(SLICE_MS).toBeLessThan(20);
  }, 60_000);
});
