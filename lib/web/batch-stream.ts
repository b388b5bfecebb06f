/**
 * A batch as a stream of NDJSON lines, checked in slices of at most a few milliseconds, one
 * slice per turn of the event loop across all batches, so that other requests are served
 * between slices however many batches run. A slice is made only when the reader has
 * room for it: a client that stops reading pauses its batch, one that goes away (or aborts)
 * stops it. A line that throws becomes an error line; the batch goes on.
 */

export const SLICE_MS = 4;

export interface BatchStreamOptions {
  signal?: AbortSignal;
  /** Called once when the batch ends, with how many lines were written and whether it was stopped. */
  onEnd?: (written: number, stopped: boolean) => void;
}

// One slice per turn of the event loop, whatever the number of batches: their turns are
// queued here and granted one at a time, each from its own setImmediate, so that I/O (another
// request, /api/health) is polled between any two slices.
const waiting: (() => void)[] = [];
let pumping = false;
function pump() {
  const next = waiting.shift();
  if (!next) {
    pumping = false;
    return;
  }
  next();
  setImmediate(pump);
}
const turn = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });

export function batchStream(count: number, line: (index: number) => string, opts: BatchStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  let ended = false;
  const end = (stopped: boolean) => {
    if (ended) return;
    ended = true;
    opts.onEnd?.(i, stopped);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await turn();
        if (ended) return;
        if (opts.signal?.aborted) {
          end(true);
          controller.close();
          return;
        }
        const lines: string[] = [];
        const started = performance.now();
        while (i < count && (lines.length === 0 || performance.now() - started < SLICE_MS)) {
          try {
            lines.push(line(i));
          } catch {
            lines.push(JSON.stringify({ index: i, error: { code: 'internal', message: 'internal error on this line' } }));
          }
          i++;
        }
        controller.enqueue(encoder.encode(`${lines.join('\n')}\n`));
        if (i >= count) {
          end(false);
          controller.close();
        }
      },
      cancel() {
        end(true);
      },
    },
    { highWaterMark: 1 },
  );
}
